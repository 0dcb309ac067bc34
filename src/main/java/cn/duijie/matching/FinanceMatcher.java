package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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

    /** The firm as fund matching sees it: where it is, what it makes, its chains, customers and suppliers. */
    private record Asker(FirmsAndProducts.Firm firm, List<String> ancestors, String city, Set<String> segments,
                         Set<String> chains, Set<String> customers, Set<String> suppliers, Set<String> products) {
    }

    List<MatchModel.Match> rank(MatchingSnapshot s, MatchQuery need, Set<String> dismissed, int limit, String only) {
        FirmsAndProducts firms = s.firms();
        FirmsAndProducts.Firm buyer = firms.firm(need.postedBy());
        if (buyer == null) {
            return List.of();
        }
        Set<String> segments = firms.segmentsOf(buyer);
        Set<String> chains = new HashSet<>(buyer.leads());
        segments.forEach(seg -> {
            String c = firms.segmentChain().get(seg);
            if (c != null) {
                chains.add(c);
            }
        });
        Asker a = new Asker(buyer, s.regions().regionAndAbove(buyer.regionCode()), s.regions().cityOf(buyer.regionCode()),
                segments, chains, Set.copyOf(buyer.buyers()), Set.copyOf(firms.suppliedBy().getOrDefault(buyer.id(), List.of())),
                Set.copyOf(buyer.makes()));
        record Pre(Funds.Fund fund, FundSignals signals, double score) {
        }
        // the best `limit` funds by score, worst on top; ties go to the smaller id as in the final order
        PriorityQueue<Pre> top = new PriorityQueue<>(limit + 1,
                Comparator.comparingDouble(Pre::score).thenComparing(p -> p.fund().id(), Comparator.reverseOrder()));
        for (Funds.Fund f : s.funds().byId().values()) {
            if ((only != null && !only.equals(f.id())) || dismissed.contains(f.id()) || !f.admits(a.ancestors())) {
                continue;
            }
            FundSignals signals = signals(s, f, a, need, false);
            top.add(new Pre(f, signals, scorer.total(scorer.parts(signals))));
            if (top.size() > limit) {
                top.poll();
            }
        }
        List<MatchModel.Match> out = new ArrayList<>();
        for (Pre p : top) {
            out.add(scorer.score(signals(s, p.fund(), a, need, true)));
        }
        out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
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
    private static FundSignals signals(MatchingSnapshot s, Funds.Fund f, Asker a, MatchQuery need, boolean withRival) {
        FirmsAndProducts firms = s.firms();
        FundSignals.Adjacent adjacent = null;
        SupplySignals.Party rival = null;
        for (String p : f.portfolio()) {
            if (p.equals(a.firm().id())) {
                continue;
            }
            if (adjacent == null && (a.suppliers().contains(p) || a.customers().contains(p))) {
                FirmsAndProducts.Firm firm = firms.firm(p);
                adjacent = new FundSignals.Adjacent(p, firm == null ? p : firm.name(), a.suppliers().contains(p));
            }
            if (withRival && rival == null && a.city() != null) {
                FirmsAndProducts.Firm firm = firms.firm(p);
                if (firm != null && firm.makes().stream().anyMatch(a.products()::contains)
                        && s.regions().regionAndAbove(firm.regionCode()).contains(a.city())) {
                    rival = new SupplySignals.Party(p, firm.name());
                }
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
