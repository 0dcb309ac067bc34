package cn.duijie.common;

import java.net.ConnectException;
import java.util.Optional;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Recognises, by exception type, a failure that means a store cannot be reached right now; the error mapper answers
 * such a failure with 503 and a Chinese reason on every endpoint.
 */
public enum EngineOutage {
    NEO4J("engine.neo4j-unavailable"),
    POSTGRESQL("engine.postgresql-unavailable");

    private final String messageKey;

    EngineOutage(String messageKey) {
        this.messageKey = messageKey;
    }

    public String reason() {
        return Messages.get(messageKey);
    }

    /** The store an exception (or one of its causes) says is unreachable. */
    public static Optional<EngineOutage> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException
                    || t instanceof GraphTimeoutException) {
                return Optional.of(NEO4J);
            }
            if (t instanceof ClosedConnectionException || t instanceof ConnectException) {
                return Optional.of(POSTGRESQL);
            }
            // JDBC (accounts, Flyway) and the reactive client both report a server going away by SQLSTATE:
            // class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now)
            String state = t instanceof java.sql.SQLException sql ? sql.getSQLState()
                    : t instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return Optional.of(POSTGRESQL);
            }
        }
        return Optional.empty();
    }

    /** A graph read or write that did not answer in time: the graph is overloaded or away. */
    public static final class GraphTimeoutException extends RuntimeException {
        public GraphTimeoutException(String cypherStart) {
            super("Neo4j did not answer in time: " + cypherStart);
        }
    }
}
