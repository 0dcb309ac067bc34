package cn.duijie.matching;

import cn.duijie.domain.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import cn.duijie.common.Messages;
import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import cn.duijie.need.Need;
import io.smallrye.mutiny.Uni;

/**
 * Supply pairing (产需对接): ranks firms for a SUPPLY need, and SUPPLY needs for a firm, with the same signals.
 * Hard filters: the buyer itself, dismissed candidates, required certifications, the need's radius. Everything else
 * only moves the score; see MatchingConfig for the weights.
 */
@ApplicationScoped
public class SupplyMatcher {

    private static final String CANDIDATES = Graph.cypher("matching/supply-candidates.cypher");
    private static final String SIGNALS = Graph.cypher("matching/supply-signals.cypher");
    private static final String OPPORTUNITIES = Graph.cypher("matching/supply-opportunities.cypher");
    private static final String TEXT_CANDIDATES = """
            CALL db.index.fulltext.queryNodes('enterprise_text', $text, {limit: $textLimit}) YIELD node, score
            RETURN node.creditCode AS id, score AS fit""";
    private static final int MAX_CANDIDATES = 4_000;

    private final Graph graph;
    private final MakerIndex index;
    private final MatchingConfig.Supply w;
    private final boolean textCache;

    SupplyMatcher(Graph graph, MakerIndex index, MatchingConfig config) {
        this.graph = graph;
        this.index = index;
        this.w = config.supply();
        this.textCache = config.textCache();
    }

    /** Structural fit of one candidate: how its product relates to the wanted one. */
    record Fit(String id, double fit, String how, String viaCode, String viaName, String wantCode, String wantName) {
        static Fit from(Record r) {
            return new Fit(r.get("id").asString(), r.get("fit").asDouble(), r.get("how").asString(),
                    r.get("viaCode").asString(null), r.get("viaName").asString(null),
                    r.get("wantCode").asString(null), r.get("wantName").asString(null));
        }
    }

    /** Ranked candidates for a SUPPLY need: from the maker index when it is fresh, else straight from the graph. */
    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit) {
        MakerIndex.Snapshot snapshot = index.fresh();
        return snapshot == null ? forNeedFromGraph(need, dismissed, limit) : forNeedFromIndex(snapshot, need, dismissed, limit);
    }

    /**
     * Candidates, their pre-score and every signal from the in-memory maker index; the graph is asked only for the
     * full-text hits on the need's title, and those are kept with the snapshot (needs often share a title, and the
     * hits cannot change before the snapshot does). Gives the same ranking as {@link #forNeedFromGraph} (tested).
     */
    Uni<List<MatchModel.Match>> forNeedFromIndex(MakerIndex.Snapshot s, Need need, Set<String> dismissed, int limit) {
        String text = FullText.escape(need.title);
        Uni<List<Record>> textHits = text.isEmpty() ? Uni.createFrom().item(List.of())
                : s.textHits(text, textCache, () -> graph.read(TEXT_CANDIDATES, Map.of("text", text, "textLimit", w.textLimit())));
        return textHits.chain(rows -> {
            // product groups, best fit first (for each wanted product: exact 1, narrower .85, broader .6, sibling .4)
            record Group(String product, String want, String wantName, double fit, String how) {
            }
            List<Group> groups = new ArrayList<>();
            for (String want : need.productCodeList()) {
                String wantName = s.productNames().getOrDefault(want, want);
                groups.add(new Group(want, want, wantName, 1.0, "EXACT"));
                s.narrower().getOrDefault(want, List.of()).forEach(n -> groups.add(new Group(n, want, wantName, 0.85, "NARROWER")));
                s.broader().getOrDefault(want, List.of()).forEach(b -> groups.add(new Group(b, want, wantName, 0.6, "BROADER")));
                s.siblings().getOrDefault(want, List.of()).forEach(x -> groups.add(new Group(x, want, wantName, 0.4, "SIBLING")));
            }
            groups.sort(Comparator.comparingDouble(Group::fit).reversed()); // stable: ties keep the wanted products' order
            Map<String, Double> textFit = textFits(rows);
            String buyerId = need.postedBy;
            MakerIndex.Firm buyer = s.firms().get(buyerId);
            List<String> certs = need.certificationList();
            Double maxKm = need.maxDistanceKm;
            int pool = Math.max(w.pool(), limit);
            double wp = w.product();
            double wd = w.distance();
            double wt = w.tier();
            double scale = w.distanceScaleKm();
            boolean buyerLocated = buyer != null && !Double.isNaN(buyer.lat());
            record Pre(Fit fit, double km, double score) {
            }
            // keep only the best pool by pre-score: a bounded heap, worst on top
            java.util.PriorityQueue<Pre> top = new java.util.PriorityQueue<>(pool + 1,
                    Comparator.comparingDouble(Pre::score).thenComparing(p -> p.fit().id(), Comparator.reverseOrder()));
            java.util.function.BiConsumer<MakerIndex.Firm, Fit> offer = (c, f) -> {
                if (c == null || c.id().equals(buyerId) || dismissed.contains(c.id())
                        || (!certs.isEmpty() && !c.certifications().containsAll(certs))) {
                    return;
                }
                double km = !buyerLocated || Double.isNaN(c.lat()) ? Double.NaN : haversineKm(c.lat(), c.lon(), buyer.lat(), buyer.lon());
                if (maxKm != null && (Double.isNaN(km) || km > maxKm)) {
                    return;
                }
                double distance = Double.isNaN(km) ? 0.3 : Math.exp(-km / scale);
                top.add(new Pre(f, km, f.fit() * wp + distance * wd + tierScore(c.tier()) * wt));
                if (top.size() > pool) {
                    top.poll();
                }
            };
            java.util.BitSet seen = new java.util.BitSet(s.firms().size());
            for (Group g : groups) {
                // a group whose best possible pre-score cannot beat the pool's worst adds nothing: skip it whole
                if (top.size() >= pool && Math.min(1, g.fit() + 0.05) * wp + wd + wt < top.peek().score()) {
                    continue;
                }
                String viaName = s.productNames().getOrDefault(g.product(), g.product());
                for (MakerIndex.Firm c : s.makersByProduct().getOrDefault(g.product(), List.of())) {
                    if (seen.get(c.idx())) {
                        continue;
                    }
                    seen.set(c.idx());
                    Double t = textFit.isEmpty() ? null : textFit.get(c.id());
                    double fit = t == null ? g.fit() : Math.min(1, g.fit() + 0.05);
                    if (top.size() >= pool && buyerLocated && !Double.isNaN(c.lat())) {
                        // the latitude difference alone bounds the distance from below: skip firms that cannot make the pool
                        double minKm = Math.abs(Math.toRadians(c.lat()) - Math.toRadians(buyer.lat())) * EARTH_RADIUS_KM;
                        if (fit * wp + Math.exp(-minKm / scale) * wd + tierScore(c.tier()) * wt < top.peek().score()) {
                            continue;
                        }
                    }
                    offer.accept(c, new Fit(c.id(), fit, g.how(), g.product(), viaName, g.want(), g.wantName()));
                }
            }
            // text hits not offered yet: with their structural fit if they make a product of a (skipped) group
            Map<String, Group> groupOf = new HashMap<>();
            groups.forEach(g -> groupOf.putIfAbsent(g.product(), g));
            textFit.forEach((id, t) -> {
                MakerIndex.Firm c = s.firms().get(id);
                if (c == null || seen.get(c.idx())) {
                    return;
                }
                Group g = c.makes().stream().map(groupOf::get).filter(java.util.Objects::nonNull)
                        .min(Comparator.comparingInt(groups::indexOf)).orElse(null);
                offer.accept(c, g == null ? new Fit(id, t, "TEXT", null, null, null, null)
                        : new Fit(id, Math.min(1, g.fit() + 0.05), g.how(), g.product(),
                        s.productNames().getOrDefault(g.product(), g.product()), g.want(), g.wantName()));
            });
            // every signal from the snapshot: no second graph query on the hot path
            Set<String> buyerSegments = buyerSegments(s, buyer, need.productCodeList());
            List<MatchModel.Match> out = new ArrayList<>();
            for (Pre p : top) {
                MakerIndex.Firm c = s.firms().get(p.fit().id());
                Value h = org.neo4j.driver.Values.value(signals(s, c, buyer, buyerSegments, p.km()));
                Scored sc = score(h, p.fit(), buyerId, need.title, certs);
                out.add(new MatchModel.Match(new MatchModel.Candidate("ENTERPRISE", c.id(), c.name(), c.regionCode(),
                        c.tier()), sc.score, sc.reasons, sc.flags));
            }
            out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
            return Uni.createFrom().item(out.size() > limit ? out.subList(0, limit) : out);
        });
    }

    /** The buyer's segments: where it makes products, else the segments its wanted products feed (as the graph path). */
    private static Set<String> buyerSegments(MakerIndex.Snapshot s, MakerIndex.Firm buyer, List<String> wanted) {
        Set<String> own = buyer == null ? Set.of() : s.segmentsOf(buyer);
        if (!own.isEmpty()) {
            return own;
        }
        Set<String> fed = new java.util.HashSet<>();
        for (String w : wanted) {
            fed.addAll(s.feeds().getOrDefault(s.productSegment().get(w), List.of()));
        }
        return fed;
    }

    /** The signals supply-signals.cypher computes, from the snapshot, in the same shape. */
    private static Map<String, Object> signals(MakerIndex.Snapshot s, MakerIndex.Firm c, MakerIndex.Firm buyer,
                                               Set<String> buyerSegments, double km) {
        int peers = 0;
        int leaders = 0;
        List<Map<String, Object>> sample = new ArrayList<>();
        for (String b : new java.util.LinkedHashSet<>(c.supplies())) {
            MakerIndex.Firm peer = s.firms().get(b);
            if (peer == null || peer == buyer || peer.makes().stream().noneMatch(p -> buyerSegments.contains(s.productSegment().get(p)))) {
                continue;
            }
            peers++;
            leaders += peer.leader() ? 1 : 0;
            if (sample.size() < 2) {
                sample.add(Map.of("creditCode", peer.id(), "name", peer.name()));
            }
        }
        Map<String, Object> feeds = null;
        for (String cp : c.makes()) {
            String cs = s.productSegment().get(cp);
            for (String bs : s.feeds().getOrDefault(cs, List.of())) {
                if (feeds == null && buyerSegments.contains(bs)) {
                    feeds = Map.of("productCode", cp, "product", s.productNames().getOrDefault(cp, cp), "fromId", cs,
                            "from", s.segmentNames().getOrDefault(cs, cs), "toId", bs, "to", s.segmentNames().getOrDefault(bs, bs));
                }
            }
        }
        Map<String, Object> h = new HashMap<>();
        h.put("id", c.id());
        h.put("name", c.name());
        h.put("regionCode", c.regionCode());
        h.put("tier", c.tier());
        h.put("employees", c.employees());
        h.put("km", Double.isNaN(km) ? null : km);
        h.put("peers", peers);
        h.put("leaderPeers", leaders);
        h.put("peerSample", sample);
        h.put("feeds", feeds);
        h.put("existingSupplier", buyer != null && c.supplies().contains(buyer.id()));
        h.put("deals", c.deals());
        h.put("mets", c.mets());
        h.put("buyerName", buyer == null ? null : buyer.name());
        return h;
    }

    /** Full-text hits count at most 0.5 alone (scaled to the best hit) and add 0.05 to a structural fit. */
    static Map<String, Double> textFits(List<Record> rows) {
        double maxText = rows.stream().mapToDouble(r -> r.get("fit").asDouble()).max().orElse(1);
        Map<String, Double> fits = new LinkedHashMap<>();
        for (Record r : rows) {
            fits.putIfAbsent(r.get("id").asString(), 0.5 * r.get("fit").asDouble() / maxText);
        }
        return fits;
    }

    static void mergeText(Map<String, Fit> best, List<Record> rows) {
        textFits(rows).forEach((id, t) -> best.compute(id, (k, f) -> f == null ? new Fit(id, t, "TEXT", null, null, null, null)
                : new Fit(id, Math.min(1, f.fit() + 0.05), f.how(), f.viaCode(), f.viaName(), f.wantCode(), f.wantName())));
    }

    /** Great-circle distance exactly as Neo4j's point.distance computes it for WGS-84 (same radius, same steps). */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double la1 = Math.toRadians(lat1);
        double la2 = Math.toRadians(lat2);
        double dLat = la2 - la1;
        double dLon = Math.toRadians(lon2) - Math.toRadians(lon1);
        double a = Math.pow(Math.sin(dLat / 2.0), 2.0) + Math.cos(la1) * Math.cos(la2) * Math.pow(Math.sin(dLon / 2.0), 2.0);
        return 2.0 * Math.atan2(Math.sqrt(a), Math.sqrt(1.0 - a)) * 6378140.0 / 1000.0;
    }

    /** Neo4j's radius, a hair smaller so that R·|Δlat| stays a lower bound of the distance despite rounding. */
    private static final double EARTH_RADIUS_KM = 6378.14 * (1 - 1e-9);

    /** The same ranking, reading every candidate from the graph (used while the maker index is being rebuilt). */
    public Uni<List<MatchModel.Match>> forNeedFromGraph(Need need, Set<String> dismissed, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("productCodes", need.productCodeList());
        params.put("text", FullText.escape(need.title));
        params.put("textLimit", w.textLimit());
        return graph.read(CANDIDATES, params).chain(rows -> {
            Map<String, Fit> best = bestFits(rows, dismissed, need.postedBy);
            if (best.isEmpty()) {
                return Uni.createFrom().item(List.<MatchModel.Match>of());
            }
            List<Map<String, Object>> pairs = new ArrayList<>();
            best.values().stream().sorted(Comparator.comparingDouble(Fit::fit).reversed()).limit(MAX_CANDIDATES)
                    .forEach(f -> pairs.add(pair(need.id, need.postedBy, f, need.maxDistanceKm, need.certificationList(),
                            need.productCodeList())));
            return graph.read(SIGNALS, signalParams(pairs, Math.max(w.pool(), limit)))
                    .map(hits -> rank(hits, best, need, limit));
        });
    }

    /** Keeps each candidate's best structural fit, then merges the full-text hits as {@link #mergeText} does. */
    static Map<String, Fit> bestFits(List<Record> rows, Set<String> dismissed, String buyer) {
        Map<String, Fit> best = new LinkedHashMap<>();
        List<Record> text = new ArrayList<>();
        for (Record r : rows) {
            if (r.get("how").asString().equals("TEXT")) {
                text.add(r);
                continue;
            }
            Fit f = Fit.from(r);
            best.merge(f.id(), f, (a, b) -> a.fit() >= b.fit() ? a : b);
        }
        mergeText(best, text);
        best.keySet().removeIf(id -> id.equals(buyer) || dismissed.contains(id));
        return best;
    }

    static Map<String, Object> pair(String group, String buyer, Fit f, Double maxKm, List<String> certs, List<String> wantCodes) {
        Map<String, Object> p = new HashMap<>();
        p.put("group", group);
        p.put("buyer", buyer);
        p.put("candidate", f.id());
        p.put("fit", f.fit());
        p.put("maxKm", maxKm);
        p.put("certs", certs);
        p.put("wantCodes", wantCodes);
        return p;
    }

    private Map<String, Object> signalParams(List<Map<String, Object>> pairs, int pool) {
        Map<String, Object> params = new HashMap<>();
        params.put("pairs", pairs);
        params.put("pool", pool);
        params.put("w", Map.of("product", w.product(), "distance", w.distance(), "tier", w.tier()));
        params.put("distanceScaleKm", w.distanceScaleKm());
        return params;
    }

    private List<MatchModel.Match> rank(List<Record> hits, Map<String, Fit> fits, Need need, int limit) {
        List<MatchModel.Match> out = new ArrayList<>();
        for (Record r : hits) {
            Value h = r.get("hit");
            Fit fit = fits.get(h.get("id").asString());
            Scored s = score(h, fit, need.postedBy, need.title, need.certificationList());
            out.add(new MatchModel.Match(new MatchModel.Candidate("ENTERPRISE", h.get("id").asString(), h.get("name").asString(),
                    h.get("regionCode").asString(null), h.get("tier").asString(null)), s.score, s.reasons, s.flags));
        }
        out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    record Scored(double score, List<MatchModel.Reason> reasons, List<String> flags) {
    }

    /** The score of one (need, candidate) pair and the reasons behind it, largest contribution first. */
    Scored score(Value h, Fit fit, String buyerId, String needTitle, List<String> requiredCerts) {
        double total = w.product() + w.distance() + w.feeds() + w.peers() + w.tier() + w.scale() + w.trackRecord();
        List<MatchModel.Reason> reasons = new ArrayList<>();
        String buyerName = h.get("buyerName").asString(buyerId);
        String id = h.get("id").asString();
        String name = h.get("name").asString();

        double product = fit.fit();
        String productText;
        MatchModel.ReasonPath productPath = null;
        switch (fit.how()) {
            case "EXACT" -> {
                productText = Messages.get("reason.product.exact", fit.wantName());
                productPath = Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                        .from("MAKES", "ENTERPRISE", id, name).build();
            }
            case "NARROWER" -> {
                productText = Messages.get("reason.product.narrower", fit.wantName(), fit.viaName());
                productPath = Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                        .from("BROADER", "PRODUCT", fit.viaCode(), fit.viaName()).from("MAKES", "ENTERPRISE", id, name).build();
            }
            case "BROADER" -> {
                productText = Messages.get("reason.product.broader", fit.wantName(), fit.viaName());
                productPath = Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                        .to("BROADER", "PRODUCT", fit.viaCode(), fit.viaName()).from("MAKES", "ENTERPRISE", id, name).build();
            }
            case "SIBLING" -> productText = Messages.get("reason.product.sibling", fit.wantName(), fit.viaName());
            default -> productText = Messages.get("reason.product.text", needTitle);
        }
        add(reasons, fit.how().equals("TEXT") ? "TEXT_MATCH" : "PRODUCT_" + fit.how(), productText, w.product() * product / total, productPath);

        Value km = h.get("km");
        double distance = km.isNull() ? 0.3 : Math.exp(-km.asDouble() / w.distanceScaleKm());
        add(reasons, "DISTANCE", km.isNull() ? Messages.get("reason.distance.unknown")
                : Messages.get("reason.distance", Math.round(km.asDouble())), w.distance() * distance / total, null);

        Value feeds = h.get("feeds");
        double feedsScore = feeds.isNull() ? 0 : 1;
        if (!feeds.isNull()) {
            add(reasons, "FEEDS_SEGMENT", Messages.get("reason.feeds", feeds.get("from").asString(), feeds.get("to").asString()),
                    w.feeds() * feedsScore / total,
                    Paths.start("ENTERPRISE", id, name).to("MAKES", "PRODUCT", feeds.get("productCode").asString(), feeds.get("product").asString())
                            .to("IN_SEGMENT", "SEGMENT", feeds.get("fromId").asString(), feeds.get("from").asString())
                            .to("FEEDS", "SEGMENT", feeds.get("toId").asString(), feeds.get("to").asString()).build());
        }

        long peers = h.get("peers").asLong();
        double peerScore = Math.min(1, peers / 3.0);
        if (peers > 0) {
            Value sample = h.get("peerSample").get(0);
            long leaders = h.get("leaderPeers").asLong();
            add(reasons, "SUPPLIES_PEERS", Messages.get("reason.peers", peers,
                            leaders > 0 ? Messages.get("reason.peers.leaders", leaders) : "", sample.get("name").asString()),
                    w.peers() * peerScore / total,
                    Paths.start("ENTERPRISE", id, name).to("SUPPLIES", "ENTERPRISE", sample.get("creditCode").asString(),
                            sample.get("name").asString()).build());
        }

        String tier = h.get("tier").asString("NONE");
        double tierScore = tierScore(tier);
        if (tierScore > 0) {
            add(reasons, "TIER", Messages.get("reason.tier." + tier), w.tier() * tierScore / total, null);
        }

        long employees = h.get("employees").isNull() ? 0 : h.get("employees").asLong();
        double scale = Math.min(1, Math.log10(employees + 1.0) / 3.5);
        if (employees > 0) {
            add(reasons, "SCALE", Messages.get("reason.scale", employees), w.scale() * scale / total, null);
        }

        long deals = h.get("deals").asLong();
        long mets = h.get("mets").asLong();
        double track = Math.min(1, (deals + mets / 2.0) / 2.0);
        if (deals + mets > 0) {
            add(reasons, "TRACK_RECORD", Messages.get("reason.track", deals, mets), w.trackRecord() * track / total, null);
        }
        if (!requiredCerts.isEmpty()) {
            add(reasons, "CERTIFIED", Messages.get("reason.certified", String.join("、", requiredCerts)), 0, null);
        }

        double score = (w.product() * product + w.distance() * distance + w.feeds() * feedsScore + w.peers() * peerScore
                + w.tier() * tierScore + w.scale() * scale + w.trackRecord() * track) / total;
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        List<String> flags = new ArrayList<>();
        if (h.get("existingSupplier").asBoolean()) {
            flags.add("EXISTING_SUPPLIER");
        }
        return new Scored(round(score), reasons, flags);
    }

    static double tierScore(String tier) {
        return Tier.of(tier).score();
    }

    private static void add(List<MatchModel.Reason> reasons, String code, String text, double weight, MatchModel.ReasonPath path) {
        reasons.add(new MatchModel.Reason(code, text, round(weight), path));
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** Open SUPPLY needs a firm could serve, ranked with the same signals as forNeed. */
    public Uni<List<MatchModel.Opportunity>> opportunities(String firm, Set<String> dismissedNeeds, int limit) {
        return graph.read(OPPORTUNITIES, Map.of("firm", firm)).chain(rows -> {
            Map<String, Fit> bestPerNeed = new LinkedHashMap<>();
            Map<String, Record> needRows = new HashMap<>();
            for (Record r : rows) {
                String needId = r.get("needId").asString();
                if (dismissedNeeds.contains(needId)) {
                    continue;
                }
                Fit f = new Fit(firm, r.get("fit").asDouble(), r.get("how").asString(), r.get("viaCode").asString(),
                        r.get("viaName").asString(), r.get("wantCode").asString(), r.get("wantName").asString());
                Fit old = bestPerNeed.get(needId);
                if (old == null || f.fit() > old.fit()) {
                    bestPerNeed.put(needId, f);
                    needRows.put(needId, r);
                }
            }
            if (bestPerNeed.isEmpty()) {
                return Uni.createFrom().item(List.<MatchModel.Opportunity>of());
            }
            List<Map<String, Object>> pairs = new ArrayList<>();
            bestPerNeed.forEach((needId, f) -> {
                Record r = needRows.get(needId);
                pairs.add(pair(needId, r.get("buyer").asString(), f, r.get("maxKm").isNull() ? null : r.get("maxKm").asDouble(),
                        r.get("certs").asList(Value::asString), r.get("wantCodes").asList(Value::asString)));
            });
            return graph.read(SIGNALS, signalParams(pairs, 1)).map(hits -> {
                List<MatchModel.Opportunity> out = new ArrayList<>();
                for (Record hr : hits) {
                    Value h = hr.get("hit");
                    String needId = h.get("group").asString();
                    Record nr = needRows.get(needId);
                    Scored s = score(h, bestPerNeed.get(needId), nr.get("buyer").asString(), nr.get("title").asString(),
                            nr.get("certs").asList(Value::asString));
                    out.add(new MatchModel.Opportunity(new MatchModel.NeedRef(needId, "SUPPLY", nr.get("title").asString(),
                            nr.get("buyer").asString()), s.score, s.reasons, s.flags));
                }
                out.sort(Comparator.comparingDouble(MatchModel.Opportunity::score).reversed().thenComparing(o -> o.need().id()));
                return out.size() > limit ? out.subList(0, limit) : out;
            });
        });
    }
}
