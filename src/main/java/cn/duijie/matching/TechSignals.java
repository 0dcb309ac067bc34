package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

/**
 * Everything the 产学研 score of one (TECH need, research candidate) pair depends on, built from the snapshot by
 * {@link TechMatcher} and scored by {@link TechScorer}. The candidate is an achievement, an institution or an expert.
 *
 * @param fit  the final technology fit in [0, 1] (text hits already scaled to the need's best hit)
 * @param km   distance from the candidate's institution to the firm, null when unknown
 */
public record TechSignals(SupplySignals.Party buyer, String needTitle, CandidateType type, String id, String name, Integer trl,
                          double fit, How how, String viaCode, String viaName, String wantCode, String wantName,
                          Double km, String institutionId, String institutionName, String regionCode,
                          boolean collaboratedWithBuyer, int collaborations, int deals) {

    /** How the candidate fits: a technology in the tree, an application to a wanted product, or full text only. */
    public enum How { TECH, PRODUCT, TEXT }
}
