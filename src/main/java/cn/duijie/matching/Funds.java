package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The funds part of the matching snapshot: every fund by id and in id order, the funds focused on each chain or
 * segment, and the funds holding each firm (its investors), each list in fund id order.
 */
public record Funds(Map<String, Fund> byId, List<Fund> all, Map<String, List<Fund>> byFocus,
                    Map<String, List<Fund>> byHolding) {

    /** The views of {@code byId} (in id order); built once per load of the funds. */
    static Funds of(Map<String, Fund> byId) {
        Map<String, List<Fund>> byFocus = new HashMap<>();
        Map<String, List<Fund>> byHolding = new HashMap<>();
        for (Fund f : byId.values()) {
            f.chains().forEach(x -> byFocus.computeIfAbsent(x, k -> new ArrayList<>()).add(f));
            f.segments().forEach(x -> byFocus.computeIfAbsent(x, k -> new ArrayList<>()).add(f));
            f.portfolio().forEach(p -> byHolding.computeIfAbsent(p, k -> new ArrayList<>()).add(f));
        }
        return new Funds(Collections.unmodifiableMap(byId), List.copyOf(byId.values()), byFocus, byHolding);
    }

    /** A fund or bank product as fund matching sees it; {@code trackKey} is its key in the track records (FUND:id). */
    public record Fund(String id, String name, String regionCode, List<String> stages, List<String> instruments, Double min,
                       Double max, String mandate, List<String> chains, List<String> segments, List<String> portfolio,
                       String trackKey) {
        /** A fund without a region mandate admits every firm; a guidance fund only firms inside its region. */
        boolean admits(List<String> regionAndAbove) {
            return mandate.isEmpty() || regionAndAbove.contains(mandate);
        }

        static String trackKey(String id) {
            return "FUND:" + id;
        }
    }
}
