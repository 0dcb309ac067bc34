package cn.duijie.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Check-in, no-show, intent or contract recorded for a meeting (table meeting_outcome). */
@Entity
@Table(name = "meeting_outcome")
public class MeetingOutcomeEntity {
    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Enumerated(EnumType.STRING)
    public EventEnums.OutcomeKind kind;
    @Column(name = "participant_id")
    public UUID participantId;
    @Column(name = "amount_wan")
    public BigDecimal amountWan;
    public String note;
    @Column(name = "reported_by_type")
    public String reportedByType;
    @Column(name = "reported_by_id")
    public String reportedById;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
