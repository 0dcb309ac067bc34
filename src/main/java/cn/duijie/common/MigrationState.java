package cn.duijie.common;

import jakarta.enterprise.context.ApplicationScoped;

/** What the start-up migrations last reported per engine (null error = fine), for readiness and /system. */
@ApplicationScoped
public class MigrationState {

    private volatile boolean postgresMigrated;
    private volatile String postgresError;
    private volatile String neo4jError;
    private volatile boolean stopping;

    void postgres(String error) {
        postgresError = error;
        if (error == null) {
            postgresMigrated = true;
        }
    }

    void neo4j(String error) {
        neo4jError = error;
    }

    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    boolean postgresMigrated() {
        return postgresMigrated;
    }

    String postgresError() {
        return postgresError;
    }

    String neo4jError() {
        return neo4jError;
    }
}
