package cn.duijie.common;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import cn.duijie.graph.GraphMigrations;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * One schema migration per engine, retried by SmallRye Fault Tolerance until it succeeds: 1 s, 2 s, 4 s … at most 30 s
 * apart, without limit, so the service keeps starting (and reports DOWN) while an external server is away. Each
 * failed attempt is logged and recorded in {@link MigrationState} for the readiness checks.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    private final Flyway flyway;
    private final GraphMigrations graphMigrations;
    private final MigrationState state;

    SchemaMigrator(Flyway flyway, GraphMigrations graphMigrations, MigrationState state) {
        this.flyway = flyway;
        this.graphMigrations = graphMigrations;
        this.state = state;
    }

    @Asynchronous
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0, jitter = 0)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public CompletionStage<Void> migratePostgres() {
        attempt("PostgreSQL", flyway::migrate, state::postgres);
        return CompletableFuture.completedFuture(null);
    }

    @Asynchronous
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0, jitter = 0)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public CompletionStage<Void> migrateNeo4j() {
        attempt("Neo4j", graphMigrations::migrate, state::neo4j);
        return CompletableFuture.completedFuture(null);
    }

    private void attempt(String engine, Runnable task, java.util.function.Consumer<String> errorSink) {
        if (state.stopping()) {
            return;
        }
        try {
            task.run();
            errorSink.accept(null);
        } catch (RuntimeException e) {
            String message = StartupTasks.rootMessage(e);
            errorSink.accept(message);
            LOG.warnf("%s schema migration failed (%s); retrying with backoff", engine, message);
            throw e;
        }
    }
}
