package cn.duijie.need;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Feedback on recommended candidates (table match_feedback). Call inside a session. */
@ApplicationScoped
public class MatchFeedbackRepository implements PanacheRepositoryBase<MatchFeedback, Long> {

    /** The one record of this action on this candidate for this need, or null. */
    public Uni<MatchFeedback> recorded(String needId, String candidateId, MatchFeedback.Action action) {
        return find("needId = ?1 and candidateId = ?2 and action = ?3", needId, candidateId, action).firstResult();
    }

    /** A need's feedback, oldest first. */
    public Uni<List<MatchFeedback>> ofNeed(String needId) {
        return list("needId = ?1 order by createdAt, id", needId);
    }

    /** A need's feedback of one action, oldest first. */
    public Uni<List<MatchFeedback>> ofNeed(String needId, MatchFeedback.Action action) {
        return list("needId = ?1 and action = ?2 order by createdAt, id", needId, action);
    }

    /** Candidate ids dismissed for a need. */
    public Uni<Set<String>> dismissedFor(String needId) {
        return list("needId = ?1 and action = ?2", needId, MatchFeedback.Action.DISMISS)
                .map(l -> Set.copyOf(l.stream().map(f -> f.candidateId).toList()));
    }

    /** Ids of the needs whose posters dismissed this candidate. */
    public Uni<Set<String>> needsDismissing(String candidateId) {
        return list("candidateId = ?1 and action = ?2", candidateId, MatchFeedback.Action.DISMISS)
                .map(l -> Set.copyOf(l.stream().map(f -> f.needId).toList()));
    }
}
