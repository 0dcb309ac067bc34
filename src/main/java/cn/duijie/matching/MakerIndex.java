package cn.duijie.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import cn.duijie.common.StartupTasks;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A read-through snapshot of who makes what, where, at which tier and with which certifications, whom each firm
 * supplies, its track record, the product tree and the segments' FEEDS: supply candidates are generated and scored
 * from it in microseconds instead of reading thousands of maker nodes per request. Any write on this instance that
 * changes firms, products, supply edges or outcomes calls {@link #invalidate()}; until the snapshot is rebuilt (in
 * the background) the matcher reads the graph directly, so answers are never stale on this instance. A snapshot
 * older than {@code duijie.matching.index-max-age} (5 minutes) is rebuilt in the background while still served,
 * so writes made through another replica show within that time.
 */
@ApplicationScoped
public class MakerIndex {

    private static final Logger LOG = Logger.getLogger(MakerIndex.class);

    /**
     * A firm as supply scoring sees it; lat/lon NaN when unknown. {@code makes} and {@code supplies} (credit codes of
     * its buyers) are filled while the snapshot is built and never change afterwards.
     */
    public record Firm(int idx, String id, String name, String regionCode, Long employees, boolean leader, double lat, double lon,
                       String tier, List<String> certifications, List<String> makes, List<String> supplies,
                       List<String> techs, int deals, int mets) {
    }

    /** A fund or bank product as fund matching sees it. */
    public record Fund(String id, String name, String regionCode, List<String> stages, List<String> instruments, Double min,
                       Double max, String mandate, List<String> chains, List<String> segments, List<String> portfolio, int deals) {
        /** A fund without a region mandate admits every firm; a guidance fund only firms inside its region. */
        boolean admits(List<String> regionAndAbove) {
            return mandate.isEmpty() || regionAndAbove.contains(mandate);
        }
    }

    /** An achievement, institution or expert as 产学研 matching sees it; {@code institutionId} is its own id for an institution. */
    public record Party(String type, String id, String name, Integer trl, String institutionId, List<String> techs,
                        List<String> products) {
        String key() {
            return type + ":" + id;
        }
    }

    public record Institution(String id, String name, String regionCode, double lat, double lon, int collaborations,
                              Set<String> partners) {
    }

    /** The technology tree and who works on what: what 产学研 matching needs. Deals are keyed by {@link Party#key()}. */
    public record Research(Map<String, String> techParent, Map<String, List<String>> techChildren, Map<String, String> techNames,
                           Map<String, List<Party>> byTech, Map<String, List<Party>> byProduct, Map<String, Party> achievements,
                           Map<String, Party> institutionParties, Map<String, Institution> institutions, Map<String, Integer> deals,
                           Map<String, List<Party>> achievementsByInstitution, Map<String, Party> experts) {
        /**
         * The technologies that count for a wanted one, with their fit: itself 1, narrower (two levels down) .85, the
         * one above .6 — the tree tech-matches.cypher walks.
         */
        List<Map.Entry<String, Double>> around(String want) {
            List<Map.Entry<String, Double>> out = new ArrayList<>();
            if (!techNames.containsKey(want)) {
                return out;
            }
            out.add(Map.entry(want, 1.0));
            for (String child : techChildren.getOrDefault(want, List.of())) {
                out.add(Map.entry(child, 0.85));
                techChildren.getOrDefault(child, List.of()).forEach(g -> out.add(Map.entry(g, 0.85)));
            }
            if (techParent.containsKey(want)) {
                out.add(Map.entry(techParent.get(want), 0.6));
            }
            return out;
        }
    }

    /** Regions, chains and who supplies whom the other way round: what fund matching needs beside the firms. */
    public record Context(Map<String, String> regionParent, Map<String, String> regionLevel, Map<String, String> segmentChain,
                          Map<String, String> chainNames, Map<String, List<String>> leads, Map<String, List<String>> suppliedBy,
                          Map<String, Fund> funds, Map<String, List<Fund>> fundsByFocus, Research research) {
        /** A region and the two above it, as the graph's (:Region)-[:WITHIN*0..2]->(:Region). */
        List<String> regionAndAbove(String region) {
            List<String> out = new ArrayList<>(3);
            for (String r = region; r != null && out.size() < 3; r = regionParent.get(r)) {
                out.add(r);
            }
            return out;
        }
    }

    /** Everything supply and fund scoring need, taken at one graph version. */
    public record Snapshot(long version, long takenAt, Map<String, Firm> firms, Map<String, String> productNames,
                           Map<String, List<Firm>> makersByProduct,
                           Map<String, List<String>> narrower, Map<String, List<String>> broader,
                           Map<String, List<String>> siblings,
                           Map<String, String> productSegment, Map<String, String> segmentNames,
                           Map<String, List<String>> feeds,
                           Map<String, List<org.neo4j.driver.Record>> textHitCache, Context context) {
        private static final int TEXT_HITS_MAX = 20_000;

        /**
         * Full-text hits for a key, asked of the graph once and kept as long as this snapshot: the full-text indexes
         * change only with writes that also replace the snapshot.
         */
        Uni<List<org.neo4j.driver.Record>> textHits(String key, boolean cache, Supplier<Uni<List<org.neo4j.driver.Record>>> query) {
            List<org.neo4j.driver.Record> cached = cache ? textHitCache.get(key) : null;
            if (cached != null) {
                return Uni.createFrom().item(cached);
            }
            return query.get().invoke(rows -> {
                if (cache && textHitCache.size() < TEXT_HITS_MAX) {
                    textHitCache.put(key, rows);
                }
            });
        }

        /** The segments of the products a firm makes. */
        Set<String> segmentsOf(Firm firm) {
            Set<String> out = new java.util.HashSet<>();
            for (String p : firm.makes()) {
                String seg = productSegment.get(p);
                if (seg != null) {
                    out.add(seg);
                }
            }
            return out;
        }
    }

    private final Driver driver;
    private final AtomicLong version = new AtomicLong();
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile Snapshot snapshot;

    private final Duration maxAge;

    MakerIndex(Driver driver, MatchingConfig config) {
        this.driver = driver;
        this.maxAge = config.indexMaxAge();
    }

    void onReady(@Observes StartupTasks.SchemasReady ready) {
        refreshAsync();
    }

    /** The graph changed: the snapshot is stale from now on, and a new one is built in the background. */
    public void invalidate() {
        version.incrementAndGet();
        refreshAsync();
    }

    /** The snapshot if it reflects the latest write on this instance; else null (and a rebuild starts). */
    public Snapshot fresh() {
        Snapshot s = snapshot;
        if (s != null && s.version() == version.get()) {
            if (System.currentTimeMillis() - s.takenAt() > maxAge.toMillis()) {
                refreshAsync(); // old but not invalidated here: served while the next one is built
            }
            return s;
        }
        refreshAsync();
        return null;
    }

    void refreshAsync() {
        if (loading.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    long v;
                    do {
                        v = version.get();
                        snapshot = load(v);
                    } while (v != version.get());
                } catch (RuntimeException e) {
                    LOG.debugf("Maker index not rebuilt: %s", e.toString());
                } finally {
                    loading.set(false);
                }
            });
        }
    }

    /** Blocks until a fresh snapshot exists (benchmarks and tests). */
    public Snapshot awaitFresh(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Snapshot s = fresh();
            if (s != null) {
                return s;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    Snapshot load(long v) {
        long start = System.nanoTime();
        Map<String, Firm> firms = new HashMap<>();
        Map<String, List<Firm>> makers = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> productSegment = new HashMap<>();
        Map<String, String> segmentNames = new HashMap<>();
        Map<String, List<String>> feeds = new HashMap<>();
        Context context;
        try (Session session = driver.session()) {
            session.run("MATCH (p:Product) RETURN p.code AS c, p.name AS n, head([(p)-[:IN_SEGMENT]->(s) | s.id]) AS s")
                    .forEachRemaining(r -> {
                        names.put(r.get("c").asString(), r.get("n").asString(""));
                        if (!r.get("s").isNull()) {
                            productSegment.put(r.get("c").asString(), r.get("s").asString());
                        }
                    });
            session.run("MATCH (s:Segment) RETURN s.id AS id, s.name AS n, [(s)-[:FEEDS]->(t) | t.id] AS feeds").forEachRemaining(r -> {
                segmentNames.put(r.get("id").asString(), r.get("n").asString(""));
                feeds.put(r.get("id").asString(), r.get("feeds").asList(Value::asString));
            });
            Map<String, int[]> outcomes = new HashMap<>();
            session.run("MATCH (c:Enterprise)<-[o:MATCH_OUTCOME]-() WHERE o.kind IN ['DEAL', 'MET'] "
                    + "RETURN c.creditCode AS id, o.kind AS kind, count(*) AS n").forEachRemaining(r -> outcomes
                    .computeIfAbsent(r.get("id").asString(), k -> new int[2])[r.get("kind").asString().equals("DEAL") ? 0 : 1] = r.get("n").asInt());
            session.run("""
                    MATCH (c:Enterprise)
                    RETURN c.creditCode AS id, c.name AS name, c.regionCode AS region, c.employees AS employees,
                           coalesce(c.isChainLeader, false) AS leader, c.location.latitude AS lat, c.location.longitude AS lon,
                           c.tier AS tier, c.certifications AS certs""").forEachRemaining(r -> {
                        String id = r.get("id").asString();
                        int[] o = outcomes.getOrDefault(id, new int[2]);
                        firms.put(id, new Firm(firms.size(), id, r.get("name").asString(""), r.get("region").asString(null),
                                r.get("employees").isNull() ? null : r.get("employees").asLong(), r.get("leader").asBoolean(),
                                num(r.get("lat")), num(r.get("lon")), r.get("tier").asString("NONE"),
                                r.get("certs").isNull() ? List.of() : r.get("certs").asList(Value::asString),
                                new ArrayList<>(2), new ArrayList<>(1), new ArrayList<>(1), o[0], o[1]));
                    });
            session.run("MATCH (c:Enterprise)-[:MAKES]->(p:Product) RETURN p.code AS p, c.creditCode AS c").forEachRemaining(r -> {
                Firm f = firms.get(r.get("c").asString());
                if (f != null) {
                    makers.computeIfAbsent(r.get("p").asString(), k -> new ArrayList<>()).add(f);
                    f.makes().add(r.get("p").asString());
                }
            });
            session.run("MATCH (c:Enterprise)-[:HAS_TECH]->(t:Technology) RETURN c.creditCode AS c, t.code AS t").forEachRemaining(r -> {
                Firm f = firms.get(r.get("c").asString());
                if (f != null) {
                    f.techs().add(r.get("t").asString());
                }
            });
            session.run("MATCH (c:Enterprise)-[:SUPPLIES]->(b:Enterprise) RETURN c.creditCode AS c, b.creditCode AS b").forEachRemaining(r -> {
                Firm f = firms.get(r.get("c").asString());
                if (f != null) {
                    f.supplies().add(r.get("b").asString());
                }
            });
            session.run("MATCH (n:Product)-[:BROADER]->(b:Product) RETURN n.code AS n, b.code AS b")
                    .forEachRemaining(r -> parent.put(r.get("n").asString(), r.get("b").asString()));
            context = loadContext(session, firms);
        }
        Map<String, List<String>> broader = new HashMap<>();
        Map<String, List<String>> narrower = new HashMap<>();
        Map<String, List<String>> siblings = new HashMap<>();
        for (String p : parent.keySet()) {
            String b1 = parent.get(p);
            String b2 = parent.get(b1);
            List<String> up = new ArrayList<>(List.of(b1));
            if (b2 != null && !b2.equals(p)) {
                up.add(b2);
            }
            broader.put(p, up);
            for (String u : up) {
                narrower.computeIfAbsent(u, k -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<String, String> e : parent.entrySet()) {
            for (Map.Entry<String, String> o : parent.entrySet()) {
                if (!e.getKey().equals(o.getKey()) && e.getValue().equals(o.getValue())) {
                    siblings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(o.getKey());
                }
            }
        }
        LOG.infof("Maker index built: %d firms, %d products with makers, in %d ms", firms.size(), makers.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new Snapshot(v, System.currentTimeMillis(), firms, names, makers, narrower, broader, siblings,
                productSegment, segmentNames, feeds, new java.util.concurrent.ConcurrentHashMap<>(), context);
    }

    private static Context loadContext(Session session, Map<String, Firm> firms) {
        Map<String, String> regionParent = new HashMap<>();
        Map<String, String> regionLevel = new HashMap<>();
        session.run("MATCH (r:Region) RETURN r.code AS code, r.level AS level, head([(r)-[:WITHIN]->(p) | p.code]) AS parent")
                .forEachRemaining(r -> {
                    regionLevel.put(r.get("code").asString(), r.get("level").asString(""));
                    if (!r.get("parent").isNull()) {
                        regionParent.put(r.get("code").asString(), r.get("parent").asString());
                    }
                });
        Map<String, String> segmentChain = new HashMap<>();
        Map<String, String> chainNames = new HashMap<>();
        session.run("MATCH (c:Chain) OPTIONAL MATCH (c)-[:HAS_SEGMENT]->(s:Segment) RETURN c.id AS c, c.name AS n, s.id AS s")
                .forEachRemaining(r -> {
                    chainNames.put(r.get("c").asString(), r.get("n").asString(""));
                    if (!r.get("s").isNull()) {
                        segmentChain.put(r.get("s").asString(), r.get("c").asString());
                    }
                });
        Map<String, List<String>> leads = new HashMap<>();
        session.run("MATCH (e:Enterprise)-[:LEADS]->(c:Chain) RETURN e.creditCode AS e, c.id AS c")
                .forEachRemaining(r -> leads.computeIfAbsent(r.get("e").asString(), k -> new ArrayList<>()).add(r.get("c").asString()));
        Map<String, List<String>> suppliedBy = new HashMap<>();
        firms.values().forEach(f -> f.supplies().forEach(b -> suppliedBy.computeIfAbsent(b, k -> new ArrayList<>()).add(f.id())));
        Map<String, Fund> funds = new java.util.LinkedHashMap<>();
        session.run("""
                MATCH (f:Fund)
                RETURN f.id AS id, f.name AS name, head([(inv:Investor)-[:MANAGES]->(f) | inv.regionCode]) AS region,
                       f.stages AS stages, f.instruments AS instruments, f.ticketMinWan AS min, f.ticketMaxWan AS max,
                       f.regionMandate AS mandate, [(f)-[:FOCUSES_ON]->(c:Chain) | c.id] AS chains,
                       [(f)-[:FOCUSES_ON]->(s:Segment) | s.id] AS segments, [(f)-[:INVESTED_IN]->(e:Enterprise) | e.creditCode] AS portfolio,
                       COUNT { (f)<-[o:MATCH_OUTCOME]-() WHERE o.kind = 'DEAL' } AS deals
                ORDER BY f.id""").forEachRemaining(r -> funds.put(r.get("id").asString(), new Fund(r.get("id").asString(),
                r.get("name").asString(""), r.get("region").asString(null),
                r.get("stages").isNull() ? List.of() : r.get("stages").asList(Value::asString),
                r.get("instruments").isNull() ? List.of() : r.get("instruments").asList(Value::asString),
                r.get("min").isNull() ? null : r.get("min").asDouble(), r.get("max").isNull() ? null : r.get("max").asDouble(),
                r.get("mandate").asString(""), r.get("chains").asList(Value::asString), r.get("segments").asList(Value::asString),
                r.get("portfolio").asList(Value::asString), r.get("deals").asInt())));
        Map<String, List<Fund>> fundsByFocus = new HashMap<>(); // chain or segment id → funds focused on it, in id order
        funds.values().forEach(f -> {
            f.chains().forEach(x -> fundsByFocus.computeIfAbsent(x, k -> new ArrayList<>()).add(f));
            f.segments().forEach(x -> fundsByFocus.computeIfAbsent(x, k -> new ArrayList<>()).add(f));
        });
        return new Context(regionParent, regionLevel, segmentChain, chainNames, leads, suppliedBy, funds, fundsByFocus,
                loadResearch(session));
    }

    private static Research loadResearch(Session session) {
        Map<String, String> techParent = new HashMap<>();
        Map<String, List<String>> techChildren = new HashMap<>();
        Map<String, String> techNames = new HashMap<>();
        session.run("MATCH (t:Technology) RETURN t.code AS c, t.name AS n, head([(t)-[:BROADER]->(b:Technology) | b.code]) AS parent")
                .forEachRemaining(r -> {
                    String c = r.get("c").asString();
                    techNames.put(c, r.get("n").asString(""));
                    if (!r.get("parent").isNull()) {
                        techParent.put(c, r.get("parent").asString());
                        techChildren.computeIfAbsent(r.get("parent").asString(), k -> new ArrayList<>()).add(c);
                    }
                });
        Map<String, Institution> institutions = new HashMap<>();
        Map<String, Set<String>> partners = new HashMap<>();
        Map<String, int[]> collaborations = new HashMap<>();
        session.run("MATCH (i:Institution)-[:COLLABORATED_WITH]->(e:Enterprise) RETURN i.id AS i, e.creditCode AS e").forEachRemaining(r -> {
            partners.computeIfAbsent(r.get("i").asString(), k -> new java.util.HashSet<>()).add(r.get("e").asString());
            collaborations.computeIfAbsent(r.get("i").asString(), k -> new int[1])[0]++;
        });
        Map<String, List<Party>> byTech = new HashMap<>();
        Map<String, Party> institutionParties = new HashMap<>();
        session.run("""
                MATCH (i:Institution)
                RETURN i.id AS id, i.name AS name, i.regionCode AS region, i.location.latitude AS lat, i.location.longitude AS lon,
                       [(i)-[:EXPERT_IN]->(t:Technology) | t.code] AS techs""").forEachRemaining(r -> {
                    String id = r.get("id").asString();
                    institutions.put(id, new Institution(id, r.get("name").asString(""), r.get("region").asString(null),
                            num(r.get("lat")), num(r.get("lon")), collaborations.getOrDefault(id, new int[1])[0],
                            partners.getOrDefault(id, Set.of())));
                    Party party = new Party("INSTITUTION", id, r.get("name").asString(""), null, id, List.of(), List.of());
                    institutionParties.put(id, party);
                    r.get("techs").asList(Value::asString).forEach(t -> byTech.computeIfAbsent(t, k -> new ArrayList<>()).add(party));
                });
        Map<String, List<Party>> byProduct = new HashMap<>();
        Map<String, Party> achievements = new HashMap<>();
        Map<String, List<Party>> byInstitution = new HashMap<>();
        Map<String, Party> experts = new HashMap<>();
        session.run("""
                MATCH (a:Achievement)
                RETURN a.id AS id, a.title AS title, a.trl AS trl, head([(a)-[:OWNED_BY]->(i:Institution) | i.id]) AS inst,
                       [(a)-[:ABOUT]->(t:Technology) | t.code] AS techs, [(a)-[:APPLIES_TO]->(p:Product) | p.code] AS products""")
                .forEachRemaining(r -> {
                    Party party = new Party("ACHIEVEMENT", r.get("id").asString(), r.get("title").asString(""),
                            r.get("trl").isNull() ? null : r.get("trl").asInt(), r.get("inst").asString(null),
                            r.get("techs").asList(Value::asString), r.get("products").asList(Value::asString));
                    if (party.institutionId() != null) {
                        byInstitution.computeIfAbsent(party.institutionId(), k -> new ArrayList<>()).add(party);
                    }
                    achievements.put(party.id(), party);
                    r.get("techs").asList(Value::asString).forEach(t -> byTech.computeIfAbsent(t, k -> new ArrayList<>()).add(party));
                    r.get("products").asList(Value::asString).forEach(p -> byProduct.computeIfAbsent(p, k -> new ArrayList<>()).add(party));
                });
        session.run("""
                MATCH (x:Expert)
                RETURN x.id AS id, x.name AS name, head([(x)-[:WORKS_AT]->(i:Institution) | i.id]) AS inst,
                       [(x)-[:EXPERT_IN]->(t:Technology) | t.code] AS techs""").forEachRemaining(r -> {
                    Party party = new Party("EXPERT", r.get("id").asString(), r.get("name").asString(""), null, r.get("inst").asString(null),
                            List.of(), List.of());
                    experts.put(party.id(), party);
                    r.get("techs").asList(Value::asString).forEach(t -> byTech.computeIfAbsent(t, k -> new ArrayList<>()).add(party));
                });
        Map<String, Integer> deals = new HashMap<>();
        session.run("""
                MATCH (n)<-[o:MATCH_OUTCOME]-() WHERE o.kind = 'DEAL' AND (n:Achievement OR n:Institution OR n:Expert)
                RETURN CASE WHEN n:Achievement THEN 'ACHIEVEMENT' WHEN n:Expert THEN 'EXPERT' ELSE 'INSTITUTION' END + ':' + n.id AS key,
                       count(*) AS n""").forEachRemaining(r -> deals.put(r.get("key").asString(), r.get("n").asInt()));
        return new Research(techParent, techChildren, techNames, byTech, byProduct, achievements, institutionParties, institutions, deals,
                byInstitution, experts);
    }

    private static double num(Value v) {
        return v.isNull() ? Double.NaN : v.asDouble();
    }
}
