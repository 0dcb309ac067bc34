package cn.duijie.common;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.neo4j.driver.Driver;
import org.neo4j.driver.async.AsyncSession;

import cn.duijie.graph.GraphMigrations;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Readiness of each engine, reported separately: reachable, and its schema migrated. */
public final class EngineHealthChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private EngineHealthChecks() {
    }

    static HealthCheckResponse down(HealthCheckResponseBuilder b, Throwable e) {
        return b.down().withData("error", StartupTasks.rootMessage(e)).build();
    }

    @Readiness
    @ApplicationScoped
    public static class Neo4jReadiness implements AsyncHealthCheck {
        private final Driver driver;
        private final GraphMigrations migrations;
        private final StartupTasks startup;

        Neo4jReadiness(Driver driver, GraphMigrations migrations, StartupTasks startup) {
            this.driver = driver;
            this.migrations = migrations;
            this.startup = startup;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("Neo4j").withData("engine", startup.neo4jEngine());
            return Uni.createFrom().completionStage(() -> {
                        AsyncSession session = driver.session(AsyncSession.class);
                        return session.runAsync("RETURN 1").thenCompose(c -> c.consumeAsync())
                                .whenComplete((r, e) -> session.closeAsync());
                    })
                    .ifNoItem().after(TIMEOUT).fail()
                    .map(ok -> {
                        String version = migrations.appliedVersion();
                        if (version == null) {
                            String err = startup.neo4jError();
                            return b.down().withData("schema", "migrating").withData("error", err == null ? "" : err).build();
                        }
                        return b.up().withData("schema", version).build();
                    })
                    .onFailure().recoverWithItem(e -> down(b, e));
        }
    }

    @Readiness
    @ApplicationScoped
    public static class PostgresReadiness implements AsyncHealthCheck {
        private final Pool pool;
        private final StartupTasks startup;

        PostgresReadiness(Pool pool, StartupTasks startup) {
            this.pool = pool;
            this.startup = startup;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("PostgreSQL").withData("engine", startup.postgresEngine());
            return pool.query("SELECT 1").execute()
                    .ifNoItem().after(TIMEOUT).fail()
                    .map(rows -> {
                        if (!startup.postgresMigrated()) {
                            String err = startup.postgresError();
                            return b.down().withData("schema", "migrating").withData("error", err == null ? "" : err).build();
                        }
                        return b.up().withData("schema", "migrated").build();
                    })
                    .onFailure().recoverWithItem(e -> down(b, e));
        }
    }
}
