package cn.duijie.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Actor;
import cn.duijie.event.EventApi.BookMeeting;
import cn.duijie.event.EventApi.MeetingParty;
import cn.duijie.event.EventApi.MeetingView;
import cn.duijie.event.EventApi.ScheduleView;
import cn.duijie.event.EventApi.UnplacedPair;
import cn.duijie.event.EventEnums.MeetingStatus;
import cn.duijie.event.EventEnums.ParticipantStatus;
import cn.duijie.event.EventEnums.ScheduleStatus;
import cn.duijie.event.solver.MeetingPlanner;
import cn.duijie.event.solver.MeetingSchedule;
import cn.duijie.event.solver.ScheduledMeeting;
import cn.duijie.event.solver.SchedulingParticipant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Schedules agreed pairs into (slot, table) with Timefold, keeps published and staff-booked meetings where they are
 * unless they became impossible, books single meetings, publishes, and exports.
 */
@ApplicationScoped
public class ScheduleService {

    private final SolverFactory<MeetingSchedule> solverFactory;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final MeetingRequestRepository requests;
    private final MeetingRepository meetings;

    ScheduleService(SolverConfig quarkusSolverConfig, EventConfig config, EventRepository events,
                    ParticipantRepository participants, MeetingRequestRepository requests, MeetingRepository meetings) {
        this.events = events;
        this.participants = participants;
        this.requests = requests;
        this.meetings = meetings;
        EventConfig.Scheduler s = config.scheduler();
        this.solverFactory = SolverFactory.create(MeetingPlanner.configure(quarkusSolverConfig,
                new MeetingPlanner.Settings(s.timeLimit(), s.unimprovedTimeLimit(), s.randomSeed())));
    }

    /** Everything the scheduler and the views need about one event, read in one session. */
    record Snapshot(EventEntity event, Map<UUID, ParticipantEntity> participants, List<MeetingRequestEntity> agreed,
                    List<MeetingEntity> meetings) {

        /** Agreed pairs by "a|b" (a &lt; b): mutual if any side says so, best score of the two requests. */
        Map<String, Pair> pairs() {
            Map<String, Pair> out = new LinkedHashMap<>();
            for (MeetingRequestEntity r : agreed) {
                UUID a = EventService.before(r.fromParticipant, r.toParticipant) ? r.fromParticipant : r.toParticipant;
                UUID b = a.equals(r.fromParticipant) ? r.toParticipant : r.fromParticipant;
                double score = r.score == null ? 0.5 : r.score.doubleValue();
                out.merge(key(a, b), new Pair(a, b, r.mutual, score),
                        (x, y) -> new Pair(a, b, x.mutual() || y.mutual(), Math.max(x.score(), y.score())));
            }
            return out;
        }
    }

    record Pair(UUID a, UUID b, boolean mutual, double score) {
    }

    static String key(UUID a, UUID b) {
        return a + "|" + b;
    }

    private Uni<Snapshot> snapshot(UUID eventId) {
        return events.existing(eventId).flatMap(e -> participants.participantsOf(eventId)
                .flatMap(ps -> requests.agreedOf(eventId)
                        .flatMap(rs -> meetings.meetingsOf(eventId)
                                .map(ms -> {
                                    Map<UUID, ParticipantEntity> byId = new LinkedHashMap<>();
                                    ps.forEach(p -> byId.put(p.id, p));
                                    return new Snapshot(e, byId, rs, ms);
                                }))));
    }

    /** The problem for the solver; published and staff-booked meetings that are still possible are pinned. */
    record Problem(MeetingSchedule schedule, Map<String, Integer> keptTables, Set<UUID> keptMeetingIds,
                   List<ScheduledMeeting> absent) {
    }

    static Problem problem(Snapshot snap) {
        EventEntity e = snap.event();
        int slotCount = e.slotCount();
        Map<UUID, SchedulingParticipant> sp = new LinkedHashMap<>();
        snap.participants().values().forEach(p -> sp.put(p.id, new SchedulingParticipant(p.id.toString(),
                p.status == ParticipantStatus.NO_SHOW ? new BitSet() : p.freeSlots(slotCount), p.maxMeetings, p.minTarget)));
        Map<String, MeetingEntity> existing = new HashMap<>();
        snap.meetings().forEach(m -> existing.put(key(m.participantA, m.participantB), m));
        List<ScheduledMeeting> entities = new ArrayList<>();
        List<ScheduledMeeting> absent = new ArrayList<>();
        Map<String, Integer> keptTables = new HashMap<>();
        Set<UUID> kept = new HashSet<>();
        for (Map.Entry<String, Pair> entry : snap.pairs().entrySet()) {
            Pair pair = entry.getValue();
            ScheduledMeeting m = new ScheduledMeeting(entry.getKey(), sp.get(pair.a()), sp.get(pair.b()), pair.mutual(),
                    pair.score(), slotCount);
            if (snap.participants().get(pair.a()).status == ParticipantStatus.NO_SHOW
                    || snap.participants().get(pair.b()).status == ParticipantStatus.NO_SHOW) {
                absent.add(m);
                continue;
            }
            MeetingEntity old = existing.get(entry.getKey());
            if (old != null && (old.status == MeetingStatus.PUBLISHED || old.pinned) && m.getCommonSlots().contains(old.slot)
                    && old.tableNo <= e.tableCount) {
                m.setSlot(old.slot);
                m.setPinned(true);
                keptTables.put(m.getId(), old.tableNo);
                kept.add(old.id);
            }
            entities.add(m);
        }
        return new Problem(new MeetingSchedule(slotCount, e.tableCount, new ArrayList<>(sp.values()), entities),
                keptTables, kept, absent);
    }

    public Uni<ScheduleView> schedule(UUID eventId, Actor actor) {
        EventService.requireBureau(actor);
        return Uni.createFrom().deferred(() -> {
            var back = VertxContexts.current();
            return Panache.withSession(() -> snapshot(eventId))
                    .flatMap(snap -> Uni.createFrom().item(() -> solve(snap))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .emitOn(back)
                            .flatMap(solved -> persist(snap, solved)));
        });
    }

    record Solved(Problem problem, MeetingSchedule result) {
    }

    private Solved solve(Snapshot snap) {
        Problem p = problem(snap);
        boolean anyFree = p.schedule().getMeetings().stream().anyMatch(m -> !m.isPinned() && !m.getCommonSlots().isEmpty());
        MeetingSchedule result = anyFree ? solverFactory.buildSolver().solve(MeetingPlanner.warmStart(p.schedule())) : p.schedule();
        return new Solved(p, result);
    }

    private Uni<ScheduleView> persist(Snapshot snap, Solved solved) {
        UUID eventId = snap.event().id;
        int seenVersion = snap.event().scheduleVersion;
        Map<String, Integer> tables = MeetingPlanner.assignTables(solved.result().getMeetings(), solved.problem().keptTables());
        return Panache.withTransaction(() -> events.lockedExisting(eventId).flatMap(e -> {
                    if (e.scheduleVersion != seenVersion) {
                        throw DomainException.conflict(Messages.get("schedule.changed"));
                    }
                    Set<UUID> kept = solved.problem().keptMeetingIds();
                    return meetings.deleteAllBut(eventId, kept).flatMap(n -> {
                        List<MeetingEntity> rows = new ArrayList<>();
                        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                        for (ScheduledMeeting sm : solved.result().getMeetings()) {
                            if (sm.getSlot() == null || sm.isPinned()) {
                                continue;
                            }
                            String[] ids = sm.getId().split("\\|");
                            MeetingEntity m = new MeetingEntity();
                            m.id = UUID.randomUUID();
                            m.eventId = eventId;
                            m.participantA = UUID.fromString(ids[0]);
                            m.participantB = UUID.fromString(ids[1]);
                            m.slot = sm.getSlot();
                            m.tableNo = tables.get(sm.getId());
                            m.status = MeetingStatus.DRAFT;
                            m.mutual = sm.isMutual();
                            m.score = scoreOf(snap, sm.getId());
                            m.createdAt = now;
                            rows.add(m);
                        }
                        e.scheduleVersion++;
                        e.scheduleStatus = rows.isEmpty() && e.scheduleStatus == ScheduleStatus.PUBLISHED
                                ? ScheduleStatus.PUBLISHED : ScheduleStatus.DRAFT;
                        return meetings.persistWithSeats(rows);
                    });
                }).flatMap(v -> snapshot(eventId)).map(s -> view(s, solved.result().getScore() == null ? null
                        : solved.result().getScore().toString())));
    }

    private static BigDecimal scoreOf(Snapshot snap, String pairKey) {
        Pair p = snap.pairs().get(pairKey);
        return p == null ? null : BigDecimal.valueOf(p.score());
    }

    @WithSession
    public Uni<ScheduleView> get(UUID eventId) {
        return snapshot(eventId).map(s -> view(s, null));
    }

    static ScheduleView view(Snapshot snap, String solverScore) {
        EventEntity e = snap.event();
        Map<UUID, ParticipantEntity> ps = snap.participants();
        List<MeetingView> meetings = snap.meetings().stream()
                .sorted(Comparator.comparingInt((MeetingEntity m) -> m.slot).thenComparingInt(m -> m.tableNo))
                .map(m -> meetingView(e, m, ps)).toList();
        Problem p = problem(snap);
        Set<String> placed = new HashSet<>();
        snap.meetings().forEach(m -> placed.add(key(m.participantA, m.participantB)));
        Map<String, Integer> counts = new HashMap<>();
        snap.meetings().forEach(m -> {
            counts.merge(m.participantA.toString(), 1, Integer::sum);
            counts.merge(m.participantB.toString(), 1, Integer::sum);
        });
        List<UnplacedPair> unplaced = new ArrayList<>();
        for (ScheduledMeeting m : p.absent()) {
            unplaced.add(unplaced(m, "PARTICIPANT_ABSENT", ps));
        }
        for (ScheduledMeeting m : p.schedule().getMeetings()) {
            if (!placed.contains(m.getId())) {
                unplaced.add(unplaced(m, MeetingPlanner.reasonFor(m, counts).name(), ps));
            }
        }
        return new ScheduleView(e.id, e.scheduleStatus, e.scheduleVersion, e.slotCount(), e.tableCount,
                snap.pairs().size(), meetings.size(), solverScore, meetings, unplaced);
    }

    private static UnplacedPair unplaced(ScheduledMeeting m, String code, Map<UUID, ParticipantEntity> ps) {
        return new UnplacedPair(MeetingParty.from(ps.get(UUID.fromString(m.getA().getId()))),
                MeetingParty.from(ps.get(UUID.fromString(m.getB().getId()))), code, Messages.get("unplaced." + code));
    }

    static MeetingView meetingView(EventEntity e, MeetingEntity m, Map<UUID, ParticipantEntity> ps) {
        EventApi.Slot slot = EventService.slot(e, m.slot);
        return new MeetingView(m.id, m.slot, m.tableNo, slot.startsAt(), slot.endsAt(),
                MeetingParty.from(ps.get(m.participantA)), MeetingParty.from(ps.get(m.participantB)), m.status,
                m.pinned, m.mutual, m.score);
    }

    /** Staff put one agreed pair into a slot (and table); the event row lock serialises bookings and schedule runs. */
    public Uni<MeetingView> book(UUID eventId, BookMeeting in) {
        EventService.requireBureau(in.actor());
        return Panache.withTransaction(() -> events.lockedExisting(eventId).flatMap(e -> {
                    if (in.slot() >= e.slotCount()) {
                        throw DomainException.invalid("slot", Messages.get("schedule.slot-out-of-range", in.slot(), e.slotCount()));
                    }
                    if (in.tableNo() != null && in.tableNo() > e.tableCount) {
                        throw DomainException.invalid("tableNo", Messages.get("schedule.table-out-of-range", in.tableNo(), e.tableCount));
                    }
                    return snapshot(eventId).flatMap(snap -> requests.findById(in.requestId())
                            .flatMap(r -> {
                                if (r == null || !r.eventId.equals(eventId)) {
                                    throw DomainException.notFound(Messages.get("request.not-found", in.requestId()));
                                }
                                if (!r.agreed()) {
                                    throw DomainException.conflict(Messages.get("request.not-agreed", r.status));
                                }
                                MeetingEntity m = newBooking(snap, r, in.slot(), in.tableNo());
                                e.scheduleVersion++;
                                if (e.scheduleStatus == ScheduleStatus.NONE) {
                                    e.scheduleStatus = ScheduleStatus.DRAFT;
                                }
                                return meetings.persistWithSeats(List.of(m))
                                        .map(v -> meetingView(e, m, snap.participants()));
                            }));
                }));
    }

    private static MeetingEntity newBooking(Snapshot snap, MeetingRequestEntity r, int slot, Integer tableNo) {
        EventEntity e = snap.event();
        UUID a = EventService.before(r.fromParticipant, r.toParticipant) ? r.fromParticipant : r.toParticipant;
        UUID b = a.equals(r.fromParticipant) ? r.toParticipant : r.fromParticipant;
        for (MeetingEntity m : snap.meetings()) {
            if (m.participantA.equals(a) && m.participantB.equals(b)) {
                throw DomainException.conflict(Messages.get("schedule.pair-exists"));
            }
        }
        for (UUID side : List.of(a, b)) {
            ParticipantEntity p = snap.participants().get(side);
            if (p.status == ParticipantStatus.NO_SHOW) {
                throw DomainException.conflict(Messages.get("request.participant-absent", p.partyName));
            }
            if (!p.freeSlots(e.slotCount()).get(slot)) {
                throw DomainException.conflict(Messages.get("schedule.not-available", p.partyName, slot));
            }
            long count = snap.meetings().stream().filter(m -> m.involves(side)).count();
            if (snap.meetings().stream().anyMatch(m -> m.slot == slot && m.involves(side))) {
                throw DomainException.conflict(Messages.get("schedule.busy", p.partyName, slot));
            }
            if (count >= p.maxMeetings) {
                throw DomainException.conflict(Messages.get("schedule.max-meetings", p.partyName, p.maxMeetings));
            }
        }
        Set<Integer> used = new HashSet<>();
        snap.meetings().stream().filter(m -> m.slot == slot).forEach(m -> used.add(m.tableNo));
        int table;
        if (tableNo != null) {
            if (used.contains(tableNo)) {
                throw DomainException.conflict(Messages.get("schedule.table-taken", slot, tableNo));
            }
            table = tableNo;
        } else {
            table = 1;
            while (used.contains(table)) {
                table++;
            }
            if (table > e.tableCount) {
                throw DomainException.conflict(Messages.get("schedule.slot-full", slot));
            }
        }
        MeetingEntity m = new MeetingEntity();
        m.id = UUID.randomUUID();
        m.eventId = e.id;
        m.participantA = a;
        m.participantB = b;
        m.slot = slot;
        m.tableNo = table;
        m.status = MeetingStatus.DRAFT;
        m.pinned = true;
        m.mutual = r.mutual;
        m.score = r.score;
        m.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return m;
    }

    public Uni<ScheduleView> publish(UUID eventId, Actor actor) {
        EventService.requireBureau(actor);
        return Panache.withTransaction(() -> events.lockedExisting(eventId).flatMap(e ->
                        meetings.publishDrafts(eventId).map(n -> {
                            e.scheduleVersion++;
                            e.scheduleStatus = ScheduleStatus.PUBLISHED;
                            return e;
                        })).call(e -> events.flush())
                .flatMap(e -> {
                    // the bulk update bypassed the session: read the meetings afresh
                    return Panache.getSession().invoke(s -> s.clear()).flatMap(s -> snapshot(eventId));
                })
                .map(s -> view(s, null)));
    }

    @WithSession
    public Uni<byte[]> ics(UUID eventId, UUID participantId) {
        return snapshot(eventId).map(snap -> {
            ParticipantEntity p = snap.participants().get(participantId);
            if (p == null) {
                throw EventErrors.participantNotFound(participantId);
            }
            return ScheduleExports.ics(snap.event(), p, snap.meetings(), snap.participants());
        });
    }

    @WithSession
    public Uni<byte[]> xlsx(UUID eventId) {
        return snapshot(eventId).map(snap -> ScheduleExports.xlsx(snap.event(), snap.meetings(), snap.participants()));
    }
}
