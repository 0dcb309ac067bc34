package cn.duijie.event.solver;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/** The scheduling problem of one event: slots, tables per slot, participants and the pairs to place. */
@PlanningSolution
public class MeetingSchedule {

    @ProblemFactProperty
    private SlotCapacity capacity;
    @ProblemFactCollectionProperty
    private List<SchedulingParticipant> participants;
    @PlanningEntityCollectionProperty
    private List<ScheduledMeeting> meetings;
    @PlanningScore
    private HardMediumSoftScore score;

    public MeetingSchedule() {
    }

    public MeetingSchedule(int slotCount, int tableCount, List<SchedulingParticipant> participants,
                           List<ScheduledMeeting> meetings) {
        this.capacity = new SlotCapacity(slotCount, tableCount);
        this.participants = participants;
        this.meetings = meetings;
    }

    /** How many slots the event has and how many tables each slot offers. */
    public record SlotCapacity(int slotCount, int tableCount) {
    }

    public SlotCapacity getCapacity() {
        return capacity;
    }

    public List<SchedulingParticipant> getParticipants() {
        return participants;
    }

    public List<ScheduledMeeting> getMeetings() {
        return meetings;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
