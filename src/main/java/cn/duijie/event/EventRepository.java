package cn.duijie.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import cn.duijie.common.SortParam;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Events in PostgreSQL (table event). */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<EventEntity, UUID> {

    /** The event, or a 404 problem. */
    Uni<EventEntity> existing(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> EventErrors.eventNotFound(id));
    }

    /** The event with its row locked for the transaction (serialises schedule runs, bookings and publishing), or a 404. */
    Uni<EventEntity> lockedExisting(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull().failWith(() -> EventErrors.eventNotFound(id));
    }

    /** Events whose region code starts with the prefix ("" = all), in a whitelisted order (null = latest date first). */
    PanacheQuery<EventEntity> inRegion(String regionPrefix, SortParam.Order<EventApi.Sort> sort) {
        return find("regionCode like ?1", sort == null ? order(EventApi.Sort.DATE) : sort.apply(order(sort.key())),
                regionPrefix + "%");
    }

    /** The columns of each whitelisted order; ties latest date first, then newest created, then id. */
    private static Sort order(EventApi.Sort sort) {
        var latest = Sort.descending("eventDate", "createdAt").and("id");
        return switch (sort) {
            case DATE -> latest;
            case TITLE -> Sort.ascending("title").and("eventDate", Sort.Direction.Descending).and("id");
            case KIND -> Sort.ascending("kind").and("eventDate", Sort.Direction.Descending).and("id");
            case STATUS -> Sort.ascending("scheduleStatus").and("eventDate", Sort.Direction.Descending).and("id");
        };
    }
}
