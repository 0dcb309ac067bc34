package cn.duijie.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import cn.duijie.event.EventEnums.RequestStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** 1:1 meeting requests in PostgreSQL (table meeting_request). */
@ApplicationScoped
public class MeetingRequestRepository implements PanacheRepositoryBase<MeetingRequestEntity, UUID> {

    /** The requests between two participants of an event, either way round. */
    Uni<List<MeetingRequestEntity>> between(UUID eventId, UUID one, UUID other) {
        return list("eventId = ?1 and ((fromParticipant = ?2 and toParticipant = ?3) or (fromParticipant = ?3 and toParticipant = ?2))",
                eventId, one, other);
    }

    /** How many of a sender's requests at an event still wait for an answer. */
    Uni<Long> pendingFrom(UUID eventId, UUID sender) {
        return count("eventId = ?1 and fromParticipant = ?2 and status = ?3", eventId, sender, RequestStatus.PENDING);
    }

    /** The request with its row locked for the transaction; null when there is none. */
    Uni<MeetingRequestEntity> locked(UUID requestId) {
        return findById(requestId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The accepted and confirmed requests of an event (the pairs to schedule), oldest first. */
    Uni<List<MeetingRequestEntity>> agreedOf(UUID eventId) {
        return list("eventId = ?1 and status in ?2 order by createdAt, id", eventId,
                List.of(RequestStatus.ACCEPTED, RequestStatus.CONFIRMED));
    }

    /** An event's requests, oldest first; only those in a status and/or of a participant (either side) when given. */
    Uni<List<MeetingRequestEntity>> requestsOf(UUID eventId, RequestStatus status, UUID participantId) {
        StringBuilder q = new StringBuilder("eventId = :event");
        Map<String, Object> params = new HashMap<>();
        params.put("event", eventId);
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (participantId != null) {
            q.append(" and (fromParticipant = :p or toParticipant = :p)");
            params.put("p", participantId);
        }
        q.append(" order by createdAt, id");
        return list(q.toString(), params);
    }

    /** The pending requests whose consent is this contact request, row-locked for the transaction. */
    Uni<List<MeetingRequestEntity>> pendingOnContact(UUID contactRequestId) {
        return find("contactRequestId = ?1 and status = ?2", contactRequestId, RequestStatus.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
