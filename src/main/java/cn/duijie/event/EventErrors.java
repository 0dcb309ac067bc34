package cn.duijie.event;

import java.util.List;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;

/** Domain errors of the events feature, and the translation of store constraint violations into 409 problems. */
final class EventErrors {
    private EventErrors() {
    }

    static DomainException forbidden(String detail) {
        return new DomainException(403, "forbidden", Messages.get("problem.forbidden"), detail, List.of());
    }

    static DomainException eventNotFound(Object id) {
        return DomainException.notFound(Messages.get("event.not-found", id));
    }

    static DomainException participantNotFound(Object id) {
        return DomainException.notFound(Messages.get("participant.not-found", id));
    }

    /** A unique or foreign-key violation from PostgreSQL becomes a 409 that says what collided. */
    static Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainException) {
                return t;
            }
            if (t instanceof io.vertx.pgclient.PgException pg) {
                String state = pg.getSqlState();
                String text = String.valueOf(pg.getMessage());
                if ("23505".equals(state) || "23503".equals(state) || "40P01".equals(state) || "40001".equals(state)) {
                    if (text.contains("event_participant_event_id_party_type_party_key")) {
                        return DomainException.conflict(Messages.get("participant.already-invited", "", ""));
                    }
                    if (text.contains("meeting_request_event_id_from_participant_to_participant")) {
                        return DomainException.conflict(Messages.get("request.duplicate", ""));
                    }
                    if (text.contains("meeting_one_per_pair")) {
                        return DomainException.conflict(Messages.get("schedule.pair-exists"));
                    }
                    return DomainException.conflict(Messages.get("schedule.conflict"));
                }
            }
        }
        return failure;
    }
}
