package cn.duijie.event;

import java.util.List;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;

/** Domain errors of the events feature; store constraint violations are mapped by ProblemMappers (constraint.* messages). */
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
}
