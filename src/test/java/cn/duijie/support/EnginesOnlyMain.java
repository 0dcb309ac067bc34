package cn.duijie.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.duijie.common.EngineBootstrap;

/**
 * A child JVM for crash and backup tests: takes the data directory like the service does and starts the embedded
 * PostgreSQL (and, with {@code --neo4j}, the embedded Neo4j). It commits one probe row (and node), prints
 * {@code READY} and the probe counts, and then waits to be killed — or, with {@code --exit}, stops cleanly.
 * With {@code --read} it writes nothing and only prints the counts and the first probe's text.
 */
public final class EnginesOnlyMain {

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args).subList(1, args.length);
        boolean withNeo4j = flags.contains("--neo4j");
        EngineBootstrap.Settings settings = new EngineBootstrap.Settings(Path.of(args[0]),
                withNeo4j ? Optional.empty() : Optional.of("bolt://127.0.0.1:1"), Optional.empty(), 0, 0, "16m");
        EngineBootstrap engines = new EngineBootstrap();
        Map<String, String> props;
        try {
            props = engines.start(settings);
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(3);
            return;
        }
        boolean write = !flags.contains("--read");
        try (Connection c = DriverManager.getConnection(props.get("quarkus.datasource.jdbc.url"), "postgres", "");
             Statement st = c.createStatement()) {
            if (write) {
                st.execute("CREATE TABLE IF NOT EXISTS crash_probe (n serial PRIMARY KEY, note text DEFAULT '探针 probe', at timestamptz DEFAULT now())");
                st.execute("INSERT INTO crash_probe DEFAULT VALUES");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), min(note) FROM crash_probe")) {
                rs.next();
                System.out.println("PG " + rs.getLong(1) + " " + rs.getString(2));
            }
        }
        if (withNeo4j) {
            var db = engines.neo4j().orElseThrow().database();
            if (write) {
                db.executeTransactionally("CREATE (:Probe {name: '探针节点', at: datetime()})");
            }
            db.executeTransactionally("MATCH (p:Probe) RETURN count(p) AS n, min(p.name) AS name", Map.of(), r -> {
                var row = r.next();
                System.out.println("NEO4J " + row.get("n") + " " + row.get("name"));
                return null;
            });
        }
        System.out.println("READY");
        System.out.flush();
        if (flags.contains("--exit") || flags.contains("--read")) {
            engines.stop();
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
