package cn.duijie.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.event.EventEnums.MeetingStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Scheduled meetings and their seats in PostgreSQL (tables meeting, meeting_seat). */
@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<MeetingEntity, UUID> {

    /** An event's meetings by slot, then table. */
    Uni<List<MeetingEntity>> meetingsOf(UUID eventId) {
        return list("eventId = ?1 order by slot, tableNo", eventId);
    }

    /** Deletes an event's meetings except the kept ones (their seats go with them); returns how many went. */
    Uni<Long> deleteAllBut(UUID eventId, Set<UUID> kept) {
        return kept.isEmpty() ? delete("eventId", eventId) : delete("eventId = ?1 and id not in ?2", eventId, kept);
    }

    /** Publishes an event's draft meetings (a bulk update: loaded entities are not refreshed). */
    Uni<Integer> publishDrafts(UUID eventId) {
        return update("status = ?1 where eventId = ?2 and status = ?3", MeetingStatus.PUBLISHED, eventId, MeetingStatus.DRAFT);
    }

    /** Stores new meetings with a seat for each side, and flushes so a double booking fails here (unique seat). */
    Uni<Void> persistWithSeats(List<MeetingEntity> meetings) {
        List<Object> rows = new ArrayList<>();
        for (MeetingEntity m : meetings) {
            rows.add(m);
            rows.add(MeetingSeatEntity.of(m, m.participantA));
            rows.add(MeetingSeatEntity.of(m, m.participantB));
        }
        return getSession().flatMap(s -> s.persistAll(rows.toArray()).call(s::flush));
    }
}
