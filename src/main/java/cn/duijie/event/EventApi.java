package cn.duijie.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.duijie.event.EventEnums.EventKind;
import cn.duijie.event.EventEnums.MeetingStatus;
import cn.duijie.event.EventEnums.OutcomeKind;
import cn.duijie.event.EventEnums.ParticipantRole;
import cn.duijie.event.EventEnums.ParticipantStatus;
import cn.duijie.domain.PartyType;
import cn.duijie.common.Actor;
import cn.duijie.common.SortParam;
import cn.duijie.event.EventEnums.RequestStatus;
import cn.duijie.event.EventEnums.ScheduleStatus;

/** Request and response shapes of the events API. */
public final class EventApi {
    private EventApi() {
    }

    @Schema(name = "CreateEvent", description = "新建对接会或路演 Create a fair or roadshow")
    public record CreateEvent(
            @NotNull EventKind kind,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 64) String chainId,
            @NotBlank @Size(max = 12) String regionCode,
            @NotNull @Schema(examples = "2026-03-18") LocalDate date,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "09:00") LocalTime startTime,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "12:00") LocalTime endTime,
            @NotNull @Min(5) @Max(240) Integer slotMinutes,
            @NotNull @Min(1) @Max(500) Integer tables,
            @NotBlank @Size(max = 200) String venue,
            @Valid @Schema(description = "可选：默认即登录的局方工作人员") Actor actor) {
        public CreateEvent withActor(Actor a) {
            return new CreateEvent(kind, title, chainId, regionCode, date, startTime, endTime, slotMinutes, tables, venue, a);
        }
    }

    @Schema(name = "EventSlot", description = "一个洽谈时段 One meeting slot")
    public record Slot(int index, String label, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    @Schema(name = "Event", description = "对接活动 A matchmaking event; times are Asia/Shanghai wall-clock plus UTC instants")
    public record EventView(UUID id, EventKind kind, String title, String chainId, String regionCode, LocalDate date,
                            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime startTime,
                            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime endTime,
                            String timeZone, OffsetDateTime startsAt, OffsetDateTime endsAt, int slotMinutes,
                            int tables, String venue, Actor createdBy, ScheduleStatus scheduleStatus, List<Slot> slots) {
    }

    @Schema(name = "TimeRange", description = "活动当天的时间段 A time range on the event day")
    public record TimeRange(
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "09:00") LocalTime from,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "10:00") LocalTime to) {
    }

    @Schema(name = "ParticipantInput", description = "邀请或报名的参与方 A party to invite or register")
    public record ParticipantInput(
            @NotNull PartyType partyType,
            @NotBlank @Size(max = 64) @Schema(description = "企业的统一社会信用代码，或机构、基金的 id") String partyKey,
            @NotNull ParticipantRole role,
            @Schema(description = "INVITED（默认）或 REGISTERED") ParticipantStatus status,
            @Schema(description = "可参加的时段序号；与 availableTimes 都不填表示全天可约") List<@NotNull @Min(0) Integer> availableSlots,
            List<@NotNull @Valid TimeRange> availableTimes,
            @Min(0) @Max(100) Integer maxMeetings,
            @Min(0) @Max(100) Integer minTarget,
            @Valid Actor actor) {
    }

    /**
     * The body of an invitation: one {@link ParticipantInput} or a JSON array of them, bound by Jackson
     * ({@code single} says which came, since the answer differs).
     */
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = ParticipantBatch.Reader.class)
    public record ParticipantBatch(List<ParticipantInput> items, boolean single) {

        static final class Reader extends com.fasterxml.jackson.databind.JsonDeserializer<ParticipantBatch> {
            @Override
            public ParticipantBatch deserialize(com.fasterxml.jackson.core.JsonParser p,
                                                com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
                if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    return new ParticipantBatch(List.of(ctxt.readValue(p, ParticipantInput.class)), true);
                }
                if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    List<ParticipantInput> items = ctxt.readValue(p, ctxt.getTypeFactory()
                            .constructCollectionType(List.class, ParticipantInput.class));
                    return new ParticipantBatch(items, false);
                }
                return (ParticipantBatch) ctxt.handleUnexpectedToken(ParticipantBatch.class, p);
            }
        }
    }

    @Schema(name = "ParticipantUpdate", description = "修改参与方状态、空闲时段或洽谈数量 Change status, availability or caps")
    public record ParticipantUpdate(ParticipantStatus status, List<@NotNull @Min(0) Integer> availableSlots,
                                    List<@NotNull @Valid TimeRange> availableTimes,
                                    @Min(0) @Max(100) Integer maxMeetings, @Min(0) @Max(100) Integer minTarget,
                                    @Valid Actor actor) {
    }

    @Schema(name = "Participant")
    public record ParticipantView(UUID id, UUID eventId, PartyType partyType, String partyKey, String name,
                                  String regionCode, ParticipantRole role, ParticipantStatus status,
                                  List<Integer> availableSlots, int maxMeetings, int minTarget) {
        static ParticipantView from(ParticipantEntity p, int slotCount) {
            return new ParticipantView(p.id, p.eventId, p.partyType, p.partyKey, p.partyName, p.regionCode, p.role,
                    p.status, p.freeSlotList(slotCount), p.maxMeetings, p.minTarget);
        }
    }

    @Schema(name = "ParticipantList")
    public record ParticipantList(List<ParticipantView> items, long total, int page, int size) {
    }

    @Schema(name = "MeetingRequestInput", description = "请求一对一洽谈 Ask for a 1:1 meeting")
    public record MeetingRequestInput(@NotNull UUID fromParticipantId, @NotNull UUID toParticipantId,
                                      @Size(max = 1000) String note,
                                      @DecimalMin("0") @DecimalMax("1") BigDecimal score) {
    }

    @Schema(name = "Decision", description = "接受、拒绝或确认时的操作人 The actor of a decision")
    public record Decision(@Valid @Schema(description = "可选：默认即登录账号（局方，或被请求的参与方）") Actor actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeetingRequest")
    public record MeetingRequestView(UUID id, UUID eventId, UUID fromParticipantId, UUID toParticipantId, String note,
                                     BigDecimal score, RequestStatus status, boolean mutual, OffsetDateTime createdAt,
                                     OffsetDateTime decidedAt, String decidedBy,
                                     @Schema(description = "对方的联系方式：仅在被请求方同意（或双方互相请求）后，向参与双方显示；与对接请求同一同意规则")
                                     cn.duijie.contact.ContactApi.ContactView contact) {
        static MeetingRequestView from(MeetingRequestEntity r) {
            return new MeetingRequestView(r.id, r.eventId, r.fromParticipant, r.toParticipant, r.note, r.score,
                    r.status, r.mutual, r.createdAt, r.decidedAt,
                    r.decidedByType == null ? null : r.decidedByType + ":" + r.decidedById, null);
        }

        MeetingRequestView withContact(cn.duijie.contact.ContactApi.ContactView c) {
            return new MeetingRequestView(id, eventId, fromParticipantId, toParticipantId, note, score, status, mutual,
                    createdAt, decidedAt, decidedBy, c);
        }
    }

    @Schema(name = "MeetingRequestList")
    public record MeetingRequestList(List<MeetingRequestView> items, long total, int page, int size) {
    }

    @Schema(name = "BookMeeting", description = "工作人员直接把一对已同意的洽谈排进某个时段 Staff books an agreed pair into a slot")
    public record BookMeeting(@NotNull UUID requestId, @NotNull @Min(0) Integer slot, @Min(1) Integer tableNo,
                              @Valid @Schema(description = "可选：默认即登录的局方工作人员") Actor actor) {
        public BookMeeting withActor(Actor a) {
            return new BookMeeting(requestId, slot, tableNo, a);
        }
    }

    @Schema(name = "ScheduleRun", description = "排程参数 Scheduling options")
    public record ScheduleRun(@Valid Actor actor) {
    }

    @Schema(name = "MeetingParty")
    public record MeetingParty(UUID participantId, PartyType partyType, String partyKey, String name) {
        static MeetingParty from(ParticipantEntity p) {
            return new MeetingParty(p.id, p.partyType, p.partyKey, p.partyName);
        }
    }

    @Schema(name = "Meeting", description = "排定的一对一洽谈 A scheduled 1:1 meeting")
    public record MeetingView(UUID id, int slot, int tableNo, OffsetDateTime startsAt, OffsetDateTime endsAt,
                              MeetingParty a, MeetingParty b, MeetingStatus status, boolean pinned, boolean mutual,
                              BigDecimal score) {
    }

    @Schema(name = "UnplacedPair", description = "未能排入的一对及原因 A pair that could not be placed, and why")
    public record UnplacedPair(MeetingParty a, MeetingParty b, String reasonCode, String reason) {
    }

    @Schema(name = "Schedule")
    public record ScheduleView(UUID eventId, ScheduleStatus status, int version, int slots, int tables,
                               int agreedPairs, int placed, String solverScore, List<MeetingView> meetings,
                               List<UnplacedPair> unplaced) {
    }

    @Schema(name = "OutcomeInput", description = "记录洽谈结果 Record an outcome of a meeting")
    public record OutcomeInput(@NotNull UUID meetingId, @NotNull OutcomeKind kind,
                               @Schema(description = "签到或缺席的一方（不填表示双方）") UUID participantId,
                               @DecimalMin("0") BigDecimal amountWan, @Size(max = 1000) String note,
                               @NotNull @Valid Actor reportedBy) {
    }

    @Schema(name = "Outcome")
    public record OutcomeView(UUID id, UUID meetingId, OutcomeKind kind, UUID participantId, BigDecimal amountWan,
                              String note, Actor reportedBy, OffsetDateTime createdAt) {
        static OutcomeView from(MeetingOutcomeEntity o) {
            return new OutcomeView(o.id, o.meetingId, o.kind, o.participantId, o.amountWan, o.note,
                    new Actor(Actor.Type.valueOf(o.reportedByType), o.reportedById, null), o.createdAt);
        }
    }

    @Schema(name = "OutcomeSummary", description = "活动成效 Outcomes of an event")
    public record OutcomeSummary(UUID eventId, long meetingsScheduled, long meetingsHeld, long noShows, long intents,
                                 long contracts, BigDecimal contractAmountWan) {
    }

    @Schema(name = "Reason")
    public record Reason(String code, String text, double weight) {
    }

    @Schema(name = "Candidate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(PartyType type, String id, String name, String regionCode, String tier) {
    }

    @Schema(name = "Invitee", description = "建议邀请的一方 A suggested invitee")
    public record Invitee(Candidate candidate, ParticipantRole role, double score, List<Reason> reasons,
                          boolean alreadyInvited) {
    }

    @Schema(name = "SuggestedInvitees")
    public record SuggestedInvitees(UUID eventId, List<Invitee> hosts, List<Invitee> guests) {
    }

    /** Orders of an event list (GET /events?sort=): latest date first (default), by title, kind or schedule status. */
    public enum Sort implements SortParam.Key {
        DATE, TITLE, KIND, STATUS;

        @Override
        public boolean descending() {
            return this == DATE;
        }

        /** {@code KEY} or {@code -KEY} (reversed); latest date first for none. */
        public static SortParam.Order<Sort> order(String text) {
            return SortParam.order(Sort.class, text, DATE);
        }
    }
}
