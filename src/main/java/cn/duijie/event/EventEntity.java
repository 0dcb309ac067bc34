package cn.duijie.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A fair or roadshow as stored (table event). */
@Entity
@Table(name = "event")
public class EventEntity {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public EventEnums.EventKind kind;
    public String title;
    @Column(name = "chain_id")
    public String chainId;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "event_date")
    public LocalDate eventDate;
    @Column(name = "start_time")
    public LocalTime startTime;
    @Column(name = "end_time")
    public LocalTime endTime;
    @Column(name = "slot_minutes")
    public int slotMinutes;
    @Column(name = "table_count")
    public int tableCount;
    public String venue;
    @Column(name = "created_by_type")
    public String createdByType;
    @Column(name = "created_by_id")
    public String createdById;
    @Column(name = "created_by_name")
    public String createdByName;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "schedule_version")
    public int scheduleVersion;
    @Column(name = "schedule_status")
    @Enumerated(EnumType.STRING)
    public EventEnums.ScheduleStatus scheduleStatus;

    public int slotCount() {
        int minutes = (endTime.toSecondOfDay() - startTime.toSecondOfDay()) / 60;
        return minutes / slotMinutes;
    }
}
