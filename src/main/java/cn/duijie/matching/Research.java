package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The research part of the matching snapshot: the technology tree and who works on what — achievements,
 * institutions and experts — as 产学研 and 揭榜挂帅 matching need them. Immutable; reloaded whole when research changes.
 */
public record Research(Map<String, String> techParent, Map<String, List<String>> techChildren, Map<String, String> techNames,
                       Map<String, List<Party>> byTech, Map<String, List<Party>> byProduct, Map<String, Party> achievements,
                       Map<String, Party> institutionParties, Map<String, Institution> institutions,
                       Map<String, List<Party>> achievementsByInstitution, Map<String, Party> experts,
                       Map<String, List<String>> techKeywords) {

    /**
     * An achievement, institution or expert as 产学研 matching sees it; {@code institutionId} is its own id for an
     * institution; {@code key} (TYPE:id, its key in the track records and among candidates) is built once, at load.
     */
    public record Party(CandidateType type, String id, String name, Integer trl, String institutionId, List<String> techs,
                        List<String> products, String key) {
        public Party(CandidateType type, String id, String name, Integer trl, String institutionId, List<String> techs,
                     List<String> products) {
            this(type, id, name, trl, institutionId, techs, products, type + ":" + id);
        }
    }

    public record Institution(String id, String name, String regionCode, double lat, double lon, int collaborations,
                              Set<String> partners) {
    }

    /**
     * The technologies that count for a wanted one, with their fit from {@link MatchingConfig.Tree}: itself, narrower
     * (two levels down), the one above.
     */
    List<Map.Entry<String, Double>> around(String want, MatchingConfig.Tree fit) {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        if (!techNames.containsKey(want)) {
            return out;
        }
        out.add(Map.entry(want, fit.exact()));
        for (String child : techChildren.getOrDefault(want, List.of())) {
            out.add(Map.entry(child, fit.narrower()));
            techChildren.getOrDefault(child, List.of()).forEach(g -> out.add(Map.entry(g, fit.narrower())));
        }
        if (techParent.containsKey(want)) {
            out.add(Map.entry(techParent.get(want), fit.broader()));
        }
        return out;
    }

    /** The achievement, institution or expert with this id, or null. */
    Party party(String id) {
        Party p = institutionParties.get(id);
        if (p == null) {
            p = achievements.get(id);
        }
        return p != null ? p : experts.get(id);
    }

    /**
     * The wanted technologies a party working on {@code techs} fits in {@link #around}: each of them, the one and two
     * above it, the ones directly below it (around's inverse).
     */
    Set<String> servedBy(java.util.Collection<String> techs) {
        Set<String> out = new java.util.HashSet<>();
        for (String t : techs) {
            if (!techNames.containsKey(t)) {
                continue;
            }
            out.add(t);
            String up = techParent.get(t);
            if (up != null) {
                out.add(up);
                if (techParent.containsKey(up)) {
                    out.add(techParent.get(up));
                }
            }
            out.addAll(techChildren.getOrDefault(t, List.of()));
        }
        return out;
    }
}
