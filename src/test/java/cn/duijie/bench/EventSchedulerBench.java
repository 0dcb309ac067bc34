package cn.duijie.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import ai.timefold.solver.core.api.solver.SolverFactory;
import cn.duijie.event.solver.MeetingPlanner;
import cn.duijie.event.solver.MeetingSchedule;
import cn.duijie.event.solver.ScheduledMeeting;
import cn.duijie.event.solver.SchedulingParticipant;

/**
 * Scheduler benchmark (not a test): 300 participants, 1,500 accepted requests, 12 slots × 40 tables, in memory,
 * with the service's solver configuration. Prints placed pairs against an upper bound and a greedy baseline.
 * Run: ./mvnw -B -Pbench test-compile exec:java   (optional -Dbench.seed=7 -Dbench.timeLimit=PT5S)
 */
public final class EventSchedulerBench {

    public static void main(String[] args) {
        long seed = Long.getLong("bench.seed", 7L);
        Duration limit = Duration.parse(System.getProperty("bench.timeLimit", "PT5S"));
        Duration unimproved = Duration.parse(System.getProperty("bench.unimprovedLimit", "PT1S"));
        int participants = 300;
        int requests = 1500;
        int slots = 12;
        int tables = 40;

        MeetingSchedule problem = build(new Random(seed), participants, requests, slots, tables);
        int bound = MeetingPlanner.upperBound(problem);
        int placeableAlone = (int) problem.getMeetings().stream().filter(m -> !m.getCommonSlots().isEmpty()).count();

        long g0 = System.nanoTime();
        java.util.Map<String, Integer> greedyPlan = MeetingPlanner.greedy(problem);
        int greedy = greedyPlan.size();
        Quality greedyQ = quality(problem, m -> greedyPlan.containsKey(m.getId()));
        long greedyMs = (System.nanoTime() - g0) / 1_000_000;

        SolverFactory<MeetingSchedule> factory = SolverFactory.create(MeetingPlanner.standalone(
                new MeetingPlanner.Settings(limit, unimproved, 42L)));
        long t0 = System.nanoTime();
        MeetingSchedule solved = factory.buildSolver().solve(MeetingPlanner.warmStart(problem));
        long solverMs = (System.nanoTime() - t0) / 1_000_000;
        int placed = (int) solved.getMeetings().stream().filter(m -> m.getSlot() != null).count();
        List<String> violations = MeetingPlanner.violations(solved);
        int mutualPlaced = (int) solved.getMeetings().stream().filter(m -> m.getSlot() != null && m.isMutual()).count();
        int mutualTotal = (int) solved.getMeetings().stream().filter(ScheduledMeeting::isMutual).count();

        System.out.printf("%nDuijie scheduler benchmark: %d participants, %d accepted requests, %d slots x %d tables (seed %d)%n",
                participants, requests, slots, tables, seed);
        System.out.printf("  requests placeable ignoring the others: %d%n", placeableAlone);
        System.out.printf("  upper bound (pairs, seats, tables):     %d%n", bound);
        System.out.printf("  greedy baseline:                     %4d placed (%.1f%% of bound) in %d ms%n", greedy, 100.0 * greedy / bound, greedyMs);
        System.out.printf("  Timefold solver (from greedy start):  %4d placed (%.1f%% of bound) in %d ms, score %s, hard violations %d%n",
                placed, 100.0 * placed / bound, solverMs, solved.getScore(), violations.size());
        Quality solverQ = quality(solved, m -> m.getSlot() != null);
        System.out.printf("  mutual pairs placed:  greedy %d, solver %d (of %d)%n", greedyQ.mutual(), mutualPlaced, mutualTotal);
        System.out.printf("  minimum targets unmet (meetings short): greedy %d, solver %d%n", greedyQ.shortfall(), solverQ.shortfall());
        System.out.printf("  participants with no meeting: greedy %d, solver %d%n", greedyQ.empty(), solverQ.empty());
        System.out.printf("  time limit %s, unimproved limit %s: %s%n", limit, unimproved,
                solverMs <= 10_000 ? "within the 10 s target" : "OVER the 10 s target");
    }

    record Quality(int mutual, int shortfall, int empty) {
    }

    static Quality quality(MeetingSchedule s, java.util.function.Predicate<ScheduledMeeting> placed) {
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        int mutual = 0;
        for (ScheduledMeeting m : s.getMeetings()) {
            if (placed.test(m)) {
                mutual += m.isMutual() ? 1 : 0;
                count.merge(m.getA().getId(), 1, Integer::sum);
                count.merge(m.getB().getId(), 1, Integer::sum);
            }
        }
        int shortfall = 0;
        int empty = 0;
        for (SchedulingParticipant p : s.getParticipants()) {
            int c = count.getOrDefault(p.getId(), 0);
            shortfall += Math.max(0, p.getMinTarget() - c);
            empty += c == 0 ? 1 : 0;
        }
        return new Quality(mutual, shortfall, empty);
    }

    /** Random but realistic: 60 hosts get most requests; people are away for 0–4 slots; caps 6–12. */
    static MeetingSchedule build(Random rnd, int n, int requests, int slots, int tables) {
        List<SchedulingParticipant> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BitSet free = new BitSet(slots);
            free.set(0, slots);
            int away = rnd.nextInt(5);
            int from = rnd.nextInt(slots);
            for (int k = 0; k < away; k++) {
                free.clear((from + k) % slots);
            }
            int max = 6 + rnd.nextInt(7);
            ps.add(new SchedulingParticipant("p" + i, free, max, rnd.nextInt(4) == 0 ? 3 : 0));
        }
        int hosts = 60;
        Set<String> pairs = new HashSet<>();
        List<ScheduledMeeting> meetings = new ArrayList<>();
        while (meetings.size() < requests) {
            int a = rnd.nextInt(10) < 7 ? rnd.nextInt(hosts) : rnd.nextInt(n);
            int b = hosts + rnd.nextInt(n - hosts);
            if (a == b) {
                continue;
            }
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            if (!pairs.add(lo + "|" + hi)) {
                continue;
            }
            meetings.add(new ScheduledMeeting("m" + meetings.size(), ps.get(lo), ps.get(hi), rnd.nextInt(5) == 0,
                    rnd.nextDouble(), slots));
        }
        return new MeetingSchedule(slots, tables, ps, meetings);
    }
}
