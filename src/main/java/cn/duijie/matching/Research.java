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

    /** An achievement, institution or expert as 产学研 matching sees it; {@code institutionId} is its own id for an institution. */
    public record Party(CandidateType type, String id, String name, Integer trl, String institutionId, List<String> techs,
                        List<String> products) {
        /** The key of its track record: TYPE:id. */
        String key() {
            return type + ":" + id;
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
}
