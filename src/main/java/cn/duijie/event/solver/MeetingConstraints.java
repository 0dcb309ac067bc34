package cn.duijie.event.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * Hard: nobody in two meetings of one slot, no more meetings in a slot than tables, per-participant maxima
 * (availability is structural: a meeting only ever takes one of both sides' common free slots).
 * Medium: place as many pairs as possible, mutual and high-score pairs first, and fill minimum targets before that.
 * Soft: spread the load over slots and over participants.
 */
public class MeetingConstraints implements ConstraintProvider {

    /** Worth of one meeting that brings a participant closer to its minimum target; above any single pair's priority. */
    static final int MIN_TARGET_WEIGHT = 3000;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                participantDoubleBooked(f),
                tablesPerSlot(f),
                maxMeetingsPerParticipant(f),
                unplacedPair(f),
                minimumTargets(f),
                slotLoadSpread(f),
                participantLoadSpread(f)
        };
    }

    Constraint participantDoubleBooked(ConstraintFactory f) {
        return f.forEach(ScheduledMeeting.class)
                .flatten(ScheduledMeeting::getParticipants)
                .groupBy((m, p) -> p, (m, p) -> m.getSlot(), ConstraintCollectors.countBi())
                .filter((p, slot, count) -> count > 1)
                .penalize(HardMediumSoftScore.ONE_HARD, (p, slot, count) -> count - 1)
                .asConstraint("nobody in two meetings of one slot");
    }

    Constraint tablesPerSlot(ConstraintFactory f) {
        return f.forEach(ScheduledMeeting.class)
                .groupBy(ScheduledMeeting::getSlot, ConstraintCollectors.count())
                .join(MeetingSchedule.SlotCapacity.class)
                .filter((slot, count, cap) -> count > cap.tableCount())
                .penalize(HardMediumSoftScore.ONE_HARD, (slot, count, cap) -> count - cap.tableCount())
                .asConstraint("no more meetings in a slot than tables");
    }

    Constraint maxMeetingsPerParticipant(ConstraintFactory f) {
        return f.forEach(ScheduledMeeting.class)
                .flatten(ScheduledMeeting::getParticipants)
                .groupBy((m, p) -> p, ConstraintCollectors.countBi())
                .filter((p, count) -> count > p.getMaxMeetings())
                .penalize(HardMediumSoftScore.ONE_HARD, (p, count) -> count - p.getMaxMeetings())
                .asConstraint("at most maxMeetings per participant");
    }

    Constraint unplacedPair(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(ScheduledMeeting.class)
                .filter(m -> m.getSlot() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, ScheduledMeeting::getPriority)
                .asConstraint("place agreed pairs, mutual and high score first");
    }

    Constraint minimumTargets(ConstraintFactory f) {
        return f.forEach(ScheduledMeeting.class)
                .flatten(ScheduledMeeting::getParticipants)
                .groupBy((m, p) -> p, ConstraintCollectors.countBi())
                .filter((p, count) -> p.getMinTarget() > 0)
                .reward(HardMediumSoftScore.ofMedium(MIN_TARGET_WEIGHT),
                        (p, count) -> Math.min(count, p.getMinTarget()))
                .asConstraint("meet minimum targets first");
    }

    Constraint slotLoadSpread(ConstraintFactory f) {
        return f.forEach(ScheduledMeeting.class)
                .groupBy(ScheduledMeeting::getSlot, ConstraintCollectors.count())
                .penalize(HardMediumSoftScore.ONE_SOFT, (slot, count) -> count * count)
                .asConstraint("spread meetings over slots");
    }

    Constraint participantLoadSpread(ConstraintFactory f) {
        return f.forEach(ScheduledMeeting.class)
                .flatten(ScheduledMeeting::getParticipants)
                .groupBy((m, p) -> p, ConstraintCollectors.countBi())
                .penalize(HardMediumSoftScore.ONE_SOFT, (p, count) -> count * count)
                .asConstraint("spread meetings over participants");
    }
}
