package cn.duijie.matching;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.need.FeedbackService;
import cn.duijie.need.MatchFeedback;
import cn.duijie.need.Need;
import cn.duijie.need.NeedService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Recommendations for a need and opportunities for a party, on the engine of each need kind. */
@ApplicationScoped
public class MatchingService {

    public static final int MAX_LIMIT = 100;

    private final NeedService needs;
    private final FeedbackService feedback;
    private final SupplyMatcher supply;
    private final TechMatcher tech;
    private final FinanceMatcher finance;

    MatchingService(NeedService needs, FeedbackService feedback, SupplyMatcher supply, TechMatcher tech, FinanceMatcher finance) {
        this.needs = needs;
        this.feedback = feedback;
        this.supply = supply;
        this.tech = tech;
        this.finance = finance;
    }

    public Uni<List<MatchModel.Match>> matches(String needId, int limit) {
        checkLimit(limit);
        return Panache.withSession(() -> needs.findNeed(needId)
                        .chain(need -> feedback.dismissed(needId).map(d -> new Object[] {need, d})))
                .chain(pair -> {
                    Need need = (Need) pair[0];
                    @SuppressWarnings("unchecked")
                    Set<String> dismissed = (Set<String>) pair[1];
                    return switch (Need.Kind.valueOf(need.kind)) {
                        case SUPPLY -> supply.forNeed(need, dismissed, limit);
                        case TECH -> tech.forNeed(need, dismissed, limit);
                        case FINANCE -> finance.forNeed(need, dismissed, limit);
                    };
                });
    }

    public Uni<List<MatchModel.Opportunity>> supplyOpportunities(String creditCode, int limit) {
        checkLimit(limit);
        return Panache.withSession(() -> MatchFeedback.<MatchFeedback>list(
                        "candidateId = ?1 and action = 'DISMISS'", creditCode.strip().toUpperCase()))
                .map(l -> Set.copyOf(l.stream().map(f -> f.needId).toList()))
                .chain(dismissedNeeds -> supply.opportunities(creditCode.strip().toUpperCase(), dismissedNeeds, limit));
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", Messages.get("matching.limit", MAX_LIMIT));
        }
    }
}
