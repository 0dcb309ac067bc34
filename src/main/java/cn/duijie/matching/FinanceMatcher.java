package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;

import cn.duijie.common.Messages;
import cn.duijie.graph.Graph;
import cn.duijie.need.Need;
import io.smallrye.mutiny.Uni;

/**
 * Fund introduction (投融资对接): a FINANCE need against funds and bank products. A region mandate is a hard filter
 * (in the Cypher); a fund holding a direct competitor is flagged CONFLICT_OF_INTEREST and shown, never dropped.
 */
@ApplicationScoped
public class FinanceMatcher {

    private static final String QUERY = Graph.cypher("matching/finance-matches.cypher");

    private final Graph graph;
    private final MakerIndex index;
    private final MatchingConfig.Finance w;

    FinanceMatcher(Graph graph, MakerIndex index, MatchingConfig config) {
        this.graph = graph;
        this.index = index;
        this.w = config.finance();
    }

    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit) {
        return forNeed(need, dismissed, limit, null);
    }

    /** With {@code only} set, scores just that fund (a fund's deal flow). From the in-memory index when it is fresh. */
    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit, String only) {
        MakerIndex.Snapshot snapshot = index.fresh();
        return snapshot == null ? forNeedFromGraph(need, dismissed, limit, only)
                : Uni.createFrom().item(() -> forNeedFromIndex(snapshot, need, dismissed, limit, only));
    }

    /**
     * The same ranking as finance-matches.cypher, from the snapshot: every fund is scored with numbers only, and
     * reasons are written for the best {@code limit}.
     */
    List<MatchModel.Match> forNeedFromIndex(MakerIndex.Snapshot s, Need need, Set<String> dismissed, int limit, String only) {
        MakerIndex.Context x = s.context();
        MakerIndex.Firm buyer = s.firms().get(need.postedBy);
        if (buyer == null) {
            return List.of();
        }
        List<String> ancestors = x.regionAndAbove(buyer.regionCode());
        String city = ancestors.stream().filter(r -> "CITY".equals(x.regionLevel().get(r))).findFirst().orElse(null);
        Set<String> segments = s.segmentsOf(buyer);
        Set<String> chains = new java.util.HashSet<>(x.leads().getOrDefault(buyer.id(), List.of()));
        segments.forEach(seg -> {
            String c = x.segmentChain().get(seg);
            if (c != null) {
                chains.add(c);
            }
        });
        Set<String> customers = Set.copyOf(buyer.supplies());
        Set<String> suppliers = Set.copyOf(x.suppliedBy().getOrDefault(buyer.id(), List.of()));
        Set<String> products = Set.copyOf(buyer.makes());
        record Pre(MakerIndex.Fund fund, double score) {
        }
        // the best `limit` funds by score, worst on top; ties go to the smaller id as in the final order
        Comparator<Pre> worstFirst = Comparator.comparingDouble(Pre::score).thenComparing(p -> p.fund().id(), Comparator.reverseOrder());
        java.util.PriorityQueue<Pre> top = new java.util.PriorityQueue<>(limit + 1, worstFirst);
        for (MakerIndex.Fund f : x.funds().values()) {
            if ((only != null && !only.equals(f.id())) || dismissed.contains(f.id())
                    || !f.admits(ancestors)) {
                continue;
            }
            double focus = anyIn(f.segments(), segments) ? 1 : anyIn(f.chains(), chains) ? 0.6 : 0;
            boolean adjacent = false;
            for (String p : f.portfolio()) {
                adjacent |= !p.equals(buyer.id()) && (customers.contains(p) || suppliers.contains(p));
            }
            top.add(new Pre(f, total(parts(focus, need, f.stages(), f.instruments(), f.min(), f.max(), adjacent, f.deals()))));
            if (top.size() > limit) {
                top.poll();
            }
        }
        List<MatchModel.Match> out = new ArrayList<>();
        for (Pre p : top) {
            out.add(score(org.neo4j.driver.Values.value(hit(s, p.fund(), buyer, segments, chains, customers, suppliers, products, city)), need));
        }
        out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
        return out;
    }

    /** One fund in the shape finance-matches.cypher returns. */
    private static Map<String, Object> hit(MakerIndex.Snapshot s, MakerIndex.Fund f, MakerIndex.Firm buyer, Set<String> segments,
                                           Set<String> chains, Set<String> customers, Set<String> suppliers, Set<String> products,
                                           String city) {
        MakerIndex.Context x = s.context();
        Map<String, Object> h = new HashMap<>();
        h.put("id", f.id());
        h.put("name", f.name());
        h.put("regionCode", f.regionCode());
        h.put("stages", f.stages());
        h.put("instruments", f.instruments());
        h.put("min", f.min());
        h.put("max", f.max());
        h.put("mandate", f.mandate());
        h.put("chainFocus", f.chains().stream().filter(chains::contains).map(c -> x.chainNames().getOrDefault(c, c)).toList());
        h.put("segmentFocus", f.segments().stream().filter(segments::contains).map(seg -> s.segmentNames().getOrDefault(seg, seg)).toList());
        Map<String, Object> adjacent = null;
        Map<String, Object> rival = null;
        for (String p : f.portfolio()) {
            MakerIndex.Firm firm = s.firms().get(p);
            if (firm == null || p.equals(buyer.id())) {
                continue;
            }
            if (adjacent == null && (suppliers.contains(p) || customers.contains(p))) {
                adjacent = Map.of("creditCode", p, "name", firm.name(), "direction", suppliers.contains(p) ? "UPSTREAM" : "DOWNSTREAM");
            }
            if (rival == null && city != null && firm.makes().stream().anyMatch(products::contains)
                    && x.regionAndAbove(firm.regionCode()).contains(city)) {
                rival = Map.of("creditCode", p, "name", firm.name());
            }
        }
        h.put("adjacent", adjacent);
        h.put("rival", rival);
        h.put("deals", f.deals());
        h.put("buyerName", buyer.name());
        return h;
    }

    private static boolean anyIn(List<String> values, Set<String> set) {
        for (String v : values) {
            if (set.contains(v)) {
                return true;
            }
        }
        return false;
    }

    Uni<List<MatchModel.Match>> forNeedFromGraph(Need need, Set<String> dismissed, int limit, String only) {
        Map<String, Object> p = new HashMap<>();
        p.put("only", only);
        p.put("buyer", need.postedBy);
        p.put("amount", need.amountWan == null ? null : need.amountWan.doubleValue());
        p.put("stage", need.stage);
        p.put("instrument", need.instrument);
        return graph.read(QUERY, p).map(rows -> {
            List<MatchModel.Match> out = new ArrayList<>();
            for (var r : rows) {
                Value h = r.get("hit");
                if (!dismissed.contains(h.get("id").asString())) {
                    out.add(score(h, need));
                }
            }
            out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
            return out.size() > limit ? out.subList(0, limit) : out;
        });
    }

    /** The parts of a fund's score, each in [0, 1]: one formula for the graph and the index path. */
    record Parts(double focus, double stage, double instrument, double ticket, boolean covers, double adjacency, double track) {
    }

    Parts parts(double focus, Need need, List<String> stages, List<String> instruments, Double min, Double max, boolean adjacent,
                long deals) {
        double amount = need.amountWan == null ? 0 : need.amountWan.doubleValue();
        double lo = min == null ? 0 : min;
        double hi = max == null ? Double.MAX_VALUE : max;
        boolean covers = amount >= lo && amount <= hi;
        return new Parts(focus,
                need.stage == null ? 0.5 : stages.contains(need.stage) ? 1 : 0,
                need.instrument == null ? 0.5 : instruments.contains(need.instrument) ? 1 : 0,
                // outside the range: how far, as a ratio, counted at most half
                amount <= 0 ? 0.5 : covers ? 1 : 0.5 * (amount < lo ? amount / lo : hi / amount),
                covers, adjacent ? 1 : 0, Math.min(1, deals / 2.0));
    }

    private double weightSum() {
        return w.focus() + w.stage() + w.instrument() + w.ticket() + w.adjacency() + w.trackRecord();
    }

    /** The weighted sum of the parts, rounded as every score is. */
    double total(Parts p) {
        return SupplyMatcher.round((w.focus() * p.focus() + w.stage() * p.stage() + w.instrument() * p.instrument()
                + w.ticket() * p.ticket() + w.adjacency() * p.adjacency() + w.trackRecord() * p.track()) / weightSum());
    }

    MatchModel.Match score(Value h, Need need) {
        double total = weightSum();
        List<MatchModel.Reason> reasons = new ArrayList<>();
        String id = h.get("id").asString();
        String name = h.get("name").asString();
        List<String> segmentFocus = h.get("segmentFocus").asList(Value::asString);
        List<String> chainFocus = h.get("chainFocus").asList(Value::asString);
        List<String> stages = h.get("stages").isNull() ? List.of() : h.get("stages").asList(Value::asString);
        List<String> instruments = h.get("instruments").isNull() ? List.of() : h.get("instruments").asList(Value::asString);
        Double min = h.get("min").isNull() ? null : h.get("min").asDouble();
        Double max = h.get("max").isNull() ? null : h.get("max").asDouble();
        Value adjacent = h.get("adjacent");
        long deals = h.get("deals").asLong();
        Parts p = parts(!segmentFocus.isEmpty() ? 1 : !chainFocus.isEmpty() ? 0.6 : 0, need, stages, instruments, min, max,
                !adjacent.isNull(), deals);
        if (p.focus() > 0) {
            reasons.add(new MatchModel.Reason("FOCUS", Messages.get("reason.fin.focus",
                    String.join("、", segmentFocus.isEmpty() ? chainFocus : segmentFocus)), SupplyMatcher.round(w.focus() * p.focus() / total), null));
        }
        if (p.stage() == 1) {
            reasons.add(new MatchModel.Reason("STAGE", Messages.get("reason.fin.stage", need.stage), SupplyMatcher.round(w.stage() * p.stage() / total), null));
        }
        if (p.instrument() == 1) {
            reasons.add(new MatchModel.Reason("INSTRUMENT", Messages.get("reason.fin.instrument", need.instrument),
                    SupplyMatcher.round(w.instrument() * p.instrument() / total), null));
        }
        double amount = need.amountWan == null ? 0 : need.amountWan.doubleValue();
        reasons.add(new MatchModel.Reason(p.covers() ? "TICKET_FITS" : "TICKET_OUTSIDE",
                Messages.get(p.covers() ? "reason.fin.ticket" : "reason.fin.ticket.outside", plain(min == null ? 0 : min),
                        plain(max == null ? Double.MAX_VALUE : max), plain(amount)),
                SupplyMatcher.round(w.ticket() * p.ticket() / total), null));
        String buyerName = h.get("buyerName").asString(need.postedBy);
        if (!adjacent.isNull()) {
            boolean upstream = adjacent.get("direction").asString().equals("UPSTREAM");
            Paths path = Paths.start("FUND", id, name).to("INVESTED_IN", "ENTERPRISE", adjacent.get("creditCode").asString(),
                    adjacent.get("name").asString());
            path = upstream ? path.to("SUPPLIES", "ENTERPRISE", need.postedBy, buyerName) : path.from("SUPPLIES", "ENTERPRISE", need.postedBy, buyerName);
            reasons.add(new MatchModel.Reason("PORTFOLIO_ADJACENT", Messages.get(upstream ? "reason.fin.adjacent.up" : "reason.fin.adjacent.down",
                    adjacent.get("name").asString()), SupplyMatcher.round(w.adjacency() * p.adjacency() / total), path.build()));
        }
        String mandate = h.get("mandate").asString("");
        if (!mandate.isEmpty()) {
            reasons.add(new MatchModel.Reason("LOCAL_MANDATE", Messages.get("reason.fin.mandate"), 0, null));
        }
        if (deals > 0) {
            reasons.add(new MatchModel.Reason("TRACK_RECORD", Messages.get("reason.track", deals, 0), SupplyMatcher.round(w.trackRecord() * p.track() / total), null));
        }
        List<String> flags = new ArrayList<>();
        Value rival = h.get("rival");
        if (!rival.isNull()) {
            flags.add("CONFLICT_OF_INTEREST");
            reasons.add(new MatchModel.Reason("CONFLICT_OF_INTEREST", Messages.get("reason.fin.conflict", rival.get("name").asString()), 0,
                    Paths.start("FUND", id, name).to("INVESTED_IN", "ENTERPRISE", rival.get("creditCode").asString(), rival.get("name").asString()).build()));
        }
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        return new MatchModel.Match(new MatchModel.Candidate("FUND", id, name, h.get("regionCode").asString(null), null),
                total(p), reasons, flags);
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
