package cn.duijie.event.solver;

import java.util.BitSet;

/** A participant as the scheduler sees it: free slots and meeting caps (a problem fact). */
public final class SchedulingParticipant {

    private final String id;
    private final BitSet availableSlots;
    private final int maxMeetings;
    private final int minTarget;

    public SchedulingParticipant(String id, BitSet availableSlots, int maxMeetings, int minTarget) {
        this.id = id;
        this.availableSlots = availableSlots;
        this.maxMeetings = maxMeetings;
        this.minTarget = minTarget;
    }

    public String getId() {
        return id;
    }

    public BitSet getAvailableSlots() {
        return availableSlots;
    }

    public int getMaxMeetings() {
        return maxMeetings;
    }

    public int getMinTarget() {
        return minTarget;
    }

    @Override
    public String toString() {
        return id;
    }
}
