package cn.duijie.common;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.duijie.graph.GraphMigrations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings both schemas up to date after start ({@link SchemaMigrator} retries each with backoff), so the service starts
 * and reports DOWN (instead of crash-looping) while an external server is away. Fires {@link SchemasReady} when both
 * are done.
 */
@ApplicationScoped
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    /** Fired (synchronously, on the start-up worker thread) once both schemas are migrated. */
    public record SchemasReady() {
    }

    private final SchemaMigrator migrator;
    private final MigrationState state;
    private final GraphMigrations graphMigrations;
    private final Event<SchemasReady> ready;
    private final String neo4jEngine;
    private final String postgresEngine;
    private final String dataDir;
    private final java.util.concurrent.CountDownLatch schemasReady = new java.util.concurrent.CountDownLatch(1);

    StartupTasks(SchemaMigrator migrator, MigrationState state, GraphMigrations graphMigrations, Event<SchemasReady> ready,
                 ServiceConfig config) {
        this.migrator = migrator;
        this.state = state;
        this.graphMigrations = graphMigrations;
        this.ready = ready;
        this.neo4jEngine = config.engines().neo4j();
        this.postgresEngine = config.engines().postgres();
        this.dataDir = config.dataDir();
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Neo4j: %s", neo4jEngine);
        LOG.infof("PostgreSQL: %s", postgresEngine);
        LOG.infof("Data directory: %s", java.nio.file.Path.of(dataDir).toAbsolutePath().normalize());
        CompletableFuture.allOf(migrator.migratePostgres().toCompletableFuture(), migrator.migrateNeo4j().toCompletableFuture())
                .thenRun(this::schemasMigrated)
                .exceptionally(e -> {
                    if (!state.stopping()) {
                        LOG.error("Schema migration stopped retrying", e);
                    }
                    return null;
                });
    }

    void onStop(@Observes ShutdownEvent event) {
        state.stop();
    }

    private void schemasMigrated() {
        if (!state.stopping() && state.postgresMigrated() && graphMigrations.appliedVersion() != null) {
            schemasReady.countDown();
            try {
                ready.fire(new SchemasReady());
            } catch (RuntimeException e) {
                LOG.error("A start-up task after schema migration failed", e);
            }
        }
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
        return state.postgresMigrated();
    }

    public String postgresError() {
        return state.postgresError();
    }

    public String neo4jError() {
        return state.neo4jError();
    }

    public String neo4jEngine() {
        return neo4jEngine;
    }

    public String postgresEngine() {
        return postgresEngine;
    }
}
