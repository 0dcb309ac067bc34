package cn.duijie.matching;

import java.util.ArrayList;
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

    private final Graph graph;
    private final MatchingConfig.Tech w;

    TechMatcher(Graph graph, MatchingConfig config) {
        this.graph = graph;
        this.w = config.tech();
    }

    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit) {
        return forNeed(need, dismissed, limit, null);
    }

    /** With {@code only} set, scores just that candidate (an institution's view of the TECH needs). */
    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit, String only) {
        String text = FullText.escape((need.title + " " + (need.description == null ? "" : need.description)).strip());
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
                    for (var r : rows) {
                        Value h = r.get("hit");
                        if (dismissed.contains(h.get("id").asString())) {
                            continue;
                        }
                        out.add(score(h, need, maxText));
                    }
                    out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
                    return out.size() > limit ? out.subList(0, limit) : out;
                });
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
