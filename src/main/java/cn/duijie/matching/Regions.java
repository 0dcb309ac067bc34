package cn.duijie.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The regions part of the matching snapshot: each region's level, name and the region it lies within. */
public record Regions(Map<String, String> parent, Map<String, String> level, Map<String, String> names) {

    /** A region and the two above it, as the graph's (:Region)-[:WITHIN*0..2]->(:Region). */
    public List<String> regionAndAbove(String region) {
        List<String> out = new ArrayList<>(3);
        for (String r = region; r != null && out.size() < 3; r = parent.get(r)) {
            out.add(r);
        }
        return out;
    }

    /** The city a region is in (itself when it is one), or null. */
    public String cityOf(String region) {
        return regionAndAbove(region).stream().filter(r -> "CITY".equals(level.get(r))).findFirst().orElse(null);
    }
}
