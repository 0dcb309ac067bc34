package cn.duijie.event;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;


import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.event.EventApi.BookMeeting;
import cn.duijie.event.EventApi.CreateEvent;
import cn.duijie.event.EventApi.Decision;
import cn.duijie.event.EventApi.EventView;
import cn.duijie.event.EventApi.MeetingRequestInput;
import cn.duijie.event.EventApi.MeetingRequestList;
import cn.duijie.event.EventApi.MeetingRequestView;
import cn.duijie.event.EventApi.OutcomeInput;
import cn.duijie.event.EventApi.OutcomeSummary;
import cn.duijie.event.EventApi.ParticipantBatch;
import cn.duijie.event.EventApi.ParticipantInput;
import cn.duijie.event.EventApi.ParticipantList;
import cn.duijie.event.EventApi.ParticipantUpdate;
import cn.duijie.event.EventApi.ParticipantView;
import cn.duijie.event.EventApi.ScheduleView;
import cn.duijie.event.EventApi.SuggestedInvitees;
import cn.duijie.event.EventEnums.RequestStatus;
import io.smallrye.mutiny.Uni;

/** HTTP for matchmaking fairs and roadshows (对接会、路演). */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "events", description = "对接会与路演 Matchmaking fairs and roadshows")
public class EventResource {

    private static final String BASE = "/api/v1/events/";

    private final EventService events;
    private final InviteeSuggestions invitees;
    private final ParticipantService participants;
    private final MeetingRequestService requests;
    private final OutcomeService outcomes;
    private final ScheduleService schedules;
    private final Validator validator;

    private final EventActors actors;
    private final cn.duijie.account.CurrentCaller caller;

    EventResource(EventService events, InviteeSuggestions invitees, ParticipantService participants,
                  MeetingRequestService requests, OutcomeService outcomes, ScheduleService schedules,
                  Validator validator, EventActors actors, cn.duijie.account.CurrentCaller caller) {
        this.actors = actors;
        this.caller = caller;
        this.events = events;
        this.invitees = invitees;
        this.participants = participants;
        this.requests = requests;
        this.outcomes = outcomes;
        this.schedules = schedules;
        this.validator = validator;
    }

    @POST
    @Operation(summary = "新建对接会或路演 Create a fair or roadshow")
    @APIResponse(responseCode = "201", description = "已创建 Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)))
    public Uni<Response> create(@NotNull @Valid CreateEvent body) {
        return Uni.createFrom().item(() -> body.withActor(actors.bureau(caller.get(), body.regionCode(), body.actor())))
                .chain(events::create).map(e -> Response.created(URI.create(BASE + e.id())).entity(e).build());
    }

    @GET
    @Operation(summary = "活动列表 Events of a region (sub-regions included), newest first")
    public Uni<cn.duijie.common.Page<EventView>> list(@RestQuery String region,
                                                     @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                                             description = "DATE（默认，日期最近在前）、TITLE、KIND 或 STATUS（日程状态）；前加 - 为倒序（如 -TITLE：与 TITLE 恰好相反）")
                                                     @RestQuery String sort,
                                                     @RestQuery @DefaultValue("0") @Min(0) int page,
                                                     @RestQuery @DefaultValue("20") @Min(1) @Max(100) int size) {
        return events.list(region, EventApi.Sort.order(sort), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "读取活动 Read an event")
    public Uni<EventView> get(@RestPath UUID id) {
        return events.get(id);
    }

    @GET
    @Path("/{id}/suggested-invitees")
    @Operation(summary = "按图谱建议邀请的主宾和来宾 Suggested hosts and guests from the graph, with reasons")
    public Uni<SuggestedInvitees> suggestedInvitees(@RestPath UUID id,
                                                    @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return invitees.suggestedInvitees(id, limit);
    }

    @POST
    @Path("/{id}/participants")
    @Operation(summary = "邀请或报名参与方（一个或一批） Invite or register one party or a list")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {ParticipantInput.class, ParticipantInput[].class})))
    @APIResponse(responseCode = "201", description = "一个参与方，或一批时的列表 One participant, or a list for a list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ParticipantView.class, ParticipantList.class})))
    public Uni<Response> invite(@RestPath UUID id, ParticipantBatch body) {
        if (body == null || body.items().isEmpty()) {
            throw DomainException.invalid("participants", Messages.get("participant.empty-request"));
        }
        boolean single = body.single();
        List<ParticipantInput> inputs = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.items().size(); i++) {
            String prefix = single ? "" : "[" + i + "].";
            ParticipantInput in = body.items().get(i);
            if (in == null) {
                errors.add(new Problem.FieldError("[" + i + "]", Messages.get("detail.json-body")));
                continue;
            }
            validator.validate(in).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<ParticipantInput> v) -> v.getPropertyPath().toString()))
                    .forEach(v -> errors.add(new Problem.FieldError(prefix + v.getPropertyPath(), v.getMessage())));
            inputs.add(in);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
        }
        return actors.mayAdd(caller.get(), id, inputs).chain(() -> participants.invite(id, inputs)).map(created -> single
                ? Response.created(URI.create(BASE + id + "/participants/" + created.get(0).id())).entity(created.get(0)).build()
                : Response.status(201).entity(new ParticipantList(created, created.size(), 0, created.size())).build());
    }

    @GET
    @Path("/{id}/participants")
    @Operation(summary = "活动的参与方 Participants of an event")
    public Uni<ParticipantList> participants(@RestPath UUID id) {
        return participants.participants(id);
    }

    @GET
    @Path("/{id}/participants/{pid}")
    @Operation(summary = "读取参与方 Read a participant")
    public Uni<ParticipantView> participant(@RestPath UUID id, @RestPath UUID pid) {
        return participants.participant(id, pid);
    }

    @PATCH
    @Path("/{id}/participants/{pid}")
    @Operation(summary = "修改参与方状态、空闲时段或洽谈数量 Change a participant's status, availability or caps")
    public Uni<ParticipantView> updateParticipant(@RestPath UUID id, @RestPath UUID pid, @NotNull @Valid ParticipantUpdate body) {
        return actors.participantOrBureau(caller.get(), id, body.actor(), pid)
                .chain(actor -> participants.updateParticipant(id, pid, body));
    }

    @POST
    @Path("/{id}/meeting-requests")
    @Operation(summary = "发起一对一洽谈请求 Request a 1:1 meeting")
    @APIResponse(responseCode = "201", description = "已创建 Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingRequestView.class)))
    public Uni<Response> request(@RestPath UUID id, @NotNull @Valid MeetingRequestInput body) {
        return actors.participantOrBureau(caller.get(), id, null, body.fromParticipantId())
                .chain(actor -> requests.request(id, body, actor))
                .map(r -> Response.created(URI.create(BASE + id + "/meeting-requests/" + r.id())).entity(r).build());
    }

    @GET
    @Path("/{id}/meeting-requests")
    @Operation(summary = "洽谈请求列表 Meeting requests of an event")
    public Uni<MeetingRequestList> requests(@RestPath UUID id, @RestQuery RequestStatus status, @RestQuery UUID participantId) {
        return actors.requestsVisibleTo(caller.get(), id, participantId)
                .chain(visible -> requests.requests(id, status, visible, caller.get()));
    }

    @POST
    @Path("/{id}/meeting-requests/{rid}/accept")
    @Operation(summary = "被邀请方接受洽谈 The invited side accepts")
    public Uni<MeetingRequestView> accept(@RestPath UUID id, @RestPath UUID rid, @NotNull @Valid Decision body) {
        return answer(id, rid, body, MeetingRequestService.Decision.ACCEPT);
    }

    @POST
    @Path("/{id}/meeting-requests/{rid}/decline")
    @Operation(summary = "被邀请方拒绝洽谈 The invited side declines")
    public Uni<MeetingRequestView> decline(@RestPath UUID id, @RestPath UUID rid, @NotNull @Valid Decision body) {
        return answer(id, rid, body, MeetingRequestService.Decision.DECLINE);
    }

    /** The invited side (or the bureau on its behalf) answers a meeting request. */
    private Uni<MeetingRequestView> answer(UUID id, UUID rid, Decision body, MeetingRequestService.Decision decision) {
        return actors.recipient(rid).chain(to -> actors.participantOrBureau(caller.get(), id, body.actor(), to))
                .chain(actor -> requests.decide(id, rid, decision, actor));
    }

    @POST
    @Path("/{id}/meeting-requests/{rid}/confirm")
    @Operation(summary = "工作人员直接确认洽谈 Staff confirm a meeting directly")
    public Uni<MeetingRequestView> confirm(@RestPath UUID id, @RestPath UUID rid, @NotNull @Valid Decision body) {
        return actors.bureau(caller.get(), id, body.actor())
                .chain(actor -> requests.decide(id, rid, MeetingRequestService.Decision.CONFIRM, actor));
    }

    @POST
    @Path("/{id}/meetings")
    @Operation(summary = "工作人员把已同意的一对排进指定时段 Staff book an agreed pair into a slot")
    @APIResponse(responseCode = "201", description = "已排入 Booked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventApi.MeetingView.class)))
    public Uni<Response> book(@RestPath UUID id, @NotNull @Valid BookMeeting body) {
        return actors.bureau(caller.get(), id, body.actor()).chain(actor -> schedules.book(id, body.withActor(actor))).map(m -> Response.status(201).entity(m).build());
    }

    @POST
    @Path("/{id}/schedule")
    @Operation(summary = "计算洽谈日程（保留已发布的） Compute the meeting schedule, keeping published meetings")
    public Uni<ScheduleView> schedule(@RestPath UUID id, @NotNull @Valid Decision body) {
        return actors.bureau(caller.get(), id, body.actor()).chain(actor -> schedules.schedule(id, actor));
    }

    @GET
    @Path("/{id}/schedule")
    @Operation(summary = "读取洽谈日程及未排入的原因 Read the schedule and what could not be placed")
    public Uni<ScheduleView> getSchedule(@RestPath UUID id) {
        return schedules.get(id);
    }

    @POST
    @Path("/{id}/schedule/publish")
    @Operation(summary = "发布日程 Publish the schedule")
    public Uni<ScheduleView> publish(@RestPath UUID id, @NotNull @Valid Decision body) {
        return actors.bureau(caller.get(), id, body.actor()).chain(actor -> schedules.publish(id, actor));
    }

    @GET
    @Path("/{id}/schedule.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "工作人员用的日程表（按时段、按桌号） Staff workbook: by slot and by table")
    public Uni<Response> xlsx(@RestPath UUID id) {
        return actors.bureau(caller.get(), id, null).chain(actor -> schedules.xlsx(id)).map(bytes -> Response.ok(bytes)
                .header("Content-Disposition", "attachment; filename=\"schedule-" + id + ".xlsx\"").build());
    }

    @GET
    @Path("/{id}/participants/{pid}/schedule.ics")
    @Produces("text/calendar")
    @Operation(summary = "参与方的日历文件 A participant's iCalendar")
    public Uni<Response> ics(@RestPath UUID id, @RestPath UUID pid) {
        return actors.participantOrBureau(caller.get(), id, null, pid).chain(actor -> schedules.ics(id, pid)).map(bytes -> Response.ok(bytes).type("text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"schedule-" + pid + ".ics\"").build());
    }

    @POST
    @Path("/{id}/outcomes")
    @Operation(summary = "记录签到、缺席、意向或签约 Record check-in, no-show, intent or contract")
    @APIResponse(responseCode = "201", description = "已记录 Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventApi.OutcomeView.class)))
    public Uni<Response> outcome(@RestPath UUID id, @NotNull @Valid OutcomeInput body) {
        return actors.bureau(caller.get(), id, body.reportedBy()).chain(actor -> outcomes.recordOutcome(id, body)).map(o -> Response.status(201).entity(o).build());
    }

    @GET
    @Path("/{id}/outcomes")
    @Operation(summary = "活动成效汇总 Outcome counts of an event")
    public Uni<OutcomeSummary> outcomes(@RestPath UUID id) {
        return outcomes.outcomeSummary(id);
    }
}
