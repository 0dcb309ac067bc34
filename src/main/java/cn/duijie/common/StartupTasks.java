package cn.duijie.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import cn.duijie.graph.GraphMigrations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings both schemas up to date after start, retrying with backoff, so the service starts and reports DOWN
 * (instead of crash-looping) while an external server is away. Fires {@link SchemasReady} when both are done.
 */
@ApplicationScoped
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    /** Fired (synchronously, on the start-up worker thread) once both schemas are migrated. */
    public record SchemasReady() {
    }

    private final Flyway flyway;
    private final GraphMigrations graphMigrations;
    private final Event<SchemasReady> ready;
    private final String neo4jEngine;
    private final String postgresEngine;
    private final String dataDir;
    private volatile boolean postgresMigrated;
    private volatile String postgresError;
    private volatile String neo4jError;
    private volatile boolean stopping;
    private final java.util.concurrent.CountDownLatch schemasReady = new java.util.concurrent.CountDownLatch(1);

    StartupTasks(Flyway flyway, GraphMigrations graphMigrations, Event<SchemasReady> ready,
                 @ConfigProperty(name = EngineBootstrap.ENGINE_NEO4J, defaultValue = "external") String neo4jEngine,
                 @ConfigProperty(name = EngineBootstrap.ENGINE_POSTGRES, defaultValue = "external") String postgresEngine,
                 @ConfigProperty(name = "duijie.data-dir") String dataDir) {
        this.flyway = flyway;
        this.graphMigrations = graphMigrations;
        this.ready = ready;
        this.neo4jEngine = neo4jEngine;
        this.postgresEngine = postgresEngine;
        this.dataDir = dataDir;
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Neo4j: %s", neo4jEngine);
        LOG.infof("PostgreSQL: %s", postgresEngine);
        LOG.infof("Data directory: %s", java.nio.file.Path.of(dataDir).toAbsolutePath().normalize());
        Thread worker = new Thread(this::migrateBoth, "duijie-schema-migrations");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void migrateBoth() {
        List<Thread> parts = new ArrayList<>();
        parts.add(retrying("PostgreSQL", () -> {
            flyway.migrate();
            postgresMigrated = true;
        }, e -> postgresError = e));
        parts.add(retrying("Neo4j", graphMigrations::migrate, e -> neo4jError = e));
        for (Thread t : parts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!stopping && postgresMigrated && graphMigrations.appliedVersion() != null) {
            schemasReady.countDown();
            try {
                ready.fire(new SchemasReady());
            } catch (RuntimeException e) {
                LOG.error("A start-up task after schema migration failed", e);
            }
        }
    }

    private Thread retrying(String engine, Runnable task, Consumer<String> errorSink) {
        Thread t = new Thread(() -> {
            Duration wait = Duration.ofSeconds(1);
            while (!stopping) {
                try {
                    task.run();
                    errorSink.accept(null);
                    return;
                } catch (RuntimeException e) {
                    String message = rootMessage(e);
                    errorSink.accept(message);
                    LOG.warnf("%s schema migration failed (%s); retrying in %d s", engine, message, wait.toSeconds());
                    try {
                        Thread.sleep(wait.toMillis());
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : wait.multipliedBy(2);
                }
            }
        }, "duijie-migrate-" + engine);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Blocks until both schemas are migrated; false when the time ran out first. */
    public boolean awaitSchemas(Duration timeout) throws InterruptedException {
        return schemasReady.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public boolean postgresMigrated() {
        return postgresMigrated;
    }

    public String postgresError() {
        return postgresError;
    }

    public String neo4jError() {
        return neo4jError;
    }

    public String neo4jEngine() {
        return neo4jEngine;
    }

    public String postgresEngine() {
        return postgresEngine;
    }
}
