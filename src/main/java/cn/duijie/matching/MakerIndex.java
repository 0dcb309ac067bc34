package cn.duijie.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import cn.duijie.common.StartupTasks;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A read-through snapshot of who makes what, where, at which tier and with which certifications, plus the product
 * tree: supply candidates are generated and pre-scored from it in microseconds instead of reading thousands of
 * maker nodes per request. Any write that changes firms or products calls {@link #invalidate()}; until the
 * snapshot is rebuilt (in the background) the matcher reads the graph directly, so answers are never stale on this
 * instance. Other replicas rebuild at the latest after {@link #MAX_AGE}.
 */
@ApplicationScoped
public class MakerIndex {

    private static final Logger LOG = Logger.getLogger(MakerIndex.class);
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** A firm as the pre-score sees it; lat/lon NaN when unknown. */
    public record Firm(String id, double lat, double lon, String tier, List<String> certifications) {
    }

    /** Everything the pre-score needs, taken at one graph version. */
    public record Snapshot(long version, long takenAt, Map<String, Firm> firms, Map<String, String> productNames,
                           Map<String, List<Firm>> makersByProduct,
                           Map<String, List<String>> narrower, Map<String, List<String>> broader,
                           Map<String, List<String>> siblings) {
    }

    private final Driver driver;
    private final AtomicLong version = new AtomicLong();
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile Snapshot snapshot;

    MakerIndex(Driver driver) {
        this.driver = driver;
    }

    void onReady(@Observes StartupTasks.SchemasReady ready) {
        refreshAsync();
    }

    /** The graph changed: the snapshot is stale from now on, and a new one is built in the background. */
    public void invalidate() {
        version.incrementAndGet();
        refreshAsync();
    }

    /** The snapshot if it reflects the latest write on this instance and is young enough; else null (and a rebuild starts). */
    public Snapshot fresh() {
        Snapshot s = snapshot;
        if (s != null && s.version() == version.get() && System.currentTimeMillis() - s.takenAt() < MAX_AGE.toMillis()) {
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
        try (Session session = driver.session()) {
            session.run("MATCH (p:Product) RETURN p.code AS c, p.name AS n")
                    .forEachRemaining(r -> names.put(r.get("c").asString(), r.get("n").asString("")));
            session.run("MATCH (c:Enterprise) RETURN c.creditCode AS id, c.location.latitude AS lat, "
                    + "c.location.longitude AS lon, c.tier AS tier, c.certifications AS certs").forEachRemaining(r -> {
                        String id = r.get("id").asString();
                        firms.put(id, new Firm(id, num(r.get("lat")), num(r.get("lon")), r.get("tier").asString("NONE"),
                                r.get("certs").isNull() ? List.of() : r.get("certs").asList(Value::asString)));
                    });
            session.run("MATCH (c:Enterprise)-[:MAKES]->(p:Product) RETURN p.code AS p, c.creditCode AS c").forEachRemaining(r -> {
                Firm f = firms.get(r.get("c").asString());
                if (f != null) {
                    makers.computeIfAbsent(r.get("p").asString(), k -> new ArrayList<>()).add(f);
                }
            });
            session.run("MATCH (n:Product)-[:BROADER]->(b:Product) RETURN n.code AS n, b.code AS b")
                    .forEachRemaining(r -> parent.put(r.get("n").asString(), r.get("b").asString()));
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
        return new Snapshot(v, System.currentTimeMillis(), firms, names, makers, narrower, broader, siblings);
    }

    private static double num(Value v) {
        return v.isNull() ? Double.NaN : v.asDouble();
    }
}
