package cn.duijie.event;

import static cn.duijie.event.EventService.slot;

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

/** Invitations and registrations of an event, availability, and the participant lifecycle (INVITED → REGISTERED → CHECKED_IN | NO_SHOW). */
@ApplicationScoped
public class ParticipantService {

    private final EventGraphRepository graph;
    private final EventRepository events;
    private final ParticipantRepository participants;

    ParticipantService(EventGraphRepository graph, EventRepository events, ParticipantRepository participants) {
        this.graph = graph;
        this.events = events;
        this.participants = participants;
    }

    // ---- participants ---------------------------------------------------------------------------------------

    /** Invites or registers one or more parties; all or nothing. */
    public Uni<List<ParticipantView>> invite(UUID eventId, List<ParticipantInput> inputs) {
        if (inputs.isEmpty()) {
            return Uni.createFrom().failure(DomainException.invalid("participants", Messages.get("participant.empty-request")));
        }
        return Panache.withSession(() -> events.existing(eventId)).flatMap(e -> {
            int slotCount = e.slotCount();
            List<Problem.FieldError> errors = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Map<PartyType, Set<String>> keysByType = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                ParticipantInput in = inputs.get(i);
                String prefix = inputs.size() == 1 ? "" : "[" + i + "].";
                if (!seen.add(in.partyType() + ":" + in.partyKey())) {
                    errors.add(new Problem.FieldError(prefix + "partyKey", Messages.get("participant.duplicate-in-request", in.partyKey())));
                }
                if (in.status() != null && in.status() != ParticipantStatus.INVITED && in.status() != ParticipantStatus.REGISTERED) {
                    errors.add(new Problem.FieldError(prefix + "status", Messages.get("participant.status-initial")));
                }
                int max = in.maxMeetings() == null ? slotCount : in.maxMeetings();
                if (in.minTarget() != null && in.minTarget() > max) {
                    errors.add(new Problem.FieldError(prefix + "minTarget", Messages.get("participant.min-over-max")));
                }
                slotErrors(e, in.availableSlots(), in.availableTimes(), prefix, errors);
                keysByType.computeIfAbsent(in.partyType(), t -> new TreeSet<>()).add(in.partyKey());
            }
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors.get(0).reason(), errors);
            }
            return lookupParties(keysByType).flatMap(found -> {
                for (int i = 0; i < inputs.size(); i++) {
                    ParticipantInput in = inputs.get(i);
                    if (!found.containsKey(in.partyType() + ":" + in.partyKey())) {
                        String prefix = inputs.size() == 1 ? "" : "[" + i + "].";
                        errors.add(new Problem.FieldError(prefix + "partyKey",
                                Messages.get("participant.party-unknown", partyWord(in.partyType()), in.partyKey())));
                    }
                }
                if (!errors.isEmpty()) {
                    throw DomainException.invalid(errors.get(0).reason(), errors);
                }
                return Panache.withTransaction(() -> participants.participantsOf(eventId)
                        .flatMap(existing -> {
                            for (ParticipantEntity p : existing) {
                                if (seen.contains(p.partyType + ":" + p.partyKey)) {
                                    throw DomainException.conflict(Messages.get("participant.already-invited", p.partyName, p.partyKey));
                                }
                            }
                            List<ParticipantEntity> created = new ArrayList<>();
                            for (ParticipantInput in : inputs) {
                                EventGraphRepository.PartyInfo party = found.get(in.partyType() + ":" + in.partyKey());
                                ParticipantEntity p = new ParticipantEntity();
                                p.id = UUID.randomUUID();
                                p.eventId = eventId;
                                p.partyType = in.partyType();
                                p.partyKey = in.partyKey();
                                p.partyName = party.name();
                                p.regionCode = party.regionCode();
                                p.role = in.role();
                                p.status = in.status() == null ? ParticipantStatus.INVITED : in.status();
                                p.availableSlots = availability(e, in.availableSlots(), in.availableTimes());
                                p.maxMeetings = in.maxMeetings() == null ? slotCount : in.maxMeetings();
                                p.minTarget = in.minTarget() == null ? 0 : in.minTarget();
                                p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                                created.add(p);
                            }
                            return participants.persist(created).flatMap(v -> participants.flush())
                                    .map(v -> created.stream().map(p -> ParticipantView.from(p, slotCount)).toList());
                        }));
            });
        });
    }

    private Uni<Map<String, EventGraphRepository.PartyInfo>> lookupParties(Map<PartyType, Set<String>> keysByType) {
        Uni<Map<String, EventGraphRepository.PartyInfo>> acc = Uni.createFrom().item(new HashMap<>());
        for (Map.Entry<PartyType, Set<String>> entry : keysByType.entrySet()) {
            acc = acc.flatMap(map -> graph.parties(entry.getKey(), entry.getValue()).map(found -> {
                found.forEach((k, v) -> map.put(entry.getKey() + ":" + k, v));
                return map;
            }));
        }
        return acc;
    }

    private static String partyWord(PartyType t) {
        return t.node().noun();
    }

    private static void slotErrors(EventEntity e, List<Integer> slots, List<TimeRange> times, String prefix,
                                   List<Problem.FieldError> errors) {
        int slotCount = e.slotCount();
        if (slots != null) {
            for (Integer s : slots) {
                if (s != null && s >= slotCount) {
                    errors.add(new Problem.FieldError(prefix + "availableSlots",
                            Messages.get("participant.slot-out-of-range", s, slotCount)));
                }
            }
        }
        if (times != null) {
            for (TimeRange r : times) {
                if (r.from() != null && r.to() != null && (!r.to().isAfter(r.from()) || r.from().isBefore(e.startTime)
                        || r.to().isAfter(e.endTime))) {
                    errors.add(new Problem.FieldError(prefix + "availableTimes",
                            Messages.get("participant.time-range", r.from(), r.to())));
                }
            }
        }
    }

    /** Slot indices from explicit indices and time ranges (a slot counts if it lies wholly in a range); null = all. */
    static String availability(EventEntity e, List<Integer> slots, List<TimeRange> times) {
        if (slots == null && times == null) {
            return null;
        }
        Set<Integer> out = new TreeSet<>();
        if (slots != null) {
            out.addAll(slots);
        }
        if (times != null) {
            for (int i = 0; i < e.slotCount(); i++) {
                LocalTime from = e.startTime.plusMinutes((long) i * e.slotMinutes);
                LocalTime to = from.plusMinutes(e.slotMinutes);
                for (TimeRange r : times) {
                    if (!from.isBefore(r.from()) && !to.isAfter(r.to())) {
                        out.add(i);
                    }
                }
            }
        }
        return ParticipantEntity.encodeSlots(new ArrayList<>(out));
    }

    @WithSession
    public Uni<ParticipantList> participants(UUID eventId) {
        return events.existing(eventId).flatMap(e -> participants.participantsInOrder(eventId)
                .map(ps -> new ParticipantList(ps.stream().map(p -> ParticipantView.from(p, e.slotCount())).toList(),
                        ps.size(), 0, ps.size())));
    }

    @WithSession
    public Uni<ParticipantView> participant(UUID eventId, UUID pid) {
        return events.existing(eventId).flatMap(e -> participants.ofEvent(eventId, pid, false).map(p -> ParticipantView.from(p, e.slotCount())));
    }

    @WithTransaction
    public Uni<ParticipantView> updateParticipant(UUID eventId, UUID pid, ParticipantUpdate in) {
        return events.existing(eventId).flatMap(e -> participants.ofEvent(eventId, pid, true).map(p -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            slotErrors(e, in.availableSlots(), in.availableTimes(), "", errors);
            int max = in.maxMeetings() == null ? p.maxMeetings : in.maxMeetings();
            int min = in.minTarget() == null ? p.minTarget : in.minTarget();
            if (min > max) {
                errors.add(new Problem.FieldError("minTarget", Messages.get("participant.min-over-max")));
            }
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors.get(0).reason(), errors);
            }
            if (in.status() != null && in.status() != p.status) {
                if (!p.status.canBecome(in.status())) {
                    throw DomainException.conflict(Messages.get("participant.illegal-transition", p.status, in.status()));
                }
                p.status = in.status();
            }
            if (in.availableSlots() != null || in.availableTimes() != null) {
                p.availableSlots = availability(e, in.availableSlots(), in.availableTimes());
            }
            p.maxMeetings = max;
            p.minTarget = min;
            return ParticipantView.from(p, e.slotCount());
        }));
    }

}
