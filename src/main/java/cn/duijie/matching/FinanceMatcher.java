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
    private final MatchingConfig.Finance w;

    FinanceMatcher(Graph graph, MatchingConfig config) {
        this.graph = graph;
        this.w = config.finance();
    }

    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit) {
        return forNeed(need, dismissed, limit, null);
    }

    /** With {@code only} set, scores just that fund (a fund's deal flow). */
    public Uni<List<MatchModel.Match>> forNeed(Need need, Set<String> dismissed, int limit, String only) {
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

    MatchModel.Match score(Value h, Need need) {
        double total = w.focus() + w.stage() + w.instrument() + w.ticket() + w.adjacency() + w.trackRecord();
        List<MatchModel.Reason> reasons = new ArrayList<>();
        String id = h.get("id").asString();
        String name = h.get("name").asString();
        List<String> segmentFocus = h.get("segmentFocus").asList(Value::asString);
        List<String> chainFocus = h.get("chainFocus").asList(Value::asString);
        double focus = !segmentFocus.isEmpty() ? 1 : !chainFocus.isEmpty() ? 0.6 : 0;
        if (focus > 0) {
            reasons.add(new MatchModel.Reason("FOCUS", Messages.get("reason.fin.focus",
                    String.join("、", segmentFocus.isEmpty() ? chainFocus : segmentFocus)), SupplyMatcher.round(w.focus() * focus / total), null));
        }
        List<String> stages = h.get("stages").isNull() ? List.of() : h.get("stages").asList(Value::asString);
        double stage = need.stage == null ? 0.5 : stages.contains(need.stage) ? 1 : 0;
        if (stage == 1) {
            reasons.add(new MatchModel.Reason("STAGE", Messages.get("reason.fin.stage", need.stage), SupplyMatcher.round(w.stage() * stage / total), null));
        }
        List<String> instruments = h.get("instruments").isNull() ? List.of() : h.get("instruments").asList(Value::asString);
        double instrument = need.instrument == null ? 0.5 : instruments.contains(need.instrument) ? 1 : 0;
        if (instrument == 1) {
            reasons.add(new MatchModel.Reason("INSTRUMENT", Messages.get("reason.fin.instrument", need.instrument),
                    SupplyMatcher.round(w.instrument() * instrument / total), null));
        }
        double amount = need.amountWan == null ? 0 : need.amountWan.doubleValue();
        double min = h.get("min").isNull() ? 0 : h.get("min").asDouble();
        double max = h.get("max").isNull() ? Double.MAX_VALUE : h.get("max").asDouble();
        boolean covers = amount >= min && amount <= max;
        // outside the range: how far, as a ratio, counted at most half
        double ticket = amount <= 0 ? 0.5 : covers ? 1 : 0.5 * (amount < min ? amount / min : max / amount);
        reasons.add(new MatchModel.Reason(covers ? "TICKET_FITS" : "TICKET_OUTSIDE",
                Messages.get(covers ? "reason.fin.ticket" : "reason.fin.ticket.outside", plain(min), plain(max), plain(amount)),
                SupplyMatcher.round(w.ticket() * ticket / total), null));
        Value adjacent = h.get("adjacent");
        double adjacency = adjacent.isNull() ? 0 : 1;
        String buyerName = h.get("buyerName").asString(need.postedBy);
        if (!adjacent.isNull()) {
            boolean upstream = adjacent.get("direction").asString().equals("UPSTREAM");
            Paths path = Paths.start("FUND", id, name).to("INVESTED_IN", "ENTERPRISE", adjacent.get("creditCode").asString(),
                    adjacent.get("name").asString());
            path = upstream ? path.to("SUPPLIES", "ENTERPRISE", need.postedBy, buyerName) : path.from("SUPPLIES", "ENTERPRISE", need.postedBy, buyerName);
            reasons.add(new MatchModel.Reason("PORTFOLIO_ADJACENT", Messages.get(upstream ? "reason.fin.adjacent.up" : "reason.fin.adjacent.down",
                    adjacent.get("name").asString()), SupplyMatcher.round(w.adjacency() * adjacency / total), path.build()));
        }
        String mandate = h.get("mandate").asString("");
        if (!mandate.isEmpty()) {
            reasons.add(new MatchModel.Reason("LOCAL_MANDATE", Messages.get("reason.fin.mandate"), 0, null));
        }
        long deals = h.get("deals").asLong();
        double track = Math.min(1, deals / 2.0);
        if (deals > 0) {
            reasons.add(new MatchModel.Reason("TRACK_RECORD", Messages.get("reason.track", deals, 0), SupplyMatcher.round(w.trackRecord() * track / total), null));
        }
        List<String> flags = new ArrayList<>();
        Value rival = h.get("rival");
        if (!rival.isNull()) {
            flags.add("CONFLICT_OF_INTEREST");
            reasons.add(new MatchModel.Reason("CONFLICT_OF_INTEREST", Messages.get("reason.fin.conflict", rival.get("name").asString()), 0,
                    Paths.start("FUND", id, name).to("INVESTED_IN", "ENTERPRISE", rival.get("creditCode").asString(), rival.get("name").asString()).build()));
        }
        double score = (w.focus() * focus + w.stage() * stage + w.instrument() * instrument + w.ticket() * ticket
                + w.adjacency() * adjacency + w.trackRecord() * track) / total;
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        return new MatchModel.Match(new MatchModel.Candidate("FUND", id, name, h.get("regionCode").asString(null), null),
                SupplyMatcher.round(score), reasons, flags);
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
