package cn.duijie.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Replicas starting together on one pair of engines load the demo region once: a replica that finds another one still
 * loading waits for it, and does not take the other's RUNNING seed job for one a crash interrupted.
 */
@QuarkusTest
class DemoRegionReplicasTest {

    @Inject
    SeedLoader seed;
    @Inject
    DataSource dataSource;
    @Inject
    Driver driver;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void aReplicaStartingWhileAnotherLoadsTheDemoRegionWaitsAndLeavesItsJobAlone() throws Exception {
        UUID job = UUID.randomUUID();
        String firm = "SEED-LOCK-" + job;
        try (var s = driver.session()) {
            s.run("CREATE (:Enterprise {creditCode: $c})", java.util.Map.of("c", firm)).consume(); // the region is there once loaded
        }
        CompletableFuture<Void> second;
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            // the first replica, alive and loading: it holds the lock and its seed job is RUNNING
            st.execute("SELECT pg_advisory_lock(" + SeedLoader.LOCK_KEY + ")");
            st.execute("INSERT INTO import_job (id, status, source) VALUES ('" + job + "', 'RUNNING', 'seed')");
            try {
                second = CompletableFuture.runAsync(seed::loadExclusively);
                Thread.sleep(2_000);
                assertFalse(second.isDone(), "the second replica waits for the first one's load");
                assertEquals("RUNNING", status(job), "a live replica's seed job is not marked interrupted");
                st.execute("UPDATE import_job SET status = 'DONE', finished_at = now() WHERE id = '" + job + "'");
            } finally {
                st.execute("SELECT pg_advisory_unlock(" + SeedLoader.LOCK_KEY + ")");
            }
            second.get(60, TimeUnit.SECONDS);
            assertEquals("DONE", status(job));
            assertEquals(0, count("SELECT count(*) FROM import_job WHERE source = 'seed' AND created_at > "
                    + "(SELECT created_at FROM import_job WHERE id = '" + job + "')"), "the region is there: not loaded again");
        } finally {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM import_job WHERE id = '" + job + "'");
            }
            try (var s = driver.session()) {
                s.run("MATCH (e:Enterprise {creditCode: $c}) DELETE e", java.util.Map.of("c", firm)).consume();
            }
        }
    }

    private String status(UUID job) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT status FROM import_job WHERE id = '" + job + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
