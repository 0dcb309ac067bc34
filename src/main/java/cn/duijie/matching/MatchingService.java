package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

import cn.duijie.domain.NeedKind;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.need.FeedbackService;
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
    private final ConsortiumProposals consortia;
    private final cn.duijie.graph.Graph graph;
    private final cn.duijie.resilience.SecondSource secondSource;
    private final MatchingSnapshots snapshots;

    MatchingService(NeedService needs, FeedbackService feedback, SupplyMatcher supply, TechMatcher tech, FinanceMatcher finance,
                    ConsortiumProposals consortia, cn.duijie.graph.Graph graph, cn.duijie.resilience.SecondSource secondSource,
                    MatchingSnapshots snapshots) {
        this.snapshots = snapshots;
        this.secondSource = secondSource;
        this.graph = graph;
        this.consortia = consortia;
        this.needs = needs;
        this.feedback = feedback;
        this.supply = supply;
        this.tech = tech;
        this.finance = finance;
    }

    /** A need's recommendations, for a caller who may act for its poster (otherwise the need's 404). */
    public Uni<List<MatchModel.Match>> matches(cn.duijie.account.Caller caller, String needId, int limit) {
        checkLimit(limit);
        return withDismissed(caller, needId, (need, dismissed) -> switch (need.kind) {
            case SUPPLY -> secondSource.plan(MatchQuery.of(need), need.purpose).chain(plan -> plan.active()
                    ? supply.forNeed(MatchQuery.of(need), dismissed, cn.duijie.resilience.SecondSource.pool(limit))
                            .chain(ranked -> secondSource.adjust(plan, ranked, limit))
                    : supply.forNeed(MatchQuery.of(need), dismissed, limit));
            case TECH -> tech.forNeed(MatchQuery.of(need), dismissed, limit);
            case FINANCE -> finance.forNeed(MatchQuery.of(need), dismissed, limit);
        });
    }

    /** 揭榜挂帅 consortium proposals for a TECH need; candidates dismissed for the need stay out of them too. */
    public Uni<List<MatchModel.ConsortiumProposal>> consortia(String needId, int limit) {
        return withDismissed(null, needId, (need, dismissed) -> consortia.forNeed(MatchQuery.of(need), dismissed, limit));
    }

    /**
     * The need and the candidates dismissed for it, read in one session; with a caller, the need is checked for it
     * (404 unless it may act for the poster).
     */
    private <T> Uni<T> withDismissed(cn.duijie.account.Caller caller, String needId,
                                     java.util.function.BiFunction<Need, Set<String>, Uni<T>> then) {
        return Panache.withSession(() -> (caller == null ? needs.find(needId) : needs.owned(caller, needId))
                        .chain(need -> feedback.dismissed(needId).map(d -> java.util.Map.entry(need, d))))
                .chain(pair -> then.apply(pair.getKey(), pair.getValue()));
    }

    public Uni<List<MatchModel.Opportunity>> supplyOpportunities(String creditCode, int limit) {
        checkLimit(limit);
        return Panache.withSession(() -> feedback.dismissedFrom(creditCode.strip().toUpperCase()))
                .chain(dismissedNeeds -> supply.opportunities(creditCode.strip().toUpperCase(), dismissedNeeds, limit))
                .map(found -> {
                    if (found == null) {
                        throw DomainException.notFound(Messages.get("enterprise.not-found", creditCode.strip().toUpperCase()));
                    }
                    return found;
                });
    }

    /**
     * The reverse views of TECH and FINANCE: for a firm, achievements (kind TECH) or funds (kind FINANCE) for its
     * newest open need of that kind, or for its profile when it has none.
     */
    public Uni<List<MatchModel.Match>> partiesForFirm(String creditCode, NeedKind kind, int limit) {
        checkLimit(limit);
        String firm = creditCode.strip().toUpperCase();
        return Panache.withSession(() -> needs.newestOpen(firm, kind))
                .chain(open -> open != null ? Uni.createFrom().item(MatchQuery.of(open)) : profileQuery(firm, kind))
                .chain(need -> kind == NeedKind.TECH
                        ? tech.forNeed(need, Set.of(), limit * 3).map(l -> l.stream().filter(m -> m.candidate().type() == CandidateType.ACHIEVEMENT).limit(limit).toList())
                        : finance.forNeed(need, Set.of(), limit));
    }

    /** What a firm without an open need of the kind is asked on behalf of: its profile. */
    private Uni<MatchQuery> profileQuery(String firm, NeedKind kind) {
        return graph.read("""
                MATCH (e:Enterprise {creditCode: $firm})
                RETURN e.name AS name, coalesce(e.description, '') AS description,
                       [(e)-[:HAS_TECH]->(t) | t.code] AS techs, [(e)-[:MAKES]->(p) | p.code] AS products""", java.util.Map.of("firm", firm))
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw DomainException.notFound(Messages.get("enterprise.not-found", firm));
                    }
                    var r = rows.get(0);
                    return new MatchQuery(null, kind.name(), firm, r.get("description").asString(), null,
                            r.get("products").asList(org.neo4j.driver.Value::asString),
                            r.get("techs").asList(org.neo4j.driver.Value::asString), List.of(), null, null, null, null);
                });
    }

    /**
     * Open TECH needs an institution could take up, or FINANCE needs in a fund's deal flow, best first: scored from
     * one snapshot version by the forward engine, leaving out needs that dismissed the party.
     */
    public Uni<List<MatchModel.Opportunity>> needsForParty(String partyType, String id, int limit) {
        checkLimit(limit);
        boolean institution = partyType.equals("INSTITUTION");
        return snapshots.current().chain(s -> Panache.withSession(() -> feedback.dismissedFrom(id)).chain(dismissed -> institution
                        ? tech.needsFor(s, id, dismissed, limit) : Uni.createFrom().item(finance.needsFor(s, id, dismissed, limit))))
                .map(found -> {
                    if (found == null) {
                        throw DomainException.notFound(Messages.get(institution ? "institution.not-found" : "fund.not-found", id));
                    }
                    return found.stream().map(ReverseMatch::opportunity).toList();
                });
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", Messages.get("matching.limit", MAX_LIMIT));
        }
    }
}
