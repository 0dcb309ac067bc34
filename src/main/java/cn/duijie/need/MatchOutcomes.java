package cn.duijie.need;

import java.util.Map;

/**
 * MET and DEAL feedback, projected as (poster)-[:MATCH_OUTCOME {kind, needId}]->(candidate): the ranking reads them
 * as a track record. Labels come from this whitelist, never from a request.
 */
final class MatchOutcomes {

    static final Map<String, String[]> LABEL_AND_KEY = Map.of(
            "ENTERPRISE", new String[] {"Enterprise", "creditCode"},
            "INSTITUTION", new String[] {"Institution", "id"},
            "EXPERT", new String[] {"Expert", "id"},
            "ACHIEVEMENT", new String[] {"Achievement", "id"},
            "FUND", new String[] {"Fund", "id"});

    private MatchOutcomes() {
    }

    static String cypher(String candidateType) {
        String[] lk = LABEL_AND_KEY.getOrDefault(candidateType, LABEL_AND_KEY.get("ENTERPRISE"));
        return "MATCH (poster:Enterprise {creditCode: $postedBy}) MATCH (c:" + lk[0] + " {" + lk[1] + ": $candidateId}) "
                + "MERGE (poster)-[o:MATCH_OUTCOME {needId: $needId, kind: $action}]->(c) SET o.at = datetime($at)";
    }
}
