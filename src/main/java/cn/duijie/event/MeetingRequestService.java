package cn.duijie.event;

import static cn.duijie.event.EventService.before;
import static cn.duijie.event.EventService.requireBureau;

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

import cn.duijie.account.Caller;
import cn.duijie.common.DomainException;
import cn.duijie.contact.ContactService;
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
    private final ContactService contacts;
    private final MeetingConsent consent;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final MeetingRequestRepository requests;

    MeetingRequestService(EventConfig config, ContactService contacts, MeetingConsent consent, EventRepository events,
                          ParticipantRepository participants, MeetingRequestRepository requests) {
        this.config = config;
        this.contacts = contacts;
        this.consent = consent;
        this.events = events;
        this.participants = participants;
        this.requests = requests;
    }

    // ---- meeting requests ---------------------------------------------------------------------------------

    /**
     * A request from one participant to another. It asks for the other side's contact details through the contact
     * consent ({@link ContactService}): shown only once the asked side accepts, or when both asked for each other.
     */
    public Uni<MeetingRequestView> request(UUID eventId, MeetingRequestInput in, Actor actor) {
        if (in.fromParticipantId().equals(in.toParticipantId())) {
            return Uni.createFrom().failure(DomainException.invalid("toParticipantId", Messages.get("request.self")));
        }
        // both participants locked in a fixed order: the pending cap and mutual detection hold under concurrency
        UUID first = before(in.fromParticipantId(), in.toParticipantId()) ? in.fromParticipantId() : in.toParticipantId();
        UUID second = first.equals(in.fromParticipantId()) ? in.toParticipantId() : in.fromParticipantId();
        Map<UUID, ParticipantEntity> parties = new HashMap<>();
        String[] title = new String[1];
        return Panache.withTransaction(() -> events.existing(eventId)
                        .flatMap(e -> {
                            title[0] = e.title;
                            return participants.ofEvent(eventId, first, true);
                        })
                        .flatMap(p1 -> {
                            parties.put(p1.id, p1);
                            return participants.ofEvent(eventId, second, true);
                        })
                        .flatMap(p2 -> {
                            parties.put(p2.id, p2);
                            return requests.between(eventId, in.fromParticipantId(), in.toParticipantId());
                        })
                        .flatMap(existing -> {
                            MeetingRequestEntity reverse = null;
                            for (MeetingRequestEntity r : existing) {
                                if (r.fromParticipant.equals(in.fromParticipantId())) {
                                    throw DomainException.conflict(Messages.get("request.duplicate", r.id));
                                }
                                reverse = r;
                            }
                            MeetingRequestEntity back = reverse;
                            return requests.pendingFrom(eventId, in.fromParticipantId()).flatMap(pending -> {
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
                                Uni<Void> consent = Uni.createFrom().voidItem();
                                if (back != null) {
                                    // both asked for each other: mutual interest, and each side's request is the other's consent
                                    r.mutual = true;
                                    back.mutual = true;
                                    if (back.status == RequestStatus.PENDING) {
                                        decide(back, RequestStatus.ACCEPTED, new Actor(Actor.Type.PARTICIPANT, r.fromParticipant.toString(), null));
                                        consent = this.consent.meetingDecided(back.contactRequestId, back.status, username(actor));
                                    }
                                    if (back.agreed()) {
                                        decide(r, RequestStatus.ACCEPTED, new Actor(Actor.Type.PARTICIPANT, r.toParticipant.toString(), null));
                                    }
                                }
                                if (back != null && back.agreed() && back.contactRequestId != null) {
                                    // the pair's consent is the one given on the other request
                                    r.contactRequestId = back.contactRequestId;
                                    return consent.chain(() -> requests.persistAndFlush(r));
                                }
                                String contactNote = Messages.get("request.contact-note", title[0])
                                        + (in.note() == null || in.note().isBlank() ? "" : " " + in.note().strip());
                                return consent.chain(() -> contacts.requestOnBehalf(EventActors.party(parties.get(r.fromParticipant)),
                                                EventActors.party(parties.get(r.toParticipant)), contactNote, username(actor)))
                                        .chain(c -> {
                                            r.contactRequestId = c == null ? null : c.id;
                                            return requests.persistAndFlush(r);
                                        });
                            });
                        }))
                .map(MeetingRequestView::from);
    }

    /** The account behind an event actor, as recorded on the contact request. */
    private static String username(Actor actor) {
        if (actor == null) {
            return "system";
        }
        return actor.type() == Actor.Type.BUREAU || actor.name() == null ? actor.id() : actor.name();
    }

    static void decide(MeetingRequestEntity r, RequestStatus status, Actor actor) {
        r.status = status;
        r.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.decidedByType = actor.type().name();
        r.decidedById = actor.id();
    }

    public enum Decision { ACCEPT, DECLINE, CONFIRM }

    /**
     * The asked side (or staff for it) accepts or declines, and the contact request follows ({@link MeetingConsent}):
     * accepting shares both sides' details, declining shares none. A staff confirmation is nobody's consent.
     */
    public Uni<MeetingRequestView> decide(UUID eventId, UUID requestId, Decision decision, Actor actor) {
        return Panache.withTransaction(() -> events.existing(eventId)
                        .flatMap(e -> requests.locked(requestId))
                        .flatMap(r -> {
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
                            // a staff confirmation books the meeting but is nobody's consent
                            return consent.meetingDecided(r.contactRequestId, r.status, username(actor)).replaceWith(r);
                        }))
                .map(MeetingRequestView::from);
    }

    /** An event's requests; a participant's own list carries the other side's details where it consented. */
    public Uni<MeetingRequestList> requests(UUID eventId, RequestStatus status, UUID participantId, Caller viewer) {
        return list(eventId, status, participantId).chain(rs -> participantId == null ? Uni.createFrom().item(toList(rs, Map.of()))
                : contacts.sharedOn(viewer, rs.stream().map(r -> r.contactRequestId).toList()).map(shared -> toList(rs,
                        rs.stream().filter(r -> r.contactRequestId != null && shared.containsKey(r.contactRequestId))
                                .collect(java.util.stream.Collectors.toMap(r -> r.id, r -> shared.get(r.contactRequestId))))));
    }

    private static MeetingRequestList toList(List<MeetingRequestEntity> rs, Map<UUID, cn.duijie.contact.ContactApi.ContactView> contacts) {
        return new MeetingRequestList(rs.stream().map(r -> MeetingRequestView.from(r).withContact(contacts.get(r.id))).toList(),
                rs.size(), 0, rs.size());
    }

    @WithSession
    Uni<List<MeetingRequestEntity>> list(UUID eventId, RequestStatus status, UUID participantId) {
        return events.existing(eventId).flatMap(e -> requests.requestsOf(eventId, status, participantId));
    }

}
