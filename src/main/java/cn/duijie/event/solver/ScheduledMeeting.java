package cn.duijie.event.solver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One agreed pair to be placed in a time slot (the planning entity). Tables are given per slot after solving;
 * the slot's table count is a hard capacity, so a table always exists.
 */
@PlanningEntity
public class ScheduledMeeting {

    @PlanningId
    private String id;
    private SchedulingParticipant a;
    private SchedulingParticipant b;
    /** Weight of placing this pair: mutual interest and match score. */
    private int priority;
    private boolean mutual;
    private List<Integer> commonSlots;

    @PlanningVariable(valueRangeProviderRefs = "commonSlots", allowsUnassigned = true)
    private Integer slot;

    @PlanningPin
    private boolean pinned;

    public ScheduledMeeting() {
    }

    public ScheduledMeeting(String id, SchedulingParticipant a, SchedulingParticipant b, boolean mutual, double score,
                            int slotCount) {
        this.id = id;
        this.a = a;
        this.b = b;
        this.mutual = mutual;
        this.priority = priorityOf(mutual, score);
        BitSet common = (BitSet) a.getAvailableSlots().clone();
        common.and(b.getAvailableSlots());
        List<Integer> slots = new ArrayList<>();
        for (int s = common.nextSetBit(0); s >= 0 && s < slotCount; s = common.nextSetBit(s + 1)) {
            slots.add(s);
        }
        this.commonSlots = slots;
    }

    /** Mutual interest first, then the match score (0..1). */
    public static int priorityOf(boolean mutual, double score) {
        return 1000 + (mutual ? 1000 : 0) + (int) Math.round(Math.max(0, Math.min(1, score)) * 500);
    }

    @ValueRangeProvider(id = "commonSlots")
    public List<Integer> getCommonSlots() {
        return commonSlots;
    }

    public List<SchedulingParticipant> getParticipants() {
        return List.of(a, b);
    }

    public String getId() {
        return id;
    }

    public SchedulingParticipant getA() {
        return a;
    }

    public SchedulingParticipant getB() {
        return b;
    }

    public int getPriority() {
        return priority;
    }

    public boolean isMutual() {
        return mutual;
    }

    public Integer getSlot() {
        return slot;
    }

    public void setSlot(Integer slot) {
        this.slot = slot;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return id + "@" + slot;
    }
}
