package cn.duijie.common;

import java.util.Optional;

import io.vertx.pgclient.PgException;

/**
 * Store errors that a client's request caused, as the domain errors they are: a unique key taken by a concurrent
 * request is a 409, a value the store cannot hold is a 400. Everything else stays an internal error.
 */
public final class StoreErrors {

    private StoreErrors() {
    }

    public static Optional<DomainException> translate(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String state = c instanceof PgException pg ? pg.getSqlState()
                    : c instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if (state != null) {
                if (state.equals("23505")) { // unique_violation: a concurrent request wrote the same key first
                    return Optional.of(DomainException.conflict(Messages.get("store.duplicate")));
                }
                if (state.startsWith("22")) { // data exception: overflow, NUL, bad encoding, date out of range
                    return Optional.of(DomainException.invalid(Messages.get("store.bad-value"), java.util.List.of()));
                }
            }
            if (c instanceof org.neo4j.driver.exceptions.ClientException neo
                    && "Neo.ClientError.Schema.ConstraintValidationFailed".equals(neo.code())) {
                return Optional.of(DomainException.conflict(Messages.get("store.duplicate")));
            }
            if (c instanceof org.neo4j.driver.exceptions.Neo4jException neo && neo.code() != null
                    && neo.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
                return Optional.of(new DomainException(503, "query-timeout", Messages.get("problem.unavailable"),
                        Messages.get("store.query-timeout"), java.util.List.of()));
            }
        }
        return Optional.empty();
    }
}
