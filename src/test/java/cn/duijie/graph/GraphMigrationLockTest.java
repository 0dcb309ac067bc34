package cn.duijie.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;

/** Two replicas starting together: each migrator either waits for the lock or finds everything applied; no version twice. */
@QuarkusTest
class GraphMigrationLockTest {

    @Inject
    Driver driver;

    @Test
    void replicasMigratingAtOnceApplyEachVersionOnceAndReleaseTheLock() {
        Ready.await();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            GraphMigrations replica = new GraphMigrations(driver);
            replicas.add(CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (true) {
                    try {
                        replica.migrate();
                        return;
                    } catch (IllegalStateException e) {
                        refused.incrementAndGet();
                        if (System.nanoTime() > deadline) {
                            throw e;
                        }
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }));
        }
        replicas.forEach(CompletableFuture::join);
        try (var s = driver.session()) {
            long versions = s.run("MATCH (m:__Neo4jMigration) RETURN count(m) AS n").single().get("n").asLong();
            long distinct = s.run("MATCH (m:__Neo4jMigration) RETURN count(DISTINCT m.version) AS n").single().get("n").asLong();
            assertEquals(distinct, versions, "no version recorded twice");
            assertEquals(GraphMigrations.files().size(), versions);
            assertEquals(0, s.run("MATCH (l:__Neo4jMigrationLock) RETURN count(l) AS n").single().get("n").asLong(), "lock released");
        }
    }
}
