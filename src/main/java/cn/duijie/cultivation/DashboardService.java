package cn.duijie.cultivation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import cn.duijie.common.Messages;
import cn.duijie.domain.Tier;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The cultivation dashboard of a region (its sub-regions included): firms per tier against the plan's targets, the
 * climb year by year from the firms' tier histories, SRDI concentration per chain, matchmaking outcomes (technology
 * transfers received by the region's firms among them).
 */
@ApplicationScoped
public class DashboardService {

    /** Tiers counted as 专精特新 for concentration (集聚度): SPECIALIZED and every rung above. */
    static final List<String> SRDI = Criteria.LADDER.stream().filter(t -> Criteria.rank(t) >= Tier.SPECIALIZED.rank()).toList();
    static final List<String> RUNGS = Criteria.LADDER.stream().filter(t -> !t.equals("NONE")).toList();
    static final int FIRST_YEAR = 2019;

    static final String IN_REGION = "MATCH (e:Enterprise)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) ";

    private final Graph graph;
    private final Pool pool;
    private final TargetService targets;

    DashboardService(Graph graph, Pool pool, TargetService targets) {
        this.graph = graph;
        this.pool = pool;
        this.targets = targets;
    }

    public Uni<DashboardApi.Dashboard> dashboard(String region, Integer year) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return targets.regionName(region).flatMap(name -> targets.forYear(region, year).flatMap(t ->
                graph.read(IN_REGION + "RETURN e.creditCode AS code, e.tier AS tier, e.tierHistory AS history", Map.of("region", region))
                        .flatMap(firms -> graph.read(IN_REGION + """
                                CALL (e) {
                                  MATCH (e)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain) RETURN c
                                  UNION
                                  MATCH (e)-[:LEADS]->(c:Chain) RETURN c
                                }
                                RETURN c.id AS id, c.name AS name, count(DISTINCT e) AS firms,
                                       count(DISTINCT CASE WHEN e.tier IN $srdi THEN e END) AS srdi ORDER BY id""",
                                Map.of("region", region, "srdi", SRDI))
                                .flatMap(chains -> graph.read("MATCH (r:Region)-[:WITHIN*0..2]->(:Region {code: $region}) RETURN collect(r.code) AS codes",
                                                Map.of("region", region))
                                        .flatMap(codes -> outcomes(firms, codes.get(0).get("codes").asList(Value::asString),
                                                t.map(TargetsApi.Targets::year).orElse(year)))
                                        .map(out -> build(region, name, t, year, today, firms, chains, out))))));
    }

    private DashboardApi.Dashboard build(String region, String name, Optional<TargetsApi.Targets> t, Integer year, LocalDate today,
                                         List<Record> firms, List<Record> chains, Map<String, Double> outcomes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        RUNGS.forEach(r -> counts.put(r, 0L));
        for (Record f : firms) {
            counts.computeIfPresent(f.get("tier").asString("NONE"), (k, v) -> v + 1);
        }
        List<DashboardApi.TierCount> tiers = new ArrayList<>();
        for (String r : RUNGS) {
            tiers.add(new DashboardApi.TierCount(r, Tier.of(r).label(), counts.get(r), atOrAbove(counts, r)));
        }
        List<DashboardApi.TierProgress> pipeline = new ArrayList<>();
        t.ifPresent(x -> x.tiers().forEach(tt -> {
            String lowest = tt.tiers().stream().min(java.util.Comparator.comparingInt(Criteria::rank)).orElseThrow();
            long actual = atOrAbove(counts, lowest);
            pipeline.add(new DashboardApi.TierProgress(tt.tiers(), String.join("、", tt.tiers().stream().map(s -> Tier.of(s).label()).toList()),
                    tt.count(), actual, Math.max(0, tt.count() - actual), tt.count() == 0 ? 1.0 : round((double) actual / tt.count())));
        }));

        List<DashboardApi.Concentration> concentration = new ArrayList<>();
        Map<String, Double> chainTargets = new LinkedHashMap<>();
        t.ifPresent(x -> x.srdiShare().forEach(c -> chainTargets.put(c.chainId(), c.share())));
        for (Record c : chains) {
            long all = c.get("firms").asLong();
            long srdi = c.get("srdi").asLong();
            Double target = chainTargets.get(c.get("id").asString());
            Long gap = target == null ? null : Math.max(0, (long) Math.ceil(target * all - 1e-9) - srdi);
            concentration.add(new DashboardApi.Concentration(c.get("id").asString(), c.get("name").asString(""), all, srdi,
                    all == 0 ? 0 : round((double) srdi / all), target, gap));
        }
        // key chains first (those with a target), then by share
        concentration.sort(java.util.Comparator.comparing((DashboardApi.Concentration c) -> c.target() == null)
                .thenComparing(c -> -c.share()));

        List<DashboardApi.Outcome> outs = new ArrayList<>();
        Map<String, Double> outcomeTargets = new LinkedHashMap<>();
        t.ifPresent(x -> {
            put(outcomeTargets, "MEETINGS", x.meetings());
            put(outcomeTargets, "CONTRACTS", x.contracts());
            put(outcomeTargets, "CONTRACT_AMOUNT_WAN", x.contractAmountWan());
            put(outcomeTargets, "TECH_AGREEMENTS", x.techAgreements());
            put(outcomeTargets, "TECH_TRANSFERS", x.techTransfers());
        });
        for (String m : List.of("NEEDS_POSTED", "NEEDS_MATCHED", "CONTACT_REQUESTS", "MEETINGS", "INTENTS", "CONTRACTS",
                "CONTRACT_AMOUNT_WAN", "TECH_AGREEMENTS", "TECH_TRANSFERS")) {
            Double actual = outcomes.get(m);
            Double target = outcomeTargets.get(m);
            outs.add(new DashboardApi.Outcome(m, Messages.get("outcome." + m), actual, target,
                    target == null || actual == null ? null : Math.max(0, target - actual)));
        }
        return new DashboardApi.Dashboard(region, name, t.map(TargetsApi.Targets::year).orElse(year), today.toString(), tiers, pipeline,
                climb(firms, today.getYear()), concentration, SRDI, outs);
    }

    /** Each year's end: the tier each firm held then (its history), or its current tier in this year when it has none. */
    static DashboardApi.Climb climb(List<Record> firms, int thisYear) {
        int first = thisYear;
        List<List<String[]>> histories = new ArrayList<>();
        for (Record f : firms) {
            List<String[]> h = new ArrayList<>();
            if (!f.get("history").isNull()) {
                for (Object o : f.get("history").asList()) {
                    String[] parts = o.toString().split(":", 2);
                    if (parts.length == 2 && parts[1].length() >= 4) {
                        h.add(parts);
                        first = Math.min(first, Integer.parseInt(parts[1].substring(0, 4)));
                    }
                }
            }
            if (h.isEmpty()) {
                h.add(new String[] {f.get("tier").asString("NONE"), thisYear + "-01-01"});
            }
            histories.add(h);
        }
        first = Math.max(first, FIRST_YEAR);
        List<Integer> years = new ArrayList<>();
        for (int y = first; y <= thisYear; y++) {
            years.add(y);
        }
        Map<String, List<Long>> series = new LinkedHashMap<>();
        RUNGS.forEach(r -> series.put(r, new ArrayList<>()));
        for (int y : years) {
            Map<String, Long> n = new LinkedHashMap<>();
            String end = y + "-12-31";
            for (List<String[]> h : histories) {
                String tier = null;
                for (String[] e : h) {
                    if (e[1].compareTo(end) <= 0) {
                        tier = e[0];
                    }
                }
                if (tier != null) {
                    n.merge(tier, 1L, Long::sum);
                }
            }
            RUNGS.forEach(r -> series.get(r).add(n.getOrDefault(r, 0L)));
        }
        return new DashboardApi.Climb(years, RUNGS.stream().map(r -> new DashboardApi.ClimbSeries(r, Tier.of(r).label(),
                series.get(r))).toList());
    }

    /** Outcomes of the region's firms and events, up to the end of the target year (all so far without one). */
    private Uni<Map<String, Double>> outcomes(List<Record> firms, List<String> regionCodes, Integer year) {
        String[] firmCodes = firms.stream().map(f -> f.get("code").asString()).toArray(String[]::new);
        OffsetDateTime until = year == null ? OffsetDateTime.now(ZoneOffset.UTC).plusYears(100)
                : OffsetDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        LocalDate lastDay = year == null ? LocalDate.of(9999, 12, 31) : LocalDate.of(year, 12, 31);
        return pool.preparedQuery("""
                WITH n AS (SELECT id, kind, status FROM need WHERE posted_by = ANY($1) AND status <> 'DRAFT' AND created_at < $2),
                     f AS (SELECT mf.need_id, mf.action, n.kind FROM match_feedback mf JOIN n ON n.id = mf.need_id WHERE mf.created_at < $2),
                     ev AS (SELECT id FROM event WHERE region_code = ANY($3) AND event_date <= $4)
                SELECT (SELECT count(*) FROM n) AS needs_posted,
                       (SELECT count(*) FROM n WHERE status = 'FULFILLED'
                           OR EXISTS (SELECT 1 FROM f WHERE f.need_id = n.id AND f.action IN ('MET', 'DEAL'))) AS needs_matched,
                       (SELECT count(*) FROM f WHERE action = 'CONTACT_REQUESTED') AS contact_requests,
                       (SELECT count(*) FROM f WHERE action = 'DEAL' AND kind = 'TECH') AS tech_agreements,
                       (SELECT count(DISTINCT o.meeting_id) FROM meeting_outcome o WHERE o.event_id IN (SELECT id FROM ev)
                           AND o.kind = 'CHECKED_IN' AND NOT EXISTS (SELECT 1 FROM meeting_outcome x
                               WHERE x.meeting_id = o.meeting_id AND x.kind = 'NO_SHOW')) AS meetings,
                       (SELECT count(*) FROM meeting_outcome WHERE event_id IN (SELECT id FROM ev) AND kind = 'INTENT') AS intents,
                       (SELECT count(*) FROM meeting_outcome WHERE event_id IN (SELECT id FROM ev) AND kind = 'CONTRACT') AS contracts,
                       (SELECT coalesce(sum(amount_wan), 0) FROM meeting_outcome WHERE event_id IN (SELECT id FROM ev) AND kind = 'CONTRACT') AS amount,
                       (SELECT count(*) FROM tech_transfer WHERE credit_code = ANY($1) AND signed_on <= $4) AS tech_transfers
                """).execute(Tuple.of(firmCodes, until, regionCodes.toArray(String[]::new), lastDay)).map(rows -> {
                    Row r = rows.iterator().next();
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("NEEDS_POSTED", (double) r.getLong("needs_posted"));
                    m.put("NEEDS_MATCHED", (double) r.getLong("needs_matched"));
                    m.put("CONTACT_REQUESTS", (double) r.getLong("contact_requests"));
                    m.put("MEETINGS", (double) r.getLong("meetings"));
                    m.put("INTENTS", (double) r.getLong("intents"));
                    m.put("CONTRACTS", (double) r.getLong("contracts"));
                    m.put("CONTRACT_AMOUNT_WAN", r.getBigDecimal("amount").doubleValue());
                    m.put("TECH_AGREEMENTS", (double) r.getLong("tech_agreements"));
                    m.put("TECH_TRANSFERS", (double) r.getLong("tech_transfers"));
                    return m;
                });
    }

    private static long atOrAbove(Map<String, Long> counts, String tier) {
        long n = 0;
        for (String r : RUNGS) {
            if (Criteria.rank(r) >= Criteria.rank(tier)) {
                n += counts.getOrDefault(r, 0L);
            }
        }
        return n;
    }

    private static void put(Map<String, Double> m, String k, Number v) {
        if (v != null) {
            m.put(k, v.doubleValue());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
