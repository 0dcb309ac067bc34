package cn.duijie.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import cn.duijie.common.EngineBootstrap;

/**
 * A child JVM for crash tests: takes the data directory like the service does, starts the embedded PostgreSQL
 * (Neo4j external, so it stays out of the way), commits one row, prints {@code READY}, and waits to be killed.
 */
public final class EnginesOnlyMain {

    public static void main(String[] args) throws Exception {
        EngineBootstrap.Settings settings = new EngineBootstrap.Settings(Path.of(args[0]), Optional.of("bolt://127.0.0.1:1"),
                Optional.empty(), 0, 0, "16m");
        EngineBootstrap engines = new EngineBootstrap();
        Map<String, String> props;
        try {
            props = engines.start(settings);
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(3);
            return;
        }
        try (Connection c = DriverManager.getConnection(props.get("quarkus.datasource.jdbc.url"), "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS crash_probe (n serial PRIMARY KEY, at timestamptz DEFAULT now())");
            st.execute("INSERT INTO crash_probe DEFAULT VALUES");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
