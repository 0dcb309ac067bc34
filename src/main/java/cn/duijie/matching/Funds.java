package cn.duijie.matching;

import java.util.List;
import java.util.Map;

/** The funds part of the matching snapshot: every fund in id order, and the funds focused on each chain or segment. */
public record Funds(Map<String, Fund> byId, Map<String, List<Fund>> byFocus) {

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
