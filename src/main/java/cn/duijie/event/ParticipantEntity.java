package cn.duijie.event;

import cn.duijie.domain.PartyType;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A party invited to or registered for an event (table event_participant). */
@Entity
@Table(name = "event_participant")
public class ParticipantEntity {
    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "party_type")
    @Enumerated(EnumType.STRING)
    public PartyType partyType;
    @Column(name = "party_key")
    public String partyKey;
    @Column(name = "party_name")
    public String partyName;
    @Column(name = "region_code")
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public EventEnums.ParticipantRole role;
    @Enumerated(EnumType.STRING)
    public EventEnums.ParticipantStatus status;
    /** Comma-separated slot indices; null means every slot. */
    @Column(name = "available_slots")
    public String availableSlots;
    @Column(name = "max_meetings")
    public int maxMeetings;
    @Column(name = "min_target")
    public int minTarget;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public BitSet freeSlots(int slotCount) {
        BitSet set = new BitSet(slotCount);
        if (availableSlots == null) {
            set.set(0, slotCount);
        } else if (!availableSlots.isBlank()) {
            Arrays.stream(availableSlots.split(",")).mapToInt(Integer::parseInt).filter(s -> s < slotCount).forEach(set::set);
        }
        return set;
    }

    public List<Integer> freeSlotList(int slotCount) {
        return freeSlots(slotCount).stream().boxed().toList();
    }

    public static String encodeSlots(List<Integer> slots) {
        return slots == null ? null : slots.stream().sorted().distinct().map(String::valueOf).collect(Collectors.joining(","));
    }
}
