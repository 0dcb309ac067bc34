package cn.duijie.event;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Meeting outcomes in PostgreSQL (table meeting_outcome), and the match signals they leave (table match_signal). */
@ApplicationScoped
public class OutcomeRepository implements PanacheRepositoryBase<MeetingOutcomeEntity, UUID> {

    /** An event's outcome counts: meetings, meetings held (checked in, no no-show), no-shows, intents, contracts and their amount. */
    record Totals(long meetings, long held, long noShows, long intents, long contracts, BigDecimal contractWan) {
    }

    Uni<Totals> totals(UUID eventId) {
        return getSession().flatMap(s -> s.createNativeQuery("""
                        SELECT (SELECT count(*) FROM meeting WHERE event_id = :event),
                               (SELECT count(DISTINCT o.meeting_id) FROM meeting_outcome o
                                 WHERE o.event_id = :event AND o.kind = 'CHECKED_IN'
                                   AND NOT EXISTS (SELECT 1 FROM meeting_outcome n WHERE n.meeting_id = o.meeting_id AND n.kind = 'NO_SHOW')),
                               (SELECT count(*) FROM meeting_outcome WHERE event_id = :event AND kind = 'NO_SHOW'),
                               (SELECT count(*) FROM meeting_outcome WHERE event_id = :event AND kind = 'INTENT'),
                               (SELECT count(*) FROM meeting_outcome WHERE event_id = :event AND kind = 'CONTRACT'),
                               (SELECT coalesce(sum(amount_wan), 0) FROM meeting_outcome WHERE event_id = :event AND kind = 'CONTRACT')
                        """, Object[].class).setParameter("event", eventId).getSingleResult())
                .map(row -> new Totals(num(row[0]), num(row[1]), num(row[2]), num(row[3]), num(row[4]),
                        new BigDecimal(row[5].toString())));
    }

    /** Records that two parties met (MET) or dealt (DEAL) at an event, once per pair, kind and event; a < b by party key. */
    Uni<Void> addMatchSignal(ParticipantEntity a, ParticipantEntity b, String kind, UUID eventId) {
        return getSession().flatMap(s -> s.createNativeQuery("""
                        INSERT INTO match_signal (id, party_a, party_a_type, party_b, party_b_type, kind, source_event_id)
                        VALUES (:id, :a, :at, :b, :bt, :kind, :event)
                        ON CONFLICT (party_a, party_b, kind, source_event_id) DO NOTHING""")
                .setParameter("id", UUID.randomUUID()).setParameter("a", a.partyKey)
                .setParameter("at", a.partyType.name()).setParameter("b", b.partyKey)
                .setParameter("bt", b.partyType.name()).setParameter("kind", kind)
                .setParameter("event", eventId).executeUpdate()).replaceWithVoid();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
