package cn.duijie.web;

import cn.duijie.common.Actor;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import cn.duijie.chain.ChainApi;
import cn.duijie.chain.ChainService;
import cn.duijie.common.DomainException;
import cn.duijie.common.SortParam;
import cn.duijie.common.Problem;
import cn.duijie.event.EventApi;
import cn.duijie.event.EventEnums;
import cn.duijie.event.EventService;
import cn.duijie.event.InviteeSuggestions;
import cn.duijie.event.MeetingRequestService;
import cn.duijie.event.ParticipantService;
import cn.duijie.event.ScheduleService;
import cn.duijie.region.RegionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Fairs and roadshows from the bureau's side, end to end: create, invite the suggested parties, meeting requests,
 * the schedule as a slot × table grid with what could not be placed, publish, downloads, and check-in at the door.
 */
@Path("/bureau/events")
@Produces(MediaType.TEXT_HTML)
public class EventPages {

    static final List<String> KINDS = List.of("SUPPLY_FAIR", "TECH_FAIR", "ROADSHOW");

    /** The create form as typed. */
    public record EventForm(String kind, String title, String chainId, String regionCode, String date, String startTime,
                            String endTime, String slotMinutes, String tables, String venue) {
        static EventForm blank(String region) {
            return new EventForm("SUPPLY_FAIR", "", "", region, LocalDate.now().plusDays(14).toString(), "09:00", "12:00", "20", "10", "");
        }
    }

    /** One cell of the schedule grid: the meeting at (slot, table), or none. */
    public record Cell(EventApi.MeetingView meeting) {
    }

    /** A slot row of the grid. */
    public record GridRow(EventApi.Slot slot, List<Cell> cells) {
    }

    /** Orders of an event page's participants tab ({@code ?tab=participants&sort=}): as listed (default), by name, role or status. */
    public enum ParticipantSort implements SortParam.Key {
        LISTED, NAME, ROLE, STATUS;

        @Override
        public boolean descending() {
            return false;
        }

        List<EventApi.ParticipantView> sorted(List<EventApi.ParticipantView> ps) {
            Comparator<EventApi.ParticipantView> byName = Comparator.comparing(p -> p.name() == null ? "" : p.name(), NAMES);
            Comparator<EventApi.ParticipantView> order = switch (this) {
                case LISTED -> null;
                case NAME -> byName;
                case ROLE -> Comparator.comparing(EventApi.ParticipantView::role).thenComparing(byName);
                case STATUS -> Comparator.comparing(EventApi.ParticipantView::status).thenComparing(byName);
            };
            return order == null ? ps : ps.stream().sorted(order).toList();
        }
    }

    /** Orders of an event page's requests tab ({@code ?tab=requests&sort=}): as asked (default), by either side's name or status. */
    public enum RequestSort implements SortParam.Key {
        LISTED, FROM, TO, STATUS;

        @Override
        public boolean descending() {
            return false;
        }

        List<EventApi.MeetingRequestView> sorted(List<EventApi.MeetingRequestView> rs, Map<UUID, String> names) {
            Comparator<EventApi.MeetingRequestView> from = Comparator.comparing(r -> names.getOrDefault(r.fromParticipantId(), ""), NAMES);
            Comparator<EventApi.MeetingRequestView> to = Comparator.comparing(r -> names.getOrDefault(r.toParticipantId(), ""), NAMES);
            Comparator<EventApi.MeetingRequestView> order = switch (this) {
                case LISTED -> null;
                case FROM -> from.thenComparing(to);
                case TO -> to.thenComparing(from);
                case STATUS -> Comparator.comparing(EventApi.MeetingRequestView::status).thenComparing(from).thenComparing(to);
            };
            return order == null ? rs : rs.stream().sorted(order).toList();
        }
    }

    /** Orders of an event page's invitees tab ({@code ?tab=invitees&sort=}): best fit first (default), by name or party type. */
    public enum InviteeSort implements SortParam.Key {
        SCORE(true), NAME(false), TYPE(false);

        private final boolean descending;

        InviteeSort(boolean descending) {
            this.descending = descending;
        }

        @Override
        public boolean descending() {
            return descending;
        }

        /** The suggestions come best first; the other keys order them again (name in pinyin order within a type). */
        List<EventApi.Invitee> sorted(List<EventApi.Invitee> is) {
            Comparator<EventApi.Invitee> byName = Comparator.comparing(i -> i.candidate().name() == null ? "" : i.candidate().name(), NAMES);
            Comparator<EventApi.Invitee> order = switch (this) {
                case SCORE -> null;
                case NAME -> byName;
                case TYPE -> Comparator.<EventApi.Invitee, String>comparing(i -> i.candidate().type().name()).thenComparing(byName);
            };
            return order == null ? is : is.stream().sorted(order).toList();
        }
    }

    /** Chinese names in pinyin order, as a clerk expects of a list of firms. */
    private static final Comparator<Object> NAMES = java.text.Collator.getInstance(java.util.Locale.CHINA);

    /** An event page's tables: the tab's rows in the order asked for, with its header links. */
    public record Tables(List<EventApi.Invitee> hosts, List<EventApi.Invitee> guests, SortLinks inviteeSorts,
                         List<EventApi.ParticipantView> participants, SortLinks participantSorts,
                         List<EventApi.MeetingRequestView> requests, SortLinks requestSorts) {
    }

    /** The tabs whose rows can be sorted, each with its orders: a row button sends the tab's order back. */
    private static final Map<String, Class<? extends Enum<?>>> TAB_SORTS = Map.of(
            "invitees", InviteeSort.class, "participants", ParticipantSort.class, "requests", RequestSort.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Frame frame, Paged<EventApi.EventView> events, SortLinks sorts, EventForm form, FormErrors errors,
                                            List<ChainApi.ChainSummary> chains, List<RegionService.Region> regions,
                                            List<String> kinds);

        static native TemplateInstance event(Frame frame, EventApi.EventView event, EventApi.SuggestedInvitees suggested,
                                             List<EventApi.ParticipantView> participants, List<EventApi.MeetingRequestView> requests,
                                             Map<UUID, String> names, String tab, Tables tables);

        static native TemplateInstance schedule(Frame frame, EventApi.EventView event, EventApi.ScheduleView schedule,
                                                List<GridRow> grid, List<EventApi.ParticipantView> participants);

        static native TemplateInstance checkin(Frame frame, EventApi.EventView event, List<EventApi.ParticipantView> participants);
    }

    private final EventService events;
    private final ScheduleService schedules;
    private final InviteeSuggestions invitees;
    private final ParticipantService participants;
    private final MeetingRequestService requests;
    private final ChainService chains;
    private final RegionService regions;
    private final Validator validator;
    private final WebSession session;
    private final cn.duijie.event.EventActors actors;

    EventPages(cn.duijie.event.EventActors actors, EventService events, ScheduleService schedules, InviteeSuggestions invitees, ParticipantService participants,
               MeetingRequestService requests, ChainService chains, RegionService regions, Validator validator,
               WebSession session) {
        this.events = events;
        this.schedules = schedules;
        this.invitees = invitees;
        this.participants = participants;
        this.requests = requests;
        this.chains = chains;
        this.regions = regions;
        this.validator = validator;
        this.session = session;
        this.actors = actors;
    }

    /** Bureau staff of the event's region (ADMIN anywhere); another region's event is the error page with its reason. */
    private Uni<WebUser> staffOf(UUID id) {
        return session.requireBureau().chain(user -> actors.bureau(user.caller(), id, null).replaceWith(user)
                .onFailure(DomainException.class).transform(e -> new WebSession.PageFailure((DomainException) e, user)));
    }

    @GET
    public Uni<Response> list(@QueryParam("sort") String sort, @QueryParam("page") @DefaultValue("0") int page) {
        return session.requireBureau().chain(user -> Uni.createFrom().item(() -> EventApi.Sort.order(sort))
                .chain(order -> listPage(user, order, Math.max(0, page), EventForm.blank(user.regionCode()), FormErrors.NONE, 200))
                .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user)));
    }

    private Uni<Response> listPage(WebUser user, cn.duijie.common.SortParam.Order<EventApi.Sort> sort, int page, EventForm form, FormErrors errors, int status) {
        // one after another: the page's calls share the request's Hibernate Reactive session (one operation at a time)
        return events.list(user.regionCode(), sort, page, 20).chain(list -> chains.list().chain(chainList -> regions.provincesAndCities()
                .chain(regionList -> Templates.list(Frame.of(Pages.text("web.events.title"), "events", user), new Paged<>(list),
                        SortLinks.of("/bureau/events", sort), form, errors, chainList, regionList, KINDS).createUni())))
                .map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@RestForm String kind, @RestForm String title, @RestForm String chainId, @RestForm String regionCode,
                                @RestForm String date, @RestForm String startTime, @RestForm String endTime,
                                @RestForm String slotMinutes, @RestForm String tables, @RestForm String venue) {
        return session.requireBureau().chain(user -> {
            EventForm form = new EventForm(kind, title, chainId, regionCode, date, startTime, endTime, slotMinutes, tables, venue);
            List<Problem.FieldError> errors = new ArrayList<>();
            EventApi.CreateEvent in = new EventApi.CreateEvent(parseEnum(kind, errors), title, chainId, regionCode,
                    parse(date, "date", errors, LocalDate::parse), parse(startTime, "startTime", errors, LocalTime::parse),
                    parse(endTime, "endTime", errors, LocalTime::parse), parse(slotMinutes, "slotMinutes", errors, Integer::valueOf),
                    parse(tables, "tables", errors, Integer::valueOf), venue, actor(user));
            errors.addAll(FormErrors.violations(validator.validate(in)));
            if (!errors.isEmpty()) {
                return listPage(user, cn.duijie.common.SortParam.Order.of(EventApi.Sort.DATE), 0, form, FormErrors.of(Pages.text("detail.validation", errors.size()), errors), 400);
            }
            return Uni.createFrom().deferred(() -> {
                        actors.bureau(user.caller(), regionCode, null);
                        return events.create(in);
                    })
                    .map(e -> Response.seeOther(URI.create("/bureau/events/" + e.id())).build())
                    .onFailure(DomainException.class).recoverWithUni(e ->
                            listPage(user, cn.duijie.common.SortParam.Order.of(EventApi.Sort.DATE), 0, form, FormErrors.of((DomainException) e), ((DomainException) e).status()));
        });
    }

    @GET
    @Path("/{id}")
    public Uni<Response> event(@PathParam("id") UUID id, @QueryParam("tab") @DefaultValue("invitees") String tab,
                               @QueryParam("sort") String sort) {
        return staffOf(id).chain(user -> {
            // the sort belongs to the tab shown: the other tab keeps its usual order; an unknown key is the 400 page
            return Pages.respond(Uni.createFrom().deferred(() -> {
                var inviteeOrder = SortParam.order(InviteeSort.class, "invitees".equals(tab) ? sort : null, InviteeSort.SCORE);
                var participantOrder = SortParam.order(ParticipantSort.class, "participants".equals(tab) ? sort : null, ParticipantSort.LISTED);
                var requestOrder = SortParam.order(RequestSort.class, "requests".equals(tab) ? sort : null, RequestSort.LISTED);
                return events.get(id).chain(e -> invitees.suggestedInvitees(id, 20)
                        .chain(suggested -> participants.participants(id).chain(ps -> requests.requests(id, null, null, user.caller()).map(rs -> {
                            Map<UUID, String> names = new HashMap<>();
                            ps.items().forEach(p -> names.put(p.id(), p.name()));
                            String base = "/bureau/events/" + id + "?tab=";
                            Tables tables = new Tables(
                                    inviteeOrder.apply(inviteeOrder.key().sorted(suggested.hosts())),
                                    inviteeOrder.apply(inviteeOrder.key().sorted(suggested.guests())), SortLinks.of(base + "invitees", inviteeOrder),
                                    participantOrder.apply(participantOrder.key().sorted(ps.items())), SortLinks.of(base + "participants", participantOrder),
                                    requestOrder.apply(requestOrder.key().sorted(rs.items(), names)), SortLinks.of(base + "requests", requestOrder));
                            return Templates.event(Frame.of(e.title(), "events", user), e, suggested, ps.items(), rs.items(), names, tab, tables);
                        }))));
            }), user);
        });
    }

    /** Invite one party, or every suggested party at once (all or nothing, as the API). */
    @POST
    @Path("/{id}/invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> invite(@PathParam("id") UUID id, @RestForm List<String> party, @RestForm String sort) {
        return staffOf(id).chain(user -> back(id, "invitees", sort, Uni.createFrom().deferred(() -> {
            List<EventApi.ParticipantInput> inputs = new ArrayList<>();
            for (String p : party == null ? List.<String>of() : party) {
                // ROLE:TYPE:key, as the invite buttons send it; anything else is a 400 naming the allowed values
                String[] parts = p.split(":", 3);
                if (parts.length != 3) {
                    throw DomainException.invalid("party", Pages.text("web.events.bad-party", p));
                }
                inputs.add(new EventApi.ParticipantInput(vocabulary(cn.duijie.domain.PartyType.class, parts[1], "party"), parts[2],
                        vocabulary(EventEnums.ParticipantRole.class, parts[0], "party"), null, null, null, null, null, actor(user)));
            }
            return participants.invite(id, inputs);
        }), user));
    }

    @POST
    @Path("/{id}/participants/{pid}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> participantStatus(@PathParam("id") UUID id, @PathParam("pid") UUID pid, @RestForm String status,
                                           @RestForm String back, @RestForm String sort) {
        return staffOf(id).chain(user -> {
            Uni<?> update = Uni.createFrom().deferred(() -> participants.updateParticipant(id, pid, new EventApi.ParticipantUpdate(
                    vocabulary(EventEnums.ParticipantStatus.class, status, "status"), null, null, null, null, actor(user))));
            if ("checkin".equals(back)) {
                return update.map(p -> Response.seeOther(URI.create("/bureau/events/" + id + "/checkin#p-" + pid)).build())
                        .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
            }
            // back to the participants tab in the order it was shown, at the row just changed
            return back(id, "participants", sort, "#p-" + pid, update, user);
        });
    }

    @POST
    @Path("/{id}/requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> request(@PathParam("id") UUID id, @RestForm UUID from, @RestForm UUID to, @RestForm String note,
                                 @RestForm String sort) {
        return staffOf(id).chain(user -> {
            return back(id, "requests", sort, Uni.createFrom().deferred(() -> requests.request(id, new EventApi.MeetingRequestInput(from, to, note, null), actor(user))), user);
        });
    }

    @POST
    @Path("/{id}/requests/{rid}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> confirm(@PathParam("id") UUID id, @PathParam("rid") UUID rid, @RestForm String sort) {
        return staffOf(id).chain(user -> {
            return back(id, "requests", sort, Uni.createFrom().deferred(() -> requests.decide(id, rid, MeetingRequestService.Decision.CONFIRM, actor(user))), user);
        });
    }

    @GET
    @Path("/{id}/schedule")
    public Uni<Response> schedule(@PathParam("id") UUID id) {
        return staffOf(id).chain(user -> {
            return Pages.respond(events.get(id).chain(e -> schedules.get(id).chain(s -> participants.participants(id)
                    .map(ps -> Templates.schedule(Frame.of(Pages.text("web.events.schedule-title", e.title()), "events", user),
                            e, s, grid(e, s), ps.items())))), user);
        });
    }

    /** Runs the scheduler (a few seconds; the button shows that it is working) and shows the result. */
    @POST
    @Path("/{id}/schedule")
    public Uni<Response> runSchedule(@PathParam("id") UUID id) {
        return staffOf(id).chain(user -> {
            return Uni.createFrom().deferred(() -> schedules.schedule(id, actor(user)))
                    .map(s -> Response.seeOther(URI.create("/bureau/events/" + id + "/schedule")).build())
                    .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
        });
    }

    @POST
    @Path("/{id}/schedule/publish")
    public Uni<Response> publish(@PathParam("id") UUID id) {
        return staffOf(id).chain(user -> {
            return Uni.createFrom().deferred(() -> schedules.publish(id, actor(user)))
                    .map(s -> Response.seeOther(URI.create("/bureau/events/" + id + "/schedule")).build())
                    .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
        });
    }

    @GET
    @Path("/{id}/checkin")
    public Uni<Response> checkin(@PathParam("id") UUID id) {
        return staffOf(id).chain(user -> {
            return Pages.respond(events.get(id).chain(e -> participants.participants(id)
                    .map(ps -> Templates.checkin(Frame.of(Pages.text("web.events.checkin-title", e.title()), "events", user),
                            e, ps.items()))), user);
        });
    }

    /** The staff workbook (by slot and by table), as the API gives it. */
    @GET
    @Path("/{id}/schedule.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Uni<Response> workbook(@PathParam("id") UUID id) {
        return staffOf(id).chain(user -> schedules.xlsx(id).map(bytes -> Response.ok(bytes)
                        .header("Content-Disposition", "attachment; filename=\"schedule-" + id + ".xlsx\"").build())
                .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user)));
    }

    /** One participant's iCalendar, for staff to send on. */
    @GET
    @Path("/{id}/participants/{pid}/schedule.ics")
    @Produces("text/calendar")
    public Uni<Response> ics(@PathParam("id") UUID id, @PathParam("pid") UUID pid) {
        return staffOf(id).chain(user -> schedules.ics(id, pid).map(bytes -> Response.ok(bytes).type("text/calendar; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"schedule-" + pid + ".ics\"").build())
                .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user)));
    }

    static List<GridRow> grid(EventApi.EventView event, EventApi.ScheduleView schedule) {
        Map<String, EventApi.MeetingView> at = new HashMap<>();
        for (EventApi.MeetingView m : schedule.meetings()) {
            at.put(m.slot() + ":" + m.tableNo(), m);
        }
        List<GridRow> rows = new ArrayList<>();
        for (EventApi.Slot s : event.slots()) {
            List<Cell> cells = new ArrayList<>();
            for (int t = 1; t <= event.tables(); t++) {
                cells.add(new Cell(at.get(s.index() + ":" + t)));
            }
            rows.add(new GridRow(s, cells));
        }
        return rows;
    }

    private Uni<Response> back(UUID id, String tab, String sort, Uni<?> action, WebUser user) {
        return back(id, tab, sort, "", action, user);
    }

    /**
     * Acts, then back to the tab in the order it was shown ({@code sort} as the tab's links write it; an unknown
     * order is the 400 page before anything is done).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Uni<Response> back(UUID id, String tab, String sort, String anchor, Uni<?> action, WebUser user) {
        return Uni.createFrom().deferred(() -> {
            String order = sort == null || sort.isBlank() ? null : SortParam.order((Class) TAB_SORTS.get(tab), sort.strip(), null).param();
            String to = "/bureau/events/" + id + "?tab=" + tab + (order == null ? "" : "&sort=" + ChainPages.encode(order)) + anchor;
            return action.map(x -> Response.seeOther(URI.create(to)).build());
        }).onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
    }

    private static <E extends Enum<E>> E vocabulary(Class<E> type, String text, String field) {
        return cn.duijie.domain.Vocabulary.parse(type, text).orElseThrow(() -> DomainException.invalid(field,
                Pages.text("enum.allowed", text, cn.duijie.domain.Vocabulary.allowed(type))));
    }

    static Actor actor(WebUser user) {
        return new Actor(Actor.Type.BUREAU, user.username(), user.displayName());
    }

    private static EventEnums.EventKind parseEnum(String kind, List<Problem.FieldError> errors) {
        try {
            return EventEnums.EventKind.valueOf(kind);
        } catch (RuntimeException e) {
            errors.add(new Problem.FieldError("kind", Pages.text("enum.allowed", kind, String.join(" / ", KINDS))));
            return null;
        }
    }

    private static <T> T parse(String text, String field, List<Problem.FieldError> errors, java.util.function.Function<String, T> f) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return f.apply(text.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, Pages.text("web.form.format", text)));
            return null;
        }
    }
}
