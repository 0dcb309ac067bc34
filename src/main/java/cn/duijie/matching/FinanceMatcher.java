package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Fund introduction (投融资对接): scores every fund whose region mandate admits the firm from the matching snapshot;
 * {@link FundScorer} holds the formula. A fund holding a direct competitor is flagged, never dropped.
 */
@ApplicationScoped
public class FinanceMatcher {

    private final MatchingSnapshots snapshots;
    private final FundScorer scorer;

    FinanceMatcher(MatchingSnapshots snapshots, MatchingConfig config) {
        this.snapshots = snapshots;
        this.scorer = new FundScorer(config.finance());
    }

    public Uni<List<MatchModel.Match>> forNeed(MatchQuery need, Set<String> dismissed, int limit) {
        return forNeed(need, dismissed, limit, null);
    }

    /** With {@code only} set, scores just that fund (a fund's deal flow). */
    public Uni<List<MatchModel.Match>> forNeed(MatchQuery need, Set<String> dismissed, int limit, String only) {
        return snapshots.current().map(s -> rank(s, need, dismissed, limit, only));
    }

    /**
     * A fund's deal flow (its opportunities): every open FINANCE need whose poster the fund's mandate admits, scored
     * from one snapshot as the need's own list scores the fund, best first; null when there is no such fund.
     */
    public List<ReverseMatch> needsFor(MatchingSnapshot s, String fundId, Set<String> dismissedNeeds, int limit) {
        Funds.Fund fund = s.funds().byId().get(fundId);
        if (fund == null) {
            return null;
        }
        record Pre(MatchQuery need, Asker asker, FundSignals.Adjacent adjacent, double score) {
        }
        // the best `limit` needs by score, worst on top (ties: the smaller need id first); reasons only for those
        Comparator<Pre> worstFirst = Comparator.comparingDouble(Pre::score)
                .thenComparing(p -> p.need().needId(), Comparator.reverseOrder());
        TopK<Pre> top = new TopK<>(limit, worstFirst);
        for (MatchQuery n : s.needs().finance()) {
            Asker a = dismissedNeeds.contains(n.needId()) ? null : asker(s, n);
            if (a == null || !fund.admits(a.ancestors())) {
                continue;
            }
            FundSignals.Adjacent adjacent = adjacentIn(s, fund, a);
            top.offer(new Pre(n, a, adjacent, scorer.total(scorer.parts(signals(s, fund, a, adjacent, n, false)))));
        }
        List<ReverseMatch> out = new ArrayList<>();
        for (Pre p : top.kept()) {
            out.add(new ReverseMatch(p.need(), scorer.score(signals(s, fund, p.asker(), p.adjacent(), p.need(), true))));
        }
        out.sort(Comparator.comparingDouble((ReverseMatch o) -> o.match().score()).reversed()
                .thenComparing(o -> o.need().needId()));
        return out;
    }

    /** The first firm of one fund's portfolio that supplies the asker or buys from it, or null. */
    private static FundSignals.Adjacent adjacentIn(MatchingSnapshot s, Funds.Fund f, Asker a) {
        for (String p : f.portfolio()) {
            if (!p.equals(a.firm().id()) && (a.suppliers().contains(p) || a.customers().contains(p))) {
                FirmsAndProducts.Firm firm = s.firms().firm(p);
                return new FundSignals.Adjacent(p, firm == null ? p : firm.name(), a.suppliers().contains(p));
            }
        }
        return null;
    }

    /** The firm as fund matching sees it: where it is, what it makes, its chains, customers and suppliers. */
    private record Asker(FirmsAndProducts.Firm firm, List<String> ancestors, String city, Set<String> segments,
                         Set<String> chains, Set<String> customers, Set<String> suppliers, Set<String> products) {
    }

    List<MatchModel.Match> rank(MatchingSnapshot s, MatchQuery need, Set<String> dismissed, int limit, String only) {
        Asker a = asker(s, need);
        if (a == null) {
            return List.of();
        }
        Map<String, FundSignals.Adjacent> adjacent = only == null ? adjacent(s, a) : null;
        record Pre(Funds.Fund fund, FundSignals.Adjacent adjacent, double score) {
        }
        // the best `limit` funds by score, worst on top; ties go to the smaller id as in the final order
        Comparator<Pre> worstFirst = Comparator.comparingDouble(Pre::score)
                .thenComparing(p -> p.fund().id(), Comparator.reverseOrder());
        TopK<Pre> top = new TopK<>(limit, worstFirst);
        List<Funds.Fund> candidates = only == null ? s.funds().all()
                : s.funds().byId().containsKey(only) ? List.of(s.funds().byId().get(only)) : List.of();
        for (Funds.Fund f : candidates) {
            if (dismissed.contains(f.id()) || !f.admits(a.ancestors())) {
                continue;
            }
            FundSignals.Adjacent adj = adjacent == null ? adjacentIn(s, f, a) : adjacent.get(f.id());
            FundSignals signals = signals(s, f, a, adj, need, false);
            top.offer(new Pre(f, adj, scorer.total(scorer.parts(signals))));
        }
        List<MatchModel.Match> out = new ArrayList<>();
        for (Pre p : top.kept()) {
            out.add(scorer.score(signals(s, p.fund(), a, p.adjacent(), need, true)));
        }
        out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
        return out;
    }

    /** The poster of a need as fund matching sees it, or null when the firm is not in the snapshot. */
    private static Asker asker(MatchingSnapshot s, MatchQuery need) {
        FirmsAndProducts firms = s.firms();
        FirmsAndProducts.Firm buyer = firms.firm(need.postedBy());
        if (buyer == null) {
            return null;
        }
        Set<String> segments = firms.segmentsOf(buyer);
        Set<String> chains = new HashSet<>(buyer.leads());
        segments.forEach(seg -> {
            String c = firms.segmentChain().get(seg);
            if (c != null) {
                chains.add(c);
            }
        });
        return new Asker(buyer, s.regions().regionAndAbove(buyer.regionCode()), s.regions().cityOf(buyer.regionCode()),
                segments, chains, Set.copyOf(buyer.buyers()), Set.copyOf(firms.suppliedBy().getOrDefault(buyer.id(), List.of())),
                Set.copyOf(buyer.makes()));
    }

    /**
     * For each fund holding a supplier or customer of the asker, that portfolio firm (the first in the fund's
     * portfolio order when it holds several): read from the firms' investors, not from every fund's portfolio.
     */
    private static Map<String, FundSignals.Adjacent> adjacent(MatchingSnapshot s, Asker a) {
        Map<String, Integer> at = new HashMap<>();
        Map<String, FundSignals.Adjacent> out = new HashMap<>();
        Set<String> near = new HashSet<>(a.suppliers());
        near.addAll(a.customers());
        near.remove(a.firm().id());
        for (String p : near) {
            for (Funds.Fund f : s.funds().byHolding().getOrDefault(p, List.of())) {
                int i = f.portfolio().indexOf(p);
                Integer before = at.get(f.id());
                if (before == null || i < before) {
                    at.put(f.id(), i);
                    FirmsAndProducts.Firm firm = s.firms().firm(p);
                    out.put(f.id(), new FundSignals.Adjacent(p, firm == null ? p : firm.name(), a.suppliers().contains(p)));
                }
            }
        }
        return out;
    }

    /** The fund's chains or segments that are the asker's, by name ({@code names} null: by code). */
    private static List<String> focus(List<String> fund, Set<String> asker, Map<String, String> names) {
        List<String> out = null;
        for (String c : fund) {
            if (asker.contains(c)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(names == null ? c : names.getOrDefault(c, c));
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * One fund's signals; the competitor check and the names of its focus (neither changes the score) only when
     * {@code withRival}.
     */
    private static FundSignals signals(MatchingSnapshot s, Funds.Fund f, Asker a, FundSignals.Adjacent adjacent,
                                       MatchQuery need, boolean withRival) {
        FirmsAndProducts firms = s.firms();
        SupplySignals.Party rival = null;
        for (int i = 0; withRival && rival == null && a.city() != null && i < f.portfolio().size(); i++) {
            String p = f.portfolio().get(i);
            FirmsAndProducts.Firm firm = p.equals(a.firm().id()) ? null : firms.firm(p);
            if (firm != null && firm.makes().stream().anyMatch(a.products()::contains)
                    && s.regions().regionAndAbove(firm.regionCode()).contains(a.city())) {
                rival = new SupplySignals.Party(p, firm.name());
            }
        }
        // the score reads only whether there is focus; names are looked up for the funds that are shown
        List<String> chainFocus = focus(f.chains(), a.chains(), withRival ? firms.chainNames() : null);
        List<String> segmentFocus = focus(f.segments(), a.segments(), withRival ? firms.segmentNames() : null);
        return new FundSignals(new SupplySignals.Party(a.firm().id(), a.firm().name()), f.id(), f.name(), f.regionCode(),
                f.mandate(), segmentFocus, chainFocus, f.stages(), f.instruments(), f.min(), f.max(), adjacent, rival,
                s.track().of(f.trackKey()).deals(), need.amountWan(), need.stage(), need.instrument());
    }
}
