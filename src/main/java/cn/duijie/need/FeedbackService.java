package cn.duijie.need;

import cn.duijie.domain.Vocabulary;
import cn.duijie.domain.CandidateType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Feedback on recommendations: kept in PostgreSQL; MET and DEAL also projected to the graph for ranking. */
@ApplicationScoped
public class FeedbackService {

    private final NeedService needs;
    private final OutboxRelay relay;
    private final ObjectMapper json;

    private final cn.duijie.contact.ContactService contacts;
    private final MatchFeedbackRepository repository;
    private final OutboxRepository outbox;

    FeedbackService(NeedService needs, OutboxRelay relay, ObjectMapper json, cn.duijie.contact.ContactService contacts,
                    MatchFeedbackRepository repository, OutboxRepository outbox) {
        this.repository = repository;
        this.outbox = outbox;
        this.contacts = contacts;
        this.needs = needs;
        this.relay = relay;
        this.json = json;
    }

    /** Records feedback for a caller who may act for the need's poster (else 404), as the caller's account. */
    public Uni<NeedApi.FeedbackView> record(cn.duijie.account.Caller caller, String needId, NeedApi.FeedbackRequest req) {
        CandidateType type = req.candidateType() == null || req.candidateType().isBlank() ? CandidateType.ENTERPRISE
                : Vocabulary.parse(CandidateType.class, req.candidateType()).orElseThrow(() -> DomainException.invalid("candidateType",
                        Messages.get("enum.allowed", req.candidateType(), Vocabulary.allowed(CandidateType.class))));
        return Panache.withTransaction(() -> needs.owned(caller, needId).chain(need -> {
            Actor poster = Actor.enterprise(need.postedBy);
            Actor named = req.actor() == null || req.actor().isBlank() ? null : parseActor(req.actor());
            if (named != null && !named.sameParty(poster) && !named.sameParty(caller.ownParty())) {
                throw cn.duijie.account.AccessPolicy.forbidden(Messages.get("access.not-your-party", named.label()));
            }
            Actor actor = poster.enteredBy(caller.username());
            String candidate = req.candidateId().strip();
            if (type == CandidateType.ENTERPRISE && candidate.equalsIgnoreCase(need.postedBy)) {
                throw DomainException.invalid("candidateId", Messages.get("feedback.self"));
            }
            return repository.recorded(needId, candidate, req.action()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(existing);
                }
                MatchFeedback f = new MatchFeedback();
                f.needId = needId;
                f.candidateType = type;
                f.candidateId = candidate;
                f.action = req.action();
                f.actor = actor.label();
                f.enteredBy = actor.name();
                f.note = req.note();
                f.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                Uni<Void> written = Uni.createFrom().voidItem();
                if (req.action() == MatchFeedback.Action.MET || req.action() == MatchFeedback.Action.DEAL) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("needId", needId);
                    p.put("postedBy", need.postedBy);
                    p.put("candidateType", type.name());
                    p.put("candidateId", candidate);
                    p.put("action", f.action.name());
                    p.put("at", f.createdAt.toString());
                    written = outbox.add("FEEDBACK", needId, "MATCH_OUTCOME", write(p));
                }
                if (req.action() == MatchFeedback.Action.CONTACT_REQUESTED) {
                    // the poster asks the candidate to exchange contact details (consent before anything is shown)
                    written = written.chain(() -> contacts.requestFromFeedback(poster, type, candidate, needId, req.note(),
                            caller.username())).replaceWithVoid();
                }
                return written.chain(() -> repository.persist(f)).replaceWith(f);
            });
        })).invoke(f -> relay.nudge()).map(NeedApi.FeedbackView::from);
    }

    /** Feedback of a need, for a caller who may act for its poster (else 404). */
    public Uni<List<NeedApi.FeedbackView>> list(cn.duijie.account.Caller caller, String needId, MatchFeedback.Action action) {
        return Panache.withSession(() -> needs.owned(caller, needId).chain(n -> action == null
                ? repository.ofNeed(needId) : repository.ofNeed(needId, action)))
                .map(l -> l.stream().map(NeedApi.FeedbackView::from).toList());
    }

    /** Candidate ids dismissed for a need: never recommended again for it. Call inside a session. */
    public Uni<Set<String>> dismissed(String needId) {
        return repository.dismissedFor(needId);
    }

    /** Ids of the needs this candidate was dismissed for: never offered to it as opportunities. Call inside a session. */
    public Uni<Set<String>> dismissedFrom(String candidateId) {
        return repository.needsDismissing(candidateId);
    }

    static Actor parseActor(String text) {
        try {
            return Actor.parse(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("actor", Messages.get("actor.invalid", text));
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
