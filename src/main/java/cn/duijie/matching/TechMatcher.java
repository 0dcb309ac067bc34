package cn.duijie.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;

import cn.duijie.common.Messages;
import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import cn.duijie.need.Need;
import io.smallrye.mutiny.Uni;

/**
 * Industry–academia matching (产学研): a TECH need against achievements, institutions and experts, with the same
 * match shape, reasons and feedback as supply pairing. Text-only hits are capped, so a lab with matching words but
 * the wrong technology ranks below one whose achievement is about the wanted technology.
 */
@ApplicationScoped
public class TechMatcher {

    private static final String QUERY = Graph.cypher("matching/tech-matches.cypher");

    private static final String TEXT_CANDIDATES = """
            CALL db.index.fulltext.queryNodes('achievement_text', $text, {limit: $textLimit}) YIELD node, score
            RETURN 'A' AS idx, node.id AS id, score
            UNION ALL
            CALL db.index.fulltext.queryNodes('institution_text', $text, {limit: $textLimit}) YIELD node, score
            RETURN 'I' AS idx, node.id AS id, score""";
    private static final int TEXT_LIMIT = 30;

    private final Graph graph;
    private final MakerIndex index;
    private final MatchingConfig.Tech w;
    private final boolean textCache;

    TechMatcher(Graph graph, MakerIndex index, MatchingConfig config) {
        this.graph = graph;
        this.index = index;
        this.w = config.tech();
        this.textCache = config.textCache();
    }

    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit) {
        return forNeed(need, dismissed, limit, null);
    }

    /** With {@code only} set, scores just that candidate (an institution's view of the TECH needs). */
    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit, String only) {
        MakerIndex.Snapshot s = index.fresh();
        if (s == null) {
            return forNeedFromGraph(need, dismissed, limit, only);
        }
        String text = text(need);
        Uni<List<org.neo4j.driver.Record>> hits = text.isEmpty() ? Uni.createFrom().item(List.of())
                : s.textHits("TECH|" + text, textCache, () -> graph.read(TEXT_CANDIDATES, Map.of("text", text, "textLimit", TEXT_LIMIT)));
        return hits.map(rows -> forNeedFromIndex(s, need, rows, dismissed, limit, only));
    }

    private static String text(Need need) {
        return FullText.escape((need.title + " " + (need.description == null ? "" : need.description)).strip());
    }

    /** How a candidate fits: the shape tech-matches.cypher gives as {@code best}. */
    private record Fit(double fit, String how, String viaCode, String viaName, String wantCode, String wantName) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new HashMap<>();
            m.put("fit", fit);
            m.put("how", how);
            m.put("viaCode", viaCode);
            m.put("viaName", viaName);
            m.put("wantCode", wantCode);
            m.put("wantName", wantName);
            return m;
        }
    }

    /**
     * The ranking of tech-matches.cypher from the snapshot: the technology tree, applications to products and the
     * full-text hits give each candidate its best fit; the pool is cut by the same pre-score (ties by id), then scored.
     */
    List<MatchModel.Match> forNeedFromIndex(MakerIndex.Snapshot s, Need need, List<org.neo4j.driver.Record> textRows,
                                           Set<String> dismissed, int limit, String only) {
        MakerIndex.Research x = s.context().research();
        MakerIndex.Firm buyer = s.firms().get(need.postedBy);
        if (buyer == null) {
            return List.of();
        }
        record Level(String tech, double fit, String want) {
        }
        List<Level> levels = new ArrayList<>();
        for (String want : need.technologyCodeList()) {
            x.around(want).forEach(t -> levels.add(new Level(t.getKey(), t.getValue(), want)));
        }
        levels.sort(Comparator.comparingDouble(Level::fit).reversed());
        Map<String, MakerIndex.Party> parties = new java.util.LinkedHashMap<>();
        Map<String, Fit> best = new HashMap<>();
        for (Level l : levels) {
            Fit fit = new Fit(l.fit(), "TECH", l.tech(), x.techNames().get(l.tech()), l.want(), x.techNames().get(l.want()));
            for (MakerIndex.Party party : x.byTech().getOrDefault(l.tech(), List.of())) {
                if (best.putIfAbsent(party.key(), fit) == null) {
                    parties.put(party.key(), party);
                }
            }
        }
        for (String code : need.productCodeList()) {
            String name = s.productNames().getOrDefault(code, code);
            Fit fit = new Fit(0.7, "PRODUCT", code, name, code, name);
            for (MakerIndex.Party party : x.byProduct().getOrDefault(code, List.of())) {
                Fit old = best.get(party.key());
                if (old == null || old.fit() < 0.7) {
                    best.put(party.key(), fit);
                    parties.put(party.key(), party);
                }
            }
        }
        Set<String> textToo = new java.util.HashSet<>();
        for (org.neo4j.driver.Record r : textRows) {
            MakerIndex.Party party = r.get("idx").asString().equals("A") ? x.achievements().get(r.get("id").asString())
                    : x.institutionParties().get(r.get("id").asString());
            if (party != null && textToo.add(party.key()) && !best.containsKey(party.key())) {
                best.put(party.key(), new Fit(r.get("score").asDouble(), "TEXT", null, null, null, null));
                parties.put(party.key(), party);
            }
        }
        record Pre(MakerIndex.Party party, Fit fit, MakerIndex.Institution inst, Double km, double score) {
        }
        boolean buyerLocated = !Double.isNaN(buyer.lat());
        int pool = Math.max(w.pool(), limit * 3);
        java.util.PriorityQueue<Pre> top = new java.util.PriorityQueue<>(pool + 1,
                Comparator.comparingDouble(Pre::score).thenComparing(p -> p.party().key(), Comparator.reverseOrder()));
        for (MakerIndex.Party party : parties.values()) {
            if (only != null && !only.equals(party.id())) {
                continue;
            }
            Fit fit = best.get(party.key());
            MakerIndex.Institution inst = party.institutionId() == null ? null : x.institutions().get(party.institutionId());
            Double km = inst == null || Double.isNaN(inst.lat()) || !buyerLocated ? null
                    : SupplyMatcher.haversineKm(inst.lat(), inst.lon(), buyer.lat(), buyer.lon());
            double pre = (fit.how().equals("TEXT") ? 0.3 : fit.fit()) + (km == null ? 0 : Math.exp(-km / 150.0) * 0.3);
            top.add(new Pre(party, fit, inst, km, pre));
            if (top.size() > pool) {
                top.poll();
            }
        }
        double maxText = top.stream().filter(p -> p.fit().how().equals("TEXT")).mapToDouble(p -> p.fit().fit()).max().orElse(1);
        List<MatchModel.Match> out = new ArrayList<>();
        Map<String, String> institutionOf = new HashMap<>();
        for (Pre p : top) {
            if (dismissed.contains(p.party().id())) {
                continue;
            }
            Map<String, Object> h = new HashMap<>();
            h.put("type", p.party().type());
            h.put("id", p.party().id());
            h.put("name", p.party().name());
            h.put("trl", p.party().trl());
            h.put("best", p.fit().asMap());
            h.put("textToo", textToo.contains(p.party().key()));
            h.put("km", p.km());
            h.put("institutionId", p.inst() == null ? null : p.inst().id());
            h.put("institutionName", p.inst() == null ? null : p.inst().name());
            h.put("regionCode", p.inst() == null ? null : p.inst().regionCode());
            h.put("collaboratedWithBuyer", p.inst() != null && p.inst().partners().contains(buyer.id()));
            h.put("collaborations", p.inst() == null ? 0 : p.inst().collaborations());
            h.put("deals", x.deals().getOrDefault(p.party().key(), 0));
            h.put("buyerName", buyer.name());
            out.add(score(org.neo4j.driver.Values.value(h), need, maxText));
            institutionOf.put(p.party().id(), p.inst() == null ? p.party().id() : p.inst().id());
        }
        return diverse(out, institutionOf, limit);
    }

    Uni<List<MatchModel.Match>> forNeedFromGraph(Need need, Set<String> dismissed, int limit, String only) {
        String text = text(need);
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("buyer", need.postedBy);
        params.put("techCodes", need.technologyCodeList());
        params.put("productCodes", need.productCodeList());
        params.put("text", text);
        params.put("textLimit", 30);
        params.put("pool", Math.max(w.pool(), limit * 3));
        params.put("only", only);
        return graph.read(QUERY, params)
                .map(rows -> {
                    double maxText = rows.stream().map(r -> r.get("hit").get("best")).filter(b -> b.get("how").asString().equals("TEXT"))
                            .mapToDouble(b -> b.get("fit").asDouble()).max().orElse(1);
                    List<MatchModel.Match> out = new ArrayList<>();
                    Map<String, String> institutionOf = new HashMap<>();
                    for (var r : rows) {
                        Value h = r.get("hit");
                        if (dismissed.contains(h.get("id").asString())) {
                            continue;
                        }
                        out.add(score(h, need, maxText));
                        institutionOf.put(h.get("id").asString(), h.get("institutionId").asString(h.get("id").asString()));
                    }
                    return diverse(out, institutionOf, limit);
                });
    }

    /**
     * Best first, but at most {@code per-institution} candidates of one institution before every other institution
     * has had its turn: a list of ten achievements of one lab hides the other labs. The rest fill up after.
     */
    private List<MatchModel.Match> diverse(List<MatchModel.Match> out, Map<String, String> institutionOf, int limit) {
        out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
        List<MatchModel.Match> first = new ArrayList<>();
        List<MatchModel.Match> later = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (MatchModel.Match m : out) {
            String inst = institutionOf.getOrDefault(m.candidate().id(), m.candidate().id());
            (seen.merge(inst, 1, Integer::sum) <= w.perInstitution() ? first : later).add(m);
        }
        first.addAll(later);
        return first.size() > limit ? first.subList(0, limit) : first;
    }

    MatchModel.Match score(Value h, Need need, double maxText) {
        double total = w.technology() + w.trl() + w.locality() + w.collaboration() + w.trackRecord();
        List<MatchModel.Reason> reasons = new ArrayList<>();
        String type = h.get("type").asString();
        String id = h.get("id").asString();
        String name = h.get("name").asString();
        Value best = h.get("best");
        String how = best.get("how").asString();
        double fit = how.equals("TEXT") ? 0.5 * best.get("fit").asDouble() / maxText
                : Math.min(1, best.get("fit").asDouble() + (h.get("textToo").asBoolean() ? 0.05 : 0));
        String buyerName = h.get("buyerName").asString(need.postedBy);
        switch (how) {
            case "TECH" -> reasons.add(new MatchModel.Reason("TECHNOLOGY_FIT",
                    Messages.get("reason.tech.fit", best.get("viaName").asString(), best.get("wantName").asString()),
                    SupplyMatcher.round(w.technology() * fit / total),
                    Paths.start("ENTERPRISE", need.postedBy, buyerName).to("WANTS", "TECHNOLOGY", best.get("wantCode").asString(),
                            best.get("wantName").asString()).from(relationFor(type), type, id, name).build()));
            case "PRODUCT" -> reasons.add(new MatchModel.Reason("APPLIES_TO_PRODUCT",
                    Messages.get("reason.tech.product", best.get("viaName").asString()), SupplyMatcher.round(w.technology() * fit / total),
                    Paths.start("ENTERPRISE", need.postedBy, buyerName).to("WANTS", "PRODUCT", best.get("viaCode").asString(),
                            best.get("viaName").asString()).from("APPLIES_TO", type, id, name).build()));
            default -> reasons.add(new MatchModel.Reason("TEXT_MATCH", Messages.get("reason.product.text", need.title),
                    SupplyMatcher.round(w.technology() * fit / total), null));
        }
        double trl = type.equals("ACHIEVEMENT") && !h.get("trl").isNull() ? h.get("trl").asInt() / 9.0 : 0.5;
        if (type.equals("ACHIEVEMENT") && !h.get("trl").isNull()) {
            reasons.add(new MatchModel.Reason("TRL", Messages.get("reason.tech.trl", h.get("trl").asInt()),
                    SupplyMatcher.round(w.trl() * trl / total), null));
        }
        Value km = h.get("km");
        double locality = km.isNull() ? 0.2 : Math.exp(-km.asDouble() / 150.0);
        if (!km.isNull()) {
            reasons.add(new MatchModel.Reason("LOCALITY", Messages.get("reason.tech.locality", h.get("institutionName").asString(""),
                    Math.round(km.asDouble())), SupplyMatcher.round(w.locality() * locality / total), null));
        }
        boolean withBuyer = h.get("collaboratedWithBuyer").asBoolean();
        long collaborations = h.get("collaborations").asLong();
        double collab = withBuyer ? 1 : Math.min(1, collaborations / 10.0) / 2;
        if (withBuyer) {
            reasons.add(new MatchModel.Reason("PAST_COLLABORATION", Messages.get("reason.tech.collab.buyer", h.get("institutionName").asString()),
                    SupplyMatcher.round(w.collaboration() * collab / total),
                    Paths.start("INSTITUTION", h.get("institutionId").asString(), h.get("institutionName").asString())
                            .to("COLLABORATED_WITH", "ENTERPRISE", need.postedBy, buyerName).build()));
        } else if (collaborations > 0) {
            reasons.add(new MatchModel.Reason("INDUSTRY_EXPERIENCE", Messages.get("reason.tech.collab", h.get("institutionName").asString(),
                    collaborations), SupplyMatcher.round(w.collaboration() * collab / total), null));
        }
        long deals = h.get("deals").asLong();
        double track = Math.min(1, deals / 2.0);
        if (deals > 0) {
            reasons.add(new MatchModel.Reason("TRACK_RECORD", Messages.get("reason.track", deals, 0), SupplyMatcher.round(w.trackRecord() * track / total), null));
        }
        double score = (w.technology() * fit + w.trl() * trl + w.locality() * locality + w.collaboration() * collab
                + w.trackRecord() * track) / total;
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        List<String> flags = new ArrayList<>();
        if (withBuyer) {
            flags.add("PAST_PARTNER");
        }
        return new MatchModel.Match(new MatchModel.Candidate(type, id, name, h.get("regionCode").asString(null), null),
                SupplyMatcher.round(score), reasons, flags);
    }

    private static String relationFor(String type) {
        return switch (type) {
            case "ACHIEVEMENT" -> "ABOUT";
            default -> "EXPERT_IN";
        };
    }
}
