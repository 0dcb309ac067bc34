package cn.duijie.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.duijie.common.EngineBootstrap;
import cn.duijie.graph.EmbeddedNeo4j;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Real embedded Neo4j and PostgreSQL for @QuarkusTest, in a fresh temporary data directory per test run. */
public class EmbeddedEnginesResource implements QuarkusTestResourceLifecycleManager {

    private static EngineBootstrap engines;
    private static Path dataDir;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("duijie-test-");
            dataDir = dir;
            engines = new EngineBootstrap();
            EngineBootstrap.Settings settings = new EngineBootstrap.Settings(dir, Optional.empty(), Optional.empty(), 0, 0, "128m");
            Map<String, String> props = new HashMap<>(engines.start(settings));
            props.put("duijie.seed.on-empty", "false");
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded Neo4j, for tests that stop and restart it. */
    public static EmbeddedNeo4j neo4j() {
        return engines.neo4j().orElseThrow();
    }

    /** The engines, for tests that stop and restart the embedded PostgreSQL. */
    public static EngineBootstrap engines() {
        return engines;
    }

    @Override
    public void stop() {
        if (engines != null) {
            engines.stop();
        }
        if (dataDir != null) {
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }
    }
}
