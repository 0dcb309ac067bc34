package cn.duijie.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import cn.duijie.common.StartupTasks;

/**
 * Gives every firm imported before the duplicate key existed its {@code duplicateKey} ({@link DuplicateFirms#key}),
 * once, in the background after start, a batch at a time. Until it is done the duplicate check reads every firm's
 * name, as it did before the key; after, only the firms with a row's key.
 */
@ApplicationScoped
public class DuplicateKeyBackfill {

    private static final Logger LOG = Logger.getLogger(DuplicateKeyBackfill.class);
    private static final int BATCH = 5_000;

    private final Driver driver;
    private volatile boolean done;

    DuplicateKeyBackfill(Driver driver) {
        this.driver = driver;
    }

    /** Whether every firm has its duplicate key. */
    boolean done() {
        return done;
    }

    void onSchemasReady(@Observes StartupTasks.SchemasReady ready) {
        Thread t = new Thread(this::run, "duijie-duplicate-keys");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        while (!done) {
            try {
                int total = fillMissing();
                done = true;
                if (total > 0) {
                    LOG.infof("Duplicate keys given to %d firms imported before they existed", total);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Duplicate keys not given yet (retrying in 30 s; duplicate checks read every firm's name meanwhile): %s",
                        e.getMessage());
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Gives the key to every firm without one; how many got it. */
    int fillMissing() {
        int total = 0;
        try (Session session = driver.session()) {
            while (true) {
                List<Map<String, Object>> rows = new ArrayList<>();
                session.run("MATCH (e:Enterprise) WHERE e.duplicateKey IS NULL AND e.creditCode IS NOT NULL "
                                + "RETURN e.creditCode AS c, e.name AS n, e.regionCode AS r LIMIT $batch", Map.of("batch", BATCH))
                        .forEachRemaining(r -> rows.add(Map.of("c", r.get("c").asString(),
                                "k", DuplicateFirms.key(r.get("n").asString(""), r.get("r").asString(null)))));
                if (rows.isEmpty()) {
                    return total;
                }
                // only where still missing: an import meanwhile wrote the key of the firm's new name
                session.executeWriteWithoutResult(tx -> tx.run("UNWIND $rows AS row MATCH (e:Enterprise {creditCode: row.c}) "
                        + "WHERE e.duplicateKey IS NULL SET e.duplicateKey = row.k", Map.of("rows", rows)).consume());
                total += rows.size();
            }
        }
    }
}
