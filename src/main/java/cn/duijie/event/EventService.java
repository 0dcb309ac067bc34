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

/** Events (fairs and roadshows): creating and reading them, and the time rules every part of an event shares. */
@ApplicationScoped
public class EventService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final EventGraphRepository graph;
    private final EventRepository events;

    EventService(EventGraphRepository graph, EventRepository events) {
        this.graph = graph;
        this.events = events;
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
                    return events.persist(e);
                }))
                .map(EventService::view);
    }

    @WithSession
    public Uni<EventView> get(UUID id) {
        return events.existing(id).map(EventService::view);
    }

    /** Events of a region (sub-regions included when the code is a province or city), newest date first. */
    @WithSession
    public Uni<cn.duijie.common.Page<EventView>> list(String regionCode, int page, int size) {
        return list(regionCode, cn.duijie.common.SortParam.Order.of(EventApi.Sort.DATE), page, size);
    }

    /** The same, in a whitelisted order. */
    @WithSession
    public Uni<cn.duijie.common.Page<EventView>> list(String regionCode, cn.duijie.common.SortParam.Order<EventApi.Sort> sort, int page, int size) {
        String prefix = regionCode == null || regionCode.isBlank() ? "" : regionPrefix(regionCode.strip());
        var query = events.inRegion(prefix, sort);
        return query.count().flatMap(total -> query.page(page, size).list()
                .map(l -> new cn.duijie.common.Page<>(l.stream().map(EventService::view).toList(), total, page, size)));
    }

    /** GB/T 2260: 320000 covers 32xxxx, 321100 covers 3211xx, a district only itself. */
    static String regionPrefix(String code) {
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.length() == 6 && code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    static EventView view(EventEntity e) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < e.slotCount(); i++) {
            slots.add(slot(e, i));
        }
        return new EventView(e.id, e.kind, e.title, e.chainId, e.regionCode, e.eventDate, e.startTime, e.endTime,
                ZONE.getId(), utc(e, e.startTime), utc(e, e.endTime), e.slotMinutes, e.tableCount, e.venue,
                new Actor(Actor.Type.valueOf(e.createdByType), e.createdById, e.createdByName), e.scheduleStatus, slots);
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

}
