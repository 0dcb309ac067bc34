package cn.duijie.event;

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

    private final EventRepository events;
    private final ParticipantRepository participants;
    private final MeetingRepository meetings;
    private final OutcomeRepository outcomes;

    OutcomeService(EventRepository events, ParticipantRepository participants, MeetingRepository meetings,
                   OutcomeRepository outcomes) {
        this.events = events;
        this.participants = participants;
        this.meetings = meetings;
        this.outcomes = outcomes;
    }

    // ---- outcomes -------------------------------------------------------------------------------------------

    public Uni<OutcomeView> recordOutcome(UUID eventId, OutcomeInput in) {
        return Panache.withTransaction(() -> events.existing(eventId)
                        .flatMap(e -> meetings.findById(in.meetingId()))
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
                            return outcomes.persist(o).flatMap(saved -> afterOutcome(m, saved)).replaceWith(o);
                        }))
                .map(OutcomeView::from);
    }

    /** Check-in moves REGISTERED sides to CHECKED_IN; met pairs and deals become match signals for the engine. */
    private Uni<Void> afterOutcome(MeetingEntity m, MeetingOutcomeEntity o) {
        Uni<Void> statuses = Uni.createFrom().voidItem();
        if (o.kind == OutcomeKind.CHECKED_IN) {
            List<UUID> sides = o.participantId == null ? List.of(m.participantA, m.participantB) : List.of(o.participantId);
            statuses = participants.checkIn(sides).replaceWithVoid();
        }
        if (o.kind == OutcomeKind.NO_SHOW) {
            return statuses;
        }
        List<String> kinds = o.kind == OutcomeKind.CONTRACT ? List.of("MET", "DEAL") : List.of("MET");
        return statuses.flatMap(v -> participants.withIds(List.of(m.participantA, m.participantB)))
                .flatMap(ps -> {
                    ParticipantEntity a = ps.get(0).partyKey.compareTo(ps.get(1).partyKey) <= 0 ? ps.get(0) : ps.get(1);
                    ParticipantEntity b = a == ps.get(0) ? ps.get(1) : ps.get(0);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String kind : kinds) {
                        chain = chain.flatMap(x -> outcomes.addMatchSignal(a, b, kind, m.eventId));
                    }
                    return chain;
                });
    }

    /** Counts for the bureau dashboard: meetings held (checked in, no no-show), intents, contracts and their amount. */
    @WithSession
    public Uni<OutcomeSummary> outcomeSummary(UUID eventId) {
        return events.existing(eventId).flatMap(e -> outcomes.totals(eventId))
                .map(t -> new OutcomeSummary(eventId, t.meetings(), t.held(), t.noShows(), t.intents(), t.contracts(),
                        t.contractWan()));
    }
}
