package cn.duijie.event;

import static cn.duijie.event.EventService.event;
import static cn.duijie.event.EventService.before;
import static cn.duijie.event.EventService.requireBureau;
import static cn.duijie.event.ParticipantService.participantOf;

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

/** 1:1 meeting requests between participants: sending, accepting, declining, confirming; a meeting needs both sides. */
@ApplicationScoped
public class MeetingRequestService {

    private final EventConfig config;

    MeetingRequestService(EventConfig config) {
        this.config = config;
    }

    // ---- meeting requests ---------------------------------------------------------------------------------

    public Uni<MeetingRequestView> request(UUID eventId, MeetingRequestInput in) {
        if (in.fromParticipantId().equals(in.toParticipantId())) {
            return Uni.createFrom().failure(DomainException.invalid("toParticipantId", Messages.get("request.self")));
        }
        // both participants locked in a fixed order: the pending cap and mutual detection hold under concurrency
        UUID first = before(in.fromParticipantId(), in.toParticipantId()) ? in.fromParticipantId() : in.toParticipantId();
        UUID second = first.equals(in.fromParticipantId()) ? in.toParticipantId() : in.fromParticipantId();
        return Panache.withTransaction(() -> event(eventId)
                        .flatMap(e -> participantOf(eventId, first, true))
                        .flatMap(p1 -> participantOf(eventId, second, true))
                        .flatMap(p2 -> MeetingRequestEntity.<MeetingRequestEntity>list(
                                "eventId = ?1 and ((fromParticipant = ?2 and toParticipant = ?3) or (fromParticipant = ?3 and toParticipant = ?2))",
                                eventId, in.fromParticipantId(), in.toParticipantId()))
                        .flatMap(existing -> {
                            MeetingRequestEntity reverse = null;
                            for (MeetingRequestEntity r : existing) {
                                if (r.fromParticipant.equals(in.fromParticipantId())) {
                                    throw DomainException.conflict(Messages.get("request.duplicate", r.id));
                                }
                                reverse = r;
                            }
                            MeetingRequestEntity back = reverse;
                            return MeetingRequestEntity.count("eventId = ?1 and fromParticipant = ?2 and status = ?3",
                                    eventId, in.fromParticipantId(), RequestStatus.PENDING).flatMap(pending -> {
                                if (pending >= config.maxPendingRequestsPerSender()) {
                                    throw DomainException.conflict(Messages.get("request.pending-cap", config.maxPendingRequestsPerSender()));
                                }
                                MeetingRequestEntity r = new MeetingRequestEntity();
                                r.id = UUID.randomUUID();
                                r.eventId = eventId;
                                r.fromParticipant = in.fromParticipantId();
                                r.toParticipant = in.toParticipantId();
                                r.note = in.note();
                                r.score = in.score();
                                r.status = RequestStatus.PENDING;
                                r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                                if (back != null) {
                                    // both asked for each other: mutual interest, and each side's request is the other's consent
                                    r.mutual = true;
                                    back.mutual = true;
                                    if (back.status == RequestStatus.PENDING) {
                                        decide(back, RequestStatus.ACCEPTED, new Actor(Actor.Type.PARTICIPANT, r.fromParticipant.toString(), null));
                                    }
                                    if (back.agreed()) {
                                        decide(r, RequestStatus.ACCEPTED, new Actor(Actor.Type.PARTICIPANT, r.toParticipant.toString(), null));
                                    }
                                }
                                return r.<MeetingRequestEntity>persistAndFlush();
                            });
                        }))
                .map(MeetingRequestView::from);
    }

    private static void decide(MeetingRequestEntity r, RequestStatus status, Actor actor) {
        r.status = status;
        r.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.decidedByType = actor.type().name();
        r.decidedById = actor.id();
    }

    public enum Decision { ACCEPT, DECLINE, CONFIRM }

    public Uni<MeetingRequestView> decide(UUID eventId, UUID requestId, Decision decision, Actor actor) {
        return Panache.withTransaction(() -> event(eventId)
                        .flatMap(e -> MeetingRequestEntity.<MeetingRequestEntity>findById(requestId, LockModeType.PESSIMISTIC_WRITE))
                        .map(r -> {
                            if (r == null || !r.eventId.equals(eventId)) {
                                throw DomainException.notFound(Messages.get("request.not-found", requestId));
                            }
                            if (decision == Decision.CONFIRM) {
                                requireBureau(actor);
                            } else if (!actor.isBureau() && !(actor.type() == Actor.Type.PARTICIPANT
                                    && r.toParticipant.toString().equals(actor.id()))) {
                                throw EventErrors.forbidden(Messages.get("request.only-recipient", r.toParticipant));
                            }
                            if (r.status != RequestStatus.PENDING) {
                                throw DomainException.conflict(Messages.get("request.not-pending", r.status));
                            }
                            decide(r, switch (decision) {
                                case ACCEPT -> RequestStatus.ACCEPTED;
                                case DECLINE -> RequestStatus.DECLINED;
                                case CONFIRM -> RequestStatus.CONFIRMED;
                            }, actor);
                            return r;
                        }))
                .map(MeetingRequestView::from);
    }

    @WithSession
    public Uni<MeetingRequestList> requests(UUID eventId, RequestStatus status, UUID participantId) {
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
        return event(eventId).flatMap(e -> MeetingRequestEntity.<MeetingRequestEntity>list(q.toString(), params))
                .map(rs -> new MeetingRequestList(rs.stream().map(MeetingRequestView::from).toList(), rs.size(), 0, rs.size()));
    }

}
