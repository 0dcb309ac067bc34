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

/** A request for a 1:1 meeting; only ACCEPTED or CONFIRMED pairs are scheduled (table meeting_request). */
@Entity
@Table(name = "meeting_request")
public class MeetingRequestEntity {
    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "from_participant")
    public UUID fromParticipant;
    @Column(name = "to_participant")
    public UUID toParticipant;
    public String note;
    public BigDecimal score;
    @Enumerated(EnumType.STRING)
    public EventEnums.RequestStatus status;
    public boolean mutual;
    @Column(name = "decided_by_type")
    public String decidedByType;
    @Column(name = "decided_by_id")
    public String decidedById;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    /** The contact consent behind this request (contact_request); null when a side has no details to share. */
    @Column(name = "contact_request_id")
    public UUID contactRequestId;

    public boolean agreed() {
        return status == EventEnums.RequestStatus.ACCEPTED || status == EventEnums.RequestStatus.CONFIRMED;
    }
}
