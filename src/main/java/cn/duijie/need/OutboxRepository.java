package cn.duijie.need;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Changes waiting to be projected into Neo4j (table outbox); written here, read and claimed by {@link OutboxRelay}. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** Queues a change, in the caller's transaction. */
    public Uni<Void> add(String aggregateType, String aggregateId, String eventType, String payload) {
        return persist(OutboxEvent.of(aggregateType, aggregateId, eventType, payload)).replaceWithVoid();
    }
}
