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
import jakarta.persistence.LockModeType;

import org.neo4j.driver.Value;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.event.EventApi.Actor;
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
import cn.duijie.event.EventEnums.ActorType;
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

/** Rules of events, participants, meeting requests, invitee suggestions and outcomes. */
@ApplicationScoped
public class EventService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final EventGraphRepository graph;
    private final EventConfig config;

    EventService(EventGraphRepository graph, EventConfig config) {
        this.graph = graph;
        this.config = config;
    }

    // ---- events ---------------------------------------------------------------------------------------------

    public Uni<EventView> create(CreateEvent in) {
        requireBureau(in.actor());
        if (!in.endTime().isAfter(in.startTime())) {
            return Uni.createFrom().failure(DomainException.invalid("endTime", Messages.get("event.end-before-start")));
        }
        int minutes = (in.endTime().toSecondOfDay() - in.startTime().toSecondOfDay()) / 60;
        if (minutes < in.slotMinutes()) {
            return Uni.createFrom().failure(DomainException.invalid("slotMinutes", Messages.get("event.no-slot", in.slotMinutes())));
        }
        return graph.chainExists(in.chainId())
                .flatMap(chainFound -> graph.region(in.regionCode()).map(region -> {
                    List<Problem.FieldError> errors = new ArrayList<>();
                    if (!chainFound) {
                        errors.add(new Problem.FieldError("chainId", Messages.get("event.chain-unknown", in.chainId())));
                    }
                    if (region.isEmpty()) {
                        errors.add(new Problem.FieldError("regionCode", Messages.get("event.region-unknown", in.regionCode())));
                    }
                    if (!errors.isEmpty()) {
                        throw DomainException.invalid(errors.get(0).reason(), errors);
                    }
                    return true;
                }))
                .flatMap(ok -> Panache.withTransaction(() -> {
                    EventEntity e = new EventEntity();
                    e.id = UUID.randomUUID();
                    e.kind = in.kind();
                    e.title = in.title().strip();
                    e.chainId = in.chainId();
                    e.regionCode = in.regionCode();
                    e.eventDate = in.date();
                    e.startTime = in.startTime();
                    e.endTime = in.endTime();
                    e.slotMinutes = in.slotMinutes();
                    e.tableCount = in.tables();
                    e.venue = in.venue().strip();
                    e.createdByType = in.actor().type().name();
                    e.createdById = in.actor().id();
                    e.createdByName = in.actor().name();
                    e.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                    e.scheduleStatus = ScheduleStatus.NONE;
                    return e.<EventEntity>persist();
                }))
                .map(EventService::view);
    }

    @WithSession
    public Uni<EventView> get(UUID id) {
        return event(id).map(EventService::view);
    }

    static Uni<EventEntity> event(UUID id) {
        return EventEntity.<EventEntity>findById(id).onItem().ifNull().failWith(() -> EventErrors.eventNotFound(id));
    }

    static Uni<EventEntity> lockedEvent(UUID id) {
        return EventEntity.<EventEntity>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> EventErrors.eventNotFound(id));
    }

    static EventView view(EventEntity e) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < e.slotCount(); i++) {
            slots.add(slot(e, i));
        }
        return new EventView(e.id, e.kind, e.title, e.chainId, e.regionCode, e.eventDate, e.startTime, e.endTime,
                ZONE.getId(), utc(e, e.startTime), utc(e, e.endTime), e.slotMinutes, e.tableCount, e.venue,
                new Actor(ActorType.valueOf(e.createdByType), e.createdById, e.createdByName), e.scheduleStatus, slots);
    }

    static Slot slot(EventEntity e, int i) {
        LocalTime from = e.startTime.plusMinutes((long) i * e.slotMinutes);
        LocalTime to = from.plusMinutes(e.slotMinutes);
        return new Slot(i, from + "–" + to, utc(e, from), utc(e, to));
    }

    static ZonedDateTime local(EventEntity e, LocalTime t) {
        return ZonedDateTime.of(e.eventDate, t, ZONE);
    }

    static OffsetDateTime utc(EventEntity e, LocalTime t) {
        return local(e, t).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** PostgreSQL's uuid order (the meeting pair check): byte order, which is the order of the hex text. */
    static boolean before(UUID x, UUID y) {
        return x.toString().compareTo(y.toString()) < 0;
    }

    static void requireBureau(Actor actor) {
        if (actor == null || !actor.isBureau()) {
            throw EventErrors.forbidden(Messages.get("event.bureau-only"));
        }
    }

    // ---- suggested invitees -----------------------------------------------------------------------------------

    public Uni<SuggestedInvitees> suggestedInvitees(UUID eventId, int limit) {
        return Panache.withSession(() -> event(eventId).flatMap(e -> ParticipantEntity
                        .<ParticipantEntity>list("eventId", eventId).map(ps -> Map.entry(e, ps))))
                .flatMap(pair -> {
                    EventEntity e = pair.getKey();
                    Set<String> invited = new HashSet<>();
                    pair.getValue().forEach(p -> invited.add(p.partyType + ":" + p.partyKey));
                    return graph.region(e.regionCode).flatMap(region -> {
                        String localCode = region.map(EventGraphRepository.RegionInfo::localCode).orElse(e.regionCode);
                        return graph.suggestedHosts(e.chainId).flatMap(hosts -> graph.suggestedGuests(e.chainId, localCode)
                                .map(guests -> new SuggestedInvitees(eventId,
                                        rankHosts(e, hosts, invited, limit), rankGuests(guests, invited, limit))));
                    });
                });
    }

    private static List<Invitee> rankHosts(EventEntity e, List<Value> hits, Set<String> invited, int limit) {
        List<Invitee> out = new ArrayList<>();
        for (Value h : hits) {
            String kind = h.get("kind").asString();
            PartyType type = PartyType.valueOf(h.get("type").asString());
            List<Reason> reasons = new ArrayList<>();
            double base = hostBase(e.kind, kind);
            double score = base;
            switch (kind) {
                case "LEADER" -> {
                    reasons.add(new Reason("CHAIN_LEADER", Messages.get("invitee.leader", e.chainId), base));
                    long needs = h.get("openNeeds").asLong();
                    if (needs > 0) {
                        double w = Math.min(needs, 5) * 0.06;
                        reasons.add(new Reason("OPEN_SUPPLY_NEEDS", Messages.get("invitee.open-needs", needs), w));
                        score += w;
                    }
                    long employees = h.get("employees").asLong();
                    if (employees > 0) {
                        double w = Math.min(0.1, Math.log10(employees + 1) / 40);
                        reasons.add(new Reason("SIZE", Messages.get("invitee.size", employees), round(w)));
                        score += w;
                    }
                }
                case "FUND" -> {
                    if (h.get("chainFocus").asBoolean()) {
                        reasons.add(new Reason("FUND_CHAIN_FOCUS", Messages.get("invitee.fund-chain", e.chainId), base));
                        score += 0.15;
                    }
                    long segments = h.get("segmentFocus").asLong();
                    if (segments > 0) {
                        double w = Math.min(segments, 3) * 0.05;
                        reasons.add(new Reason("FUND_SEGMENT_FOCUS", Messages.get("invitee.fund-segment", segments), w));
                        score += w;
                    }
                }
                default -> {
                    long techs = h.get("expertTechs").asLong();
                    double w = Math.min(techs, 5) * 0.06;
                    reasons.add(new Reason("INSTITUTION_EXPERTISE", Messages.get("invitee.institution", techs), round(base + w)));
                    score += w;
                }
            }
            String id = h.get("id").asString();
            out.add(new Invitee(new Candidate(type, id, h.get("name").asString(id), h.get("regionCode").asString(null),
                    h.get("tier").asString(null)), ParticipantRole.HOST, round(Math.min(1, score)), reasons,
                    invited.contains(type + ":" + id)));
        }
        out.sort(Comparator.comparingDouble(Invitee::score).reversed().thenComparing(i -> i.candidate().id()));
        return out.stream().limit(limit).toList();
    }

    private static double hostBase(EventKind eventKind, String hostKind) {
        return switch (eventKind) {
            case SUPPLY_FAIR -> switch (hostKind) { case "LEADER" -> 0.6; case "FUND" -> 0.3; default -> 0.35; };
            case TECH_FAIR -> switch (hostKind) { case "LEADER" -> 0.4; case "FUND" -> 0.2; default -> 0.6; };
            case ROADSHOW -> switch (hostKind) { case "LEADER" -> 0.3; case "FUND" -> 0.6; default -> 0.2; };
        };
    }

    private static List<Invitee> rankGuests(List<Value> hits, Set<String> invited, int limit) {
        record Ranked(Invitee invitee, boolean local, int tier, long wanted) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Value g : hits) {
            List<Reason> reasons = new ArrayList<>();
            List<String> feeds = g.get("feedSegments").asList(Value::asString);
            List<String> hostSegs = g.get("hostSegments").asList(Value::asString);
            double score = 0.4;
            reasons.add(new Reason("FEEDS_HOST_SEGMENT",
                    Messages.get("invitee.feeds", String.join("、", feeds), String.join("、", hostSegs)), 0.4));
            long wanted = g.get("wantedNeeds").asLong();
            if (wanted > 0) {
                double w = Math.min(wanted, 3) * 0.1;
                reasons.add(new Reason("MAKES_WANTED_PRODUCT", Messages.get("invitee.wanted", wanted), round(w)));
                score += w;
            }
            boolean local = g.get("local").asBoolean();
            if (local) {
                reasons.add(new Reason("LOCAL", Messages.get("invitee.local"), 0.2));
                score += 0.2;
            }
            Tier tier = Tier.of(g.get("tier").asString(null));
            int tierRank = tier.rank();
            if (tierRank > 0) {
                double w = tierRank * 0.02;
                reasons.add(new Reason("TIER", Messages.get("invitee.tier", tier.label()), round(w)));
                score += w;
            }
            String id = g.get("id").asString();
            ranked.add(new Ranked(new Invitee(new Candidate(PartyType.ENTERPRISE, id, g.get("name").asString(id),
                    g.get("regionCode").asString(null), tier.name()), ParticipantRole.GUEST, round(Math.min(1, score)), reasons,
                    invited.contains("ENTERPRISE:" + id)), local, tierRank, wanted));
        }
        // local firms first, then higher tier, then more of the hosts' needs served
        ranked.sort(Comparator.comparing(Ranked::local).reversed()
                .thenComparing(Comparator.comparingInt(Ranked::tier).reversed())
                .thenComparing(Comparator.comparingLong(Ranked::wanted).reversed())
                .thenComparing(r -> r.invitee().candidate().id()));
        return ranked.stream().limit(limit).map(Ranked::invitee).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // ---- participants ---------------------------------------------------------------------------------------

    /** Invites or registers one or more parties; all or nothing. */
    public Uni<List<ParticipantView>> invite(UUID eventId, List<ParticipantInput> inputs) {
        if (inputs.isEmpty()) {
            return Uni.createFrom().failure(DomainException.invalid("participants", Messages.get("participant.empty-request")));
        }
        return Panache.withSession(() -> event(eventId)).flatMap(e -> {
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
                return Panache.withTransaction(() -> ParticipantEntity.<ParticipantEntity>list("eventId", eventId)
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
                            return ParticipantEntity.persist(created).flatMap(v -> Panache.getSession().flatMap(s -> s.flush()))
                                    .map(v -> created.stream().map(p -> ParticipantView.from(p, slotCount)).toList());
                        }))
                        .onFailure().transform(EventErrors::translate);
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
        return event(eventId).flatMap(e -> ParticipantEntity.<ParticipantEntity>list("eventId = ?1 order by createdAt, id", eventId)
                .map(ps -> new ParticipantList(ps.stream().map(p -> ParticipantView.from(p, e.slotCount())).toList(),
                        ps.size(), 0, ps.size())));
    }

    @WithSession
    public Uni<ParticipantView> participant(UUID eventId, UUID pid) {
        return event(eventId).flatMap(e -> participantOf(eventId, pid, false).map(p -> ParticipantView.from(p, e.slotCount())));
    }

    static Uni<ParticipantEntity> participantOf(UUID eventId, UUID pid, boolean lock) {
        Uni<ParticipantEntity> find = lock ? ParticipantEntity.findById(pid, LockModeType.PESSIMISTIC_WRITE)
                : ParticipantEntity.findById(pid);
        return find.map(p -> {
            if (p == null || !p.eventId.equals(eventId)) {
                throw EventErrors.participantNotFound(pid);
            }
            return p;
        });
    }

    @WithTransaction
    public Uni<ParticipantView> updateParticipant(UUID eventId, UUID pid, ParticipantUpdate in) {
        return event(eventId).flatMap(e -> participantOf(eventId, pid, true).map(p -> {
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
                                        decide(back, RequestStatus.ACCEPTED, new Actor(ActorType.PARTICIPANT, r.fromParticipant.toString(), null));
                                    }
                                    if (back.agreed()) {
                                        decide(r, RequestStatus.ACCEPTED, new Actor(ActorType.PARTICIPANT, r.toParticipant.toString(), null));
                                    }
                                }
                                return r.<MeetingRequestEntity>persistAndFlush();
                            });
                        }))
                .onFailure().transform(EventErrors::translate)
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
                            } else if (!actor.isBureau() && !(actor.type() == ActorType.PARTICIPANT
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
                .onFailure().transform(EventErrors::translate)
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
                .onFailure().transform(EventErrors::translate)
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
