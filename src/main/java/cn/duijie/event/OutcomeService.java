package cn.duijie.event;

import static cn.duijie.event.EventService.event;

import cn.duijie.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.neo4j.driver.Value;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.common.Actor;
import cn.duijie.event.EventApi.Candidate;
import cn.duijie.event.EventApi.CreateEvent;
import cn.duijie.event.EventApi.EventView;
import cn.duijie.event.EventApi.Invitee;
import cn.duijie.event.EventApi.MeetingRequestInput;
import cn.duijie.event.EventApi.MeetingRequestList;
import cn.duijie.event.EventApi.MeetingRequestView;
import cn.duijie.event.EventApi.OutcomeInput;
import cn.duijie.event.EventApi.OutcomeSummary;
import cn.duijie.event.EventApi.OutcomeView;
import cn.duijie.event.EventApi.ParticipantInput;
import cn.duijie.event.EventApi.ParticipantList;
import cn.duijie.event.EventApi.ParticipantUpdate;
import cn.duijie.event.EventApi.ParticipantView;
import cn.duijie.event.EventApi.Reason;
import cn.duijie.event.EventApi.Slot;
import cn.duijie.event.EventApi.SuggestedInvitees;
import cn.duijie.event.EventApi.TimeRange;
import cn.duijie.event.EventEnums.EventKind;
import cn.duijie.event.EventEnums.OutcomeKind;
import cn.duijie.event.EventEnums.ParticipantRole;
import cn.duijie.event.EventEnums.ParticipantStatus;
import cn.duijie.domain.PartyType;
import cn.duijie.event.EventEnums.RequestStatus;
import cn.duijie.event.EventEnums.ScheduleStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Outcomes of meetings (check-in, no-show, intent, contract) and their summary; meetings held feed matching as track record. */
@ApplicationScoped
public class OutcomeService {



    OutcomeService() {

    }

    // ---- outcomes -------------------------------------------------------------------------------------------

    public Uni<OutcomeView> recordOutcome(UUID eventId, OutcomeInput in) {
        return Panache.withTransaction(() -> event(eventId)
                        .flatMap(e -> MeetingEntity.<MeetingEntity>findById(in.meetingId()))
                        .flatMap(m -> {
                            if (m == null || !m.eventId.equals(eventId)) {
                                throw DomainException.notFound(Messages.get("schedule.no-meeting", in.meetingId()));
                            }
                            if (in.kind() == OutcomeKind.NO_SHOW && in.participantId() == null) {
                                throw DomainException.invalid("participantId", Messages.get("outcome.participant-required"));
                            }
                            if (in.participantId() != null && !m.involves(in.participantId())) {
                                throw DomainException.invalid("participantId",
                                        Messages.get("outcome.participant-not-in-meeting", in.participantId()));
                            }
                            if (in.kind() == OutcomeKind.CONTRACT && (in.amountWan() == null || in.amountWan().signum() <= 0)) {
                                throw DomainException.invalid("amountWan", Messages.get("outcome.amount-required"));
                            }
                            MeetingOutcomeEntity o = new MeetingOutcomeEntity();
                            o.id = UUID.randomUUID();
                            o.eventId = eventId;
                            o.meetingId = m.id;
                            o.kind = in.kind();
                            o.participantId = in.participantId();
                            o.amountWan = in.amountWan();
                            o.note = in.note();
                            o.reportedByType = in.reportedBy().type().name();
                            o.reportedById = in.reportedBy().id();
                            o.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                            return o.<MeetingOutcomeEntity>persist().flatMap(saved -> afterOutcome(m, saved)).replaceWith(o);
                        }))
                .map(OutcomeView::from);
    }

    /** Check-in moves REGISTERED sides to CHECKED_IN; met pairs and deals become match signals for the engine. */
    private Uni<Void> afterOutcome(MeetingEntity m, MeetingOutcomeEntity o) {
        Uni<Void> statuses = Uni.createFrom().voidItem();
        if (o.kind == OutcomeKind.CHECKED_IN) {
            List<UUID> sides = o.participantId == null ? List.of(m.participantA, m.participantB) : List.of(o.participantId);
            statuses = ParticipantEntity.update("status = ?1 where id in ?2 and status = ?3",
                    ParticipantStatus.CHECKED_IN, sides, ParticipantStatus.REGISTERED).replaceWithVoid();
        }
        if (o.kind == OutcomeKind.NO_SHOW) {
            return statuses;
        }
        List<String> kinds = o.kind == OutcomeKind.CONTRACT ? List.of("MET", "DEAL") : List.of("MET");
        return statuses.flatMap(v -> ParticipantEntity.<ParticipantEntity>list("id in ?1", List.of(m.participantA, m.participantB)))
                .flatMap(ps -> {
                    ParticipantEntity a = ps.get(0).partyKey.compareTo(ps.get(1).partyKey) <= 0 ? ps.get(0) : ps.get(1);
                    ParticipantEntity b = a == ps.get(0) ? ps.get(1) : ps.get(0);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String kind : kinds) {
                        chain = chain.flatMap(x -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                                        INSERT INTO match_signal (id, party_a, party_a_type, party_b, party_b_type, kind, source_event_id)
                                        VALUES (:id, :a, :at, :b, :bt, :kind, :event)
                                        ON CONFLICT (party_a, party_b, kind, source_event_id) DO NOTHING""")
                                .setParameter("id", UUID.randomUUID()).setParameter("a", a.partyKey)
                                .setParameter("at", a.partyType.name()).setParameter("b", b.partyKey)
                                .setParameter("bt", b.partyType.name()).setParameter("kind", kind)
                                .setParameter("event", m.eventId).executeUpdate()).replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** Counts for the bureau dashboard: meetings held (checked in, no no-show), intents, contracts and their amount. */
    @WithSession
    public Uni<OutcomeSummary> outcomeSummary(UUID eventId) {
        return event(eventId).flatMap(e -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        SELECT (SELECT count(*) FROM meeting WHERE event_id = :event),
                               (SELECT count(DISTINCT o.meeting_id) FROM meeting_outcome o
                                 WHERE o.event_id = :event AND o.kind = 'CHECKED_IN'
                                   AND NOT EXISTS (SELECT 1 FROM meeting_outcome n WHERE n.meeting_id = o.meeting_id AND n.kind = 'NO_SHOW')),
                               (SELECT count(*) FROM meeting_outcome WHERE event_id = :event AND kind = 'NO_SHOW'),
                               (SELECT count(*) FROM meeting_outcome WHERE event_id = :event AND kind = 'INTENT'),
                               (SELECT count(*) FROM meeting_outcome WHERE event_id = :event AND kind = 'CONTRACT'),
                               (SELECT coalesce(sum(amount_wan), 0) FROM meeting_outcome WHERE event_id = :event AND kind = 'CONTRACT')
                        """, Object[].class).setParameter("event", eventId).getSingleResult()))
                .map(row -> new OutcomeSummary(eventId, num(row[0]), num(row[1]), num(row[2]), num(row[3]), num(row[4]),
                        new BigDecimal(row[5].toString())));
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
