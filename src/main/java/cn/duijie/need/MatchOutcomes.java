package cn.duijie.need;

import cn.duijie.domain.CandidateType;

/**
 * MET and DEAL feedback, projected as (poster)-[:MATCH_OUTCOME {kind, needId}]->(candidate): the ranking reads them
 * as a track record. Labels come from the CandidateType enum, never from a request.
 */
final class MatchOutcomes {

    private MatchOutcomes() {
    }

    static String cypher(CandidateType candidate) {
        return "MATCH (poster:Enterprise {creditCode: $postedBy}) MATCH " + candidate.node().pattern("c", "candidateId") + " "
                + "MERGE (poster)-[o:MATCH_OUTCOME {needId: $needId, kind: $action}]->(c) SET o.at = datetime($at)";
    }
}
