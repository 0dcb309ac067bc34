package cn.duijie.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import cn.duijie.common.EngineBootstrap;

/**
 * A child JVM for the online backup test: starts both embedded engines on a (restored) data directory and prints
 * what it holds of needs — {@code PG id title} per need row, {@code PENDING id} per need whose outbox row is not yet
 * projected, {@code GRAPH id} per Need node — then stops cleanly.
 */
public final class RestoredNeedsMain {

    public static void main(String[] args) throws Exception {
        EngineBootstrap engines = new EngineBootstrap();
        Map<String, String> props = engines.start(new EngineBootstrap.Settings(Path.of(args[0]), Optional.empty(), Optional.empty(), 0, 0, "32m"));
        try (Connection c = DriverManager.getConnection(props.get("quarkus.datasource.jdbc.url"), "postgres", "");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, title FROM need ORDER BY id")) {
                while (rs.next()) {
                    System.out.println("PG " + rs.getString(1) + " " + rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT aggregate_id FROM outbox WHERE aggregate_type = 'NEED' AND processed_at IS NULL")) {
                while (rs.next()) {
                    System.out.println("PENDING " + rs.getString(1));
                }
            }
        }
        engines.neo4j().orElseThrow().database().executeTransactionally("MATCH (n:Need) RETURN n.id AS id", Map.of(), r -> {
            r.forEachRemaining(row -> System.out.println("GRAPH " + row.get("id")));
            return null;
        });
        System.out.println("DONE");
        System.out.flush();
        engines.stop();
        System.exit(0);
    }
}
