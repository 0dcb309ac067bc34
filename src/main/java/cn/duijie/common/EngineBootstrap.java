package cn.duijie.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.duijie.db.EmbeddedPostgresServer;
import cn.duijie.graph.EmbeddedNeo4j;

/**
 * Decides, before Quarkus starts, which engines are external (NEO4J_URI, DB_URL) and starts the embedded ones,
 * returning the Quarkus properties that point the driver and the datasources at them.
 */
public final class EngineBootstrap {

    public static final String ENGINE_NEO4J = "duijie.engines.neo4j";
    public static final String ENGINE_POSTGRES = "duijie.engines.postgres";

    /** Environment variables read here, before Quarkus' own configuration exists. */
    public static final java.util.List<String> ENVIRONMENT_VARIABLES = java.util.List.of(
            "DUIJIE_DATA_DIR", "NEO4J_URI", "DB_URL", "DUIJIE_NEO4J_PORT", "DUIJIE_POSTGRES_PORT", "DUIJIE_NEO4J_PAGE_CACHE");

    private EmbeddedNeo4j neo4j;
    private EmbeddedPostgresServer postgres;
    private DataDirectoryLock lock;
    private Path dataDir;
    /** The engines this JVM started, for the online backup the running service makes of them. */
    private static volatile EngineBootstrap running;

    /** Settings read from system properties first, then environment variables. */
    public record Settings(Path dataDir, Optional<String> neo4jUri, Optional<String> dbUrl,
                           int neo4jPort, int postgresPort, String neo4jPageCache) {

        public static Settings fromEnvironment() {
            return new Settings(
                    Path.of(setting("duijie.data-dir", "DUIJIE_DATA_DIR").orElse("./data")).toAbsolutePath().normalize(),
                    setting("quarkus.neo4j.uri", "NEO4J_URI"),
                    setting("duijie.db-url", "DB_URL"),
                    Integer.parseInt(setting("duijie.embedded.neo4j-port", "DUIJIE_NEO4J_PORT").orElse("0")),
                    Integer.parseInt(setting("duijie.embedded.postgres-port", "DUIJIE_POSTGRES_PORT").orElse("0")),
                    setting("duijie.embedded.neo4j-page-cache", "DUIJIE_NEO4J_PAGE_CACHE").orElse("512m"));
        }

        public Settings withDataDir(Path dir) {
            return new Settings(dir, neo4jUri, dbUrl, neo4jPort, postgresPort, neo4jPageCache);
        }
    }

    static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Starts what is not external and returns the properties Quarkus needs to reach both engines. Throws
     * {@link EngineStartException} (having stopped whatever it started) when an engine cannot be brought up.
     */
    public Map<String, String> start(Settings settings) {
        try {
            Map<String, String> props = startEngines(settings);
            dataDir = settings.dataDir();
            running = this;
            return props;
        } catch (RuntimeException e) {
            stop();
            throw e instanceof EngineStartException ese ? ese
                    : new EngineStartException("内嵌引擎无法启动 (an embedded engine failed to start): " + StartupTasks.rootMessage(e), e);
        }
    }

    private Map<String, String> startEngines(Settings settings) {
        Map<String, String> props = new LinkedHashMap<>();
        if (settings.neo4jUri().isEmpty() || settings.dbUrl().isEmpty()) {
            // held until the JVM ends: proves that anything an earlier owner left on this directory is orphaned
            lock = DataDirectoryLock.acquire(settings.dataDir());
        }
        props.put("duijie.data-dir", settings.dataDir().toString());
        props.putAll(cn.duijie.account.AuthKeys.prepare(settings.dataDir()));
        if (settings.neo4jUri().isPresent()) {
            props.put("quarkus.neo4j.uri", settings.neo4jUri().get());
            props.put(ENGINE_NEO4J, "external " + settings.neo4jUri().get());
        } else {
            Path home = settings.dataDir().resolve("neo4j");
            try {
                neo4j = new EmbeddedNeo4j(home, portOrFree(settings.neo4jPort()), settings.neo4jPageCache()).start();
            } catch (RuntimeException e) {
                neo4j = null;
                throw new EngineStartException("内嵌 Neo4j 无法在 " + home + " 启动 (embedded Neo4j failed to start): "
                        + StartupTasks.rootMessage(e), e);
            }
            props.put("quarkus.neo4j.uri", neo4j.boltUri());
            props.put(ENGINE_NEO4J, "embedded " + neo4j.boltUri() + ", data in " + home);
        }
        if (settings.dbUrl().isPresent()) {
            String url = settings.dbUrl().get();
            String reactive = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
            props.put("quarkus.datasource.reactive.url", reactive);
            props.put("quarkus.datasource.jdbc.url", "jdbc:" + reactive);
            props.put(ENGINE_POSTGRES, "external " + reactive);
        } else {
            Path dir = settings.dataDir().resolve("postgres");
            postgresDir = dir;
            postgres = EmbeddedPostgresServer.start(dir, portOrFree(settings.postgresPort()));
            props.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
            props.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            props.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            props.put(ENGINE_POSTGRES, "embedded " + postgres.reactiveUrl() + ", data in " + dir);
        }
        return props;
    }

    /** The engines started in this JVM and not stopped since (at most one set: they hold the data directory's lock). */
    public static Optional<EngineBootstrap> running() {
        return Optional.ofNullable(running);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The running embedded PostgreSQL's data directory and JDBC URL, if this JVM runs one. */
    public Optional<EmbeddedPostgresPlace> postgres() {
        EmbeddedPostgresServer pg = postgres;
        return pg == null ? Optional.empty() : Optional.of(new EmbeddedPostgresPlace(postgresDir, pg.jdbcUrl()));
    }

    public record EmbeddedPostgresPlace(Path dataDir, String jdbcUrl) {
    }

    public Optional<EmbeddedNeo4j> neo4j() {
        return Optional.ofNullable(neo4j);
    }

    /** Stops the embedded PostgreSQL (an outage, for the tests that prove the service answers 503 meanwhile). */
    public void stopPostgres() {
        if (postgres != null) {
            postgresRestart = new PostgresPlace(postgresDir, postgres.port());
            postgres.close();
            postgres = null;
        }
    }

    /** Starts the embedded PostgreSQL stopped by {@link #stopPostgres()} again, on its data and port. */
    public void startPostgres() {
        if (postgres == null && postgresRestart != null) {
            postgres = EmbeddedPostgresServer.start(postgresRestart.dir(), postgresRestart.port());
        }
    }

    private record PostgresPlace(Path dir, int port) {
    }

    private Path postgresDir;
    private PostgresPlace postgresRestart;

    public void stop() {
        if (running == this) {
            running = null;
        }
        stopEngines();
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /** Stops the engines cleanly but keeps the data directory locked (backup and restore copy files meanwhile). */
    public void stopEngines() {
        if (neo4j != null) {
            neo4j.stop();
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    public static int portOrFree(int port) {
        if (port > 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
