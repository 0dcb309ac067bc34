package cn.duijie.resilience;

import cn.duijie.domain.CandidateType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.Messages;
import cn.duijie.domain.NeedPurpose;
import cn.duijie.matching.FirmsAndProducts;
import cn.duijie.matching.MatchModel;
import cn.duijie.matching.MatchQuery;
import cn.duijie.matching.MatchingSnapshot;
import cn.duijie.matching.MatchingSnapshots;
import io.smallrye.mutiny.Uni;

/**
 * Second-source matching (二次寻源): an adjustment applied to a SUPPLY need's scored candidates, after the one supply
 * scorer. When the need seeks a second source — said so, or by default while the poster's current supply of a wanted
 * product is single-source — candidates tied to the incumbent (the incumbent itself, its sister firms by group or
 * 字号, its own suppliers; more mildly, firms in its city) have their score multiplied down and are flagged; the
 * others carry the reason 降低单一来源风险. Nobody is hidden. Everything it reads (the poster's suppliers per product,
 * trade names, cities) comes from the matching snapshot: a SUPPLY request asks the graph nothing.
 */
@ApplicationScoped
public class SecondSource {

    /** The incumbents a second source should not be tied to, and whether the need seeks one. */
    public record Plan(NeedPurpose purpose, List<String> incumbents) {
        public boolean active() {
            return purpose == NeedPurpose.SECOND_SOURCE && !incumbents.isEmpty();
        }
    }

    private final MatchingSnapshots snapshots;
    private final ResilienceConfig.SecondSource config;

    SecondSource(MatchingSnapshots snapshots, ResilienceConfig config) {
        this.snapshots = snapshots;
        this.config = config.secondSource();
    }

    /**
     * Who currently supplies the poster with a wanted product (edges naming the product, or naming none from a firm
     * that makes it), and the need's purpose: the declared one, else SECOND_SOURCE when some wanted product has
     * exactly one supplier.
     */
    public Uni<Plan> plan(MatchQuery need, NeedPurpose declared) {
        return snapshots.current().map(snapshot -> plan(snapshot.firms(), need, declared));
    }

    static Plan plan(FirmsAndProducts s, MatchQuery need, NeedPurpose declared) {
        String poster = need.postedBy();
        List<FirmsAndProducts.Incoming> edges = poster == null ? List.of() : s.suppliesInto(poster);
        if (need.productCodes().isEmpty() || declared == NeedPurpose.GENERAL || edges.isEmpty()) {
            return new Plan(declared == null ? NeedPurpose.GENERAL : declared, List.of());
        }
        Map<String, Set<String>> byProduct = incumbentsByProduct(s, edges, need.productCodes());
        boolean single = byProduct.values().stream().anyMatch(x -> x.size() == 1);
        NeedPurpose purpose = declared != null ? declared : single ? NeedPurpose.SECOND_SOURCE : NeedPurpose.GENERAL;
        Set<String> all = new LinkedHashSet<>();
        byProduct.values().forEach(all::addAll);
        return new Plan(purpose, List.copyOf(all));
    }

    /** The poster's suppliers per wanted product. */
    static Map<String, Set<String>> incumbentsByProduct(FirmsAndProducts s, List<FirmsAndProducts.Incoming> edges,
                                                        List<String> wanted) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (FirmsAndProducts.Incoming e : edges) {
            if (e.product() != null) {
                if (wanted.contains(e.product())) {
                    out.computeIfAbsent(e.product(), k -> new LinkedHashSet<>()).add(e.supplier());
                }
                continue;
            }
            FirmsAndProducts.Firm f = s.firm(e.supplier());
            if (f != null) {
                f.makes().stream().filter(wanted::contains).forEach(p -> out.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(e.supplier()));
            }
        }
        return out;
    }

    /** The candidates reordered for a second source when the plan is active, cut to limit; unchanged otherwise. */
    public Uni<List<MatchModel.Match>> adjust(Plan plan, List<MatchModel.Match> ranked, int limit) {
        if (!plan.active()) {
            return Uni.createFrom().item(ranked.size() > limit ? ranked.subList(0, limit) : ranked);
        }
        return snapshots.current().map(snapshot -> adjust(snapshot, new TradeNames(snapshot.regions().names().values()),
                snapshot.regions().names(), plan.incumbents(), ranked, limit));
    }

    List<MatchModel.Match> adjust(MatchingSnapshot snapshot, TradeNames tradeNames, Map<String, String> regionNames,
                                  List<String> incumbentIds, List<MatchModel.Match> ranked, int limit) {
        FirmsAndProducts s = snapshot.firms();
        record Incumbent(String id, String name, String city, String trade, Set<String> suppliers) {
        }
        List<Incumbent> incumbents = new ArrayList<>();
        for (String id : incumbentIds) {
            FirmsAndProducts.Firm f = s.firm(id);
            String name = f == null ? id : f.name();
            incumbents.add(new Incumbent(id, name, f == null ? null : city(snapshot, f), tradeNames.of(name),
                    Set.copyOf(s.suppliedBy().getOrDefault(id, List.of()))));
        }
        String names = String.join("、", incumbents.stream().map(Incumbent::name).toList());
        List<MatchModel.Match> out = new ArrayList<>(ranked.size());
        for (MatchModel.Match m : ranked) {
            if (m.candidate().type() != CandidateType.ENTERPRISE) {
                out.add(m);
                continue;
            }
            FirmsAndProducts.Firm c = s.firm(m.candidate().id());
            String cCity = c == null ? null : city(snapshot, c);
            String cTrade = c == null ? null : tradeNames.of(c.name());
            List<String> strong = new ArrayList<>();
            List<String> mild = new ArrayList<>();
            boolean incumbent = false;
            for (Incumbent i : incumbents) {
                if (i.id().equals(m.candidate().id())) {
                    incumbent = true;
                    continue;
                }
                if (cTrade != null && cTrade.equals(i.trade())) {
                    strong.add(Messages.get("second-source.tie.group", i.name(), cTrade));
                }
                if (i.suppliers().contains(m.candidate().id())) {
                    strong.add(Messages.get("second-source.tie.supplies", i.name()));
                }
                if (cCity != null && cCity.equals(i.city())) {
                    mild.add(Messages.get("second-source.tie.city", i.name(), regionNames.getOrDefault(cCity, cCity)));
                }
            }
            List<MatchModel.Reason> reasons = new ArrayList<>(m.reasons());
            List<String> flags = new ArrayList<>(m.flags());
            double factor;
            if (incumbent) {
                factor = config.tiedFactor();
                flags.add("INCUMBENT_SUPPLIER");
                reasons.add(new MatchModel.Reason("INCUMBENT_SUPPLIER", Messages.get("second-source.incumbent"),
                        round(m.score() * factor - m.score()), null));
            } else if (!strong.isEmpty() || !mild.isEmpty()) {
                factor = strong.isEmpty() ? config.sameCityFactor() : config.tiedFactor();
                flags.add("TIED_TO_INCUMBENT");
                List<String> ties = new ArrayList<>(strong);
                ties.addAll(mild);
                reasons.add(new MatchModel.Reason("TIED_TO_INCUMBENT", Messages.get("second-source.tied", String.join("；", ties)),
                        round(m.score() * factor - m.score()), null));
            } else {
                factor = 1;
                reasons.add(0, new MatchModel.Reason("SECOND_SOURCE", Messages.get("second-source.independent", names), 0, null));
            }
            double score = round(m.score() * factor);
            out.add(new MatchModel.Match(m.candidate(), score, reasons, List.copyOf(flags)));
        }
        out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** How many candidates to score before reordering, so that the independent ones reach the cut. */
    public static int pool(int limit) {
        return Math.min(cn.duijie.matching.MatchingService.MAX_LIMIT, Math.max(40, limit * 3));
    }

    static String city(MatchingSnapshot snapshot, FirmsAndProducts.Firm f) {
        String city = snapshot.regions().cityOf(f.regionCode());
        return city == null ? f.regionCode() : city;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
