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

/** A scheduled 1:1 meeting in (slot, table); participantA &lt; participantB (table meeting). */
@Entity
@Table(name = "meeting")
public class MeetingEntity {
    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "participant_a")
    public UUID participantA;
    @Column(name = "participant_b")
    public UUID participantB;
    public int slot;
    @Column(name = "table_no")
    public int tableNo;
    @Enumerated(EnumType.STRING)
    public EventEnums.MeetingStatus status;
    public boolean pinned;
    public boolean mutual;
    public BigDecimal score;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public boolean involves(UUID participant) {
        return participantA.equals(participant) || participantB.equals(participant);
    }

    public UUID other(UUID participant) {
        return participantA.equals(participant) ? participantB : participantA;
    }
}
