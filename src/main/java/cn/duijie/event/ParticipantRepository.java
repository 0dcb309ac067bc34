package cn.duijie.event;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import cn.duijie.event.EventEnums.ParticipantStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Participants of events in PostgreSQL (table event_participant). */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<ParticipantEntity, UUID> {

    /** An event's participants, in no particular order. */
    Uni<List<ParticipantEntity>> participantsOf(UUID eventId) {
        return list("eventId", eventId);
    }

    /** An event's participants in the order they were added. */
    Uni<List<ParticipantEntity>> participantsInOrder(UUID eventId) {
        return list("eventId = ?1 order by createdAt, id", eventId);
    }

    /** The participant of this event (row-locked for the transaction when asked), or a 404 problem. */
    Uni<ParticipantEntity> ofEvent(UUID eventId, UUID participantId, boolean lock) {
        Uni<ParticipantEntity> find = lock ? findById(participantId, LockModeType.PESSIMISTIC_WRITE) : findById(participantId);
        return find.map(p -> {
            if (p == null || !p.eventId.equals(eventId)) {
                throw EventErrors.participantNotFound(participantId);
            }
            return p;
        });
    }

    /** The participants with these ids. */
    Uni<List<ParticipantEntity>> withIds(List<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** Moves the REGISTERED ones of these participants to CHECKED_IN (a bulk update: loaded entities are not refreshed). */
    Uni<Integer> checkIn(List<UUID> ids) {
        return update("status = ?1 where id in ?2 and status = ?3", ParticipantStatus.CHECKED_IN, ids, ParticipantStatus.REGISTERED);
    }
}
