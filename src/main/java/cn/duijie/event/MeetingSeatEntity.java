package cn.duijie.event;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One side of a meeting in its slot; unique (event, slot, participant) makes double booking impossible. */
@Entity
@Table(name = "meeting_seat")
public class MeetingSeatEntity {
    @Id
    public UUID id;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "event_id")
    public UUID eventId;
    public int slot;
    @Column(name = "participant_id")
    public UUID participantId;

    public static MeetingSeatEntity of(MeetingEntity m, UUID participant) {
        MeetingSeatEntity s = new MeetingSeatEntity();
        s.id = UUID.randomUUID();
        s.meetingId = m.id;
        s.eventId = m.eventId;
        s.slot = m.slot;
        s.participantId = participant;
        return s;
    }
}
