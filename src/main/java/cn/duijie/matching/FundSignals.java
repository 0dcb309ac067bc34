package cn.duijie.matching;

import java.util.List;

/**
 * Everything the score of one (FINANCE need, fund) pair depends on, built from the snapshot by
 * {@link FinanceMatcher} and scored by {@link FundScorer}.
 *
 * @param segmentFocus names of the firm's segments the fund focuses on
 * @param chainFocus   names of the firm's chains the fund focuses on
 * @param adjacent     a portfolio firm that supplies the firm or buys from it, or null
 * @param rival        a portfolio firm making the same product in the same city, or null
 */
public record FundSignals(SupplySignals.Party firm, String id, String name, String regionCode, String mandate,
                          List<String> segmentFocus, List<String> chainFocus, List<String> stages, List<String> instruments,
                          Double min, Double max, Adjacent adjacent, SupplySignals.Party rival, int deals,
                          Double amountWan, String stage, String instrument) {

    /** A portfolio firm next to the firm in the supply chain: UPSTREAM (supplies it) or DOWNSTREAM (buys from it). */
    public record Adjacent(String id, String name, boolean upstream) {
    }
}
