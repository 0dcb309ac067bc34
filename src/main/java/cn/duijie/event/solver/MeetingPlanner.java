package cn.duijie.event.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * The scheduler's rules that do not depend on a store: the solver configuration (shared by the service and the
 * benchmark), table numbers per slot, why a pair stayed unplaced, a greedy baseline and an upper bound.
 */
public final class MeetingPlanner {

    private MeetingPlanner() {
    }

    /** Time limits and seed of a run; NO_ASSERT (reproducible; REPRODUCIBLE is its deprecated alias in 1.32) plus a fixed seed. */
    public record Settings(Duration spentLimit, Duration unimprovedSpentLimit, long randomSeed) {
    }

    public enum UnplacedReason { NO_COMMON_SLOT, MAX_MEETINGS, NO_FREE_SLOT }

    /** Applies the scheduling settings to a solver configuration (the Quarkus one, or a plain one). */
    public static SolverConfig configure(SolverConfig base, Settings settings) {
        return base.copyConfig()
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(settings.randomSeed())
                .withTerminationSpentLimit(settings.spentLimit())
                .withTerminationUnimprovedSpentLimit(settings.unimprovedSpentLimit());
    }

    /** The same configuration outside Quarkus (benchmark). */
    public static SolverConfig standalone(Settings settings) {
        return configure(new SolverConfig()
                .withSolutionClass(MeetingSchedule.class)
                .withEntityClasses(ScheduledMeeting.class)
                .withConstraintProviderClass(MeetingConstraints.class), settings);
    }

    /**
     * Table numbers for the placed meetings: meetings with a kept table first, then the rest, each slot's tables
     * from 1 in the order of the meetings' ids.
     */
    public static Map<String, Integer> assignTables(List<ScheduledMeeting> meetings, Map<String, Integer> keptTables) {
        Map<Integer, Set<Integer>> used = new HashMap<>();
        Map<String, Integer> tables = new LinkedHashMap<>();
        for (ScheduledMeeting m : meetings) {
            Integer kept = keptTables.get(m.getId());
            if (m.getSlot() != null && kept != null && used.computeIfAbsent(m.getSlot(), s -> new HashSet<>()).add(kept)) {
                tables.put(m.getId(), kept);
            }
        }
        List<ScheduledMeeting> rest = meetings.stream()
                .filter(m -> m.getSlot() != null && !tables.containsKey(m.getId()))
                .sorted(Comparator.comparing(ScheduledMeeting::getId)).toList();
        for (ScheduledMeeting m : rest) {
            Set<Integer> taken = used.computeIfAbsent(m.getSlot(), s -> new HashSet<>());
            int t = 1;
            while (taken.contains(t)) {
                t++;
            }
            taken.add(t);
            tables.put(m.getId(), t);
        }
        return tables;
    }

    /** Why a pair is not in the schedule, given the placed meetings. */
    public static UnplacedReason reasonFor(ScheduledMeeting m, Map<String, Integer> placedCount) {
        if (m.getCommonSlots().isEmpty()) {
            return UnplacedReason.NO_COMMON_SLOT;
        }
        for (SchedulingParticipant p : m.getParticipants()) {
            if (placedCount.getOrDefault(p.getId(), 0) >= p.getMaxMeetings()) {
                return UnplacedReason.MAX_MEETINGS;
            }
        }
        return UnplacedReason.NO_FREE_SLOT;
    }

    public static Map<String, Integer> placedCounts(List<ScheduledMeeting> meetings) {
        Map<String, Integer> counts = new HashMap<>();
        for (ScheduledMeeting m : meetings) {
            if (m.getSlot() != null) {
                for (SchedulingParticipant p : m.getParticipants()) {
                    counts.merge(p.getId(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Checks the hard rules on a finished schedule; returns the violations found (empty when feasible). */
    public static List<String> violations(MeetingSchedule s) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> busy = new HashMap<>();
        Map<Integer, Integer> perSlot = new HashMap<>();
        for (ScheduledMeeting m : s.getMeetings()) {
            if (m.getSlot() == null) {
                continue;
            }
            if (!m.getCommonSlots().contains(m.getSlot())) {
                out.add(m.getId() + " outside availability");
            }
            if (perSlot.merge(m.getSlot(), 1, Integer::sum) > s.getCapacity().tableCount()) {
                out.add("slot " + m.getSlot() + " over tables");
            }
            for (SchedulingParticipant p : m.getParticipants()) {
                if (busy.merge(p.getId() + "#" + m.getSlot(), 1, Integer::sum) > 1) {
                    out.add(p.getId() + " double-booked in slot " + m.getSlot());
                }
            }
        }
        placedCounts(s.getMeetings()).forEach((pid, n) -> s.getParticipants().stream()
                .filter(p -> p.getId().equals(pid) && n > p.getMaxMeetings())
                .forEach(p -> out.add(pid + " over maxMeetings")));
        return out;
    }

    /**
     * Baseline: highest priority first, each into the first slot where both sides are free and a table is left.
     * Meetings that already have a slot (pinned) are kept and occupy their seats first.
     */
    public static Map<String, Integer> greedy(MeetingSchedule s) {
        Map<String, Integer> assignment = new LinkedHashMap<>();
        Map<String, Set<Integer>> busy = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int[] perSlot = new int[s.getCapacity().slotCount()];
        List<ScheduledMeeting> order = new ArrayList<>();
        for (ScheduledMeeting m : s.getMeetings()) {
            if (m.isPinned() && m.getSlot() != null) {
                take(m, m.getSlot(), busy, counts, perSlot);
                assignment.put(m.getId(), m.getSlot());
            } else {
                order.add(m);
            }
        }
        order.sort(Comparator.comparingInt(ScheduledMeeting::getPriority).reversed().thenComparing(ScheduledMeeting::getId));
        for (ScheduledMeeting m : order) {
            String a = m.getA().getId();
            String b = m.getB().getId();
            if (counts.getOrDefault(a, 0) >= m.getA().getMaxMeetings() || counts.getOrDefault(b, 0) >= m.getB().getMaxMeetings()) {
                continue;
            }
            for (int slot : m.getCommonSlots()) {
                if (perSlot[slot] < s.getCapacity().tableCount()
                        && !busy.getOrDefault(a, Set.of()).contains(slot) && !busy.getOrDefault(b, Set.of()).contains(slot)) {
                    take(m, slot, busy, counts, perSlot);
                    assignment.put(m.getId(), slot);
                    break;
                }
            }
        }
        return assignment;
    }

    private static void take(ScheduledMeeting m, int slot, Map<String, Set<Integer>> busy, Map<String, Integer> counts,
                             int[] perSlot) {
        perSlot[slot]++;
        for (SchedulingParticipant p : m.getParticipants()) {
            busy.computeIfAbsent(p.getId(), k -> new HashSet<>()).add(slot);
            counts.merge(p.getId(), 1, Integer::sum);
        }
    }

    /** Starts the solver from the greedy schedule, so it can only improve on it. */
    public static MeetingSchedule warmStart(MeetingSchedule s) {
        Map<String, Integer> plan = greedy(s);
        for (ScheduledMeeting m : s.getMeetings()) {
            if (!m.isPinned()) {
                m.setSlot(plan.get(m.getId()));
            }
        }
        return s;
    }

    /**
     * An upper bound on placeable pairs: pairs placeable on their own (a common free slot, both caps above 0), capped
     * by slots × tables and by half the sum over participants of min(free slots, maxMeetings, own pairs).
     */
    public static int upperBound(MeetingSchedule s) {
        int alone = 0;
        Map<String, Integer> degree = new HashMap<>();
        for (ScheduledMeeting m : s.getMeetings()) {
            if (!m.getCommonSlots().isEmpty() && m.getA().getMaxMeetings() > 0 && m.getB().getMaxMeetings() > 0) {
                alone++;
                degree.merge(m.getA().getId(), 1, Integer::sum);
                degree.merge(m.getB().getId(), 1, Integer::sum);
            }
        }
        long seats = 0;
        for (SchedulingParticipant p : s.getParticipants()) {
            int free = p.getAvailableSlots().get(0, s.getCapacity().slotCount()).cardinality();
            seats += Math.min(Math.min(free, p.getMaxMeetings()), degree.getOrDefault(p.getId(), 0));
        }
        long bySeats = seats / 2;
        long byTables = (long) s.getCapacity().slotCount() * s.getCapacity().tableCount();
        return (int) Math.min(alone, Math.min(bySeats, byTables));
    }
}
