package cn.duijie.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The three scorers against small hand-computed cases, without Quarkus (weights are the configuration's defaults). */
class ScorerTest {

    static MatchingConfig config() {
        SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(MatchingConfig.class)
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter()).build();
        return c.getConfigMapping(MatchingConfig.class);
    }

    private static final SupplySignals.Party BUYER = new SupplySignals.Party("B", "链主");

    private static SupplySignals supply(SupplySignals.ProductFit fit, Double km, int peers, boolean feeds, String tier,
                                        Long employees, int deals, int mets) {
        return new SupplySignals(BUYER, new SupplySignals.Party("C", "供应商"), "321100", "精密轴承", List.of(), fit, km, peers,
                peers > 0 ? 1 : 0, peers > 0 ? List.of(new SupplySignals.Party("P", "同行")) : List.of(),
                feeds ? new SupplySignals.Feeds("X", "轴承", "S1", "零部件", "S2", "整车") : null, tier, employees, deals, mets, false);
    }

    @Test
    void supplyScoreAddsEveryWeightedSignal() {
        SupplyScorer scorer = new SupplyScorer(config().supply());
        SupplySignals.ProductFit exact = new SupplySignals.ProductFit(1.0, SupplySignals.How.EXACT, "X", "轴承", "X", "轴承");
        // .35·1 + .2·e^(-10/100) + .08 + .17·min(1, 3/3) + .1·.7 + .04·(log10(1000)/3.5) + .06·min(1, (1 + 2·.5)/2)
        MatchModel.Match m = scorer.score(supply(exact, 10.0, 3, true, "SPECIALIZED", 999L, 1, 2));
        assertEquals(0.9453, m.score());
        assertEquals(List.of("PRODUCT_EXACT", "DISTANCE", "SUPPLIES_PEERS", "FEEDS_SEGMENT", "TIER", "TRACK_RECORD", "SCALE"),
                m.reasons().stream().map(MatchModel.Reason::code).toList());
        assertEquals(0.35, m.reasons().get(0).weight());
        assertTrue(m.reasons().get(0).path().text().contains("—需要→ 轴承 ←生产— 供应商"), m.reasons().get(0).path().text());
    }

    @Test
    void aTextHitFarAwayWithNothingElseScoresLittle() {
        SupplyScorer scorer = new SupplyScorer(config().supply());
        // .35·.25 + .2·.3 (distance unknown)
        MatchModel.Match m = scorer.score(supply(SupplySignals.ProductFit.text(0.25), null, 0, false, "NONE", null, 0, 0));
        assertEquals(0.1475, m.score());
        assertEquals(List.of("TEXT_MATCH", "DISTANCE"), m.reasons().stream().map(MatchModel.Reason::code).toList());
        assertEquals(0.25, scorer.textFit(2.0, 4.0));
        assertEquals(1.0, scorer.withText(0.97));
    }

    @Test
    void techScoreWeighsFitReadinessNearnessAndExperience() {
        TechScorer scorer = new TechScorer(config().tech());
        TechSignals s = new TechSignals(BUYER, "成型难题", "ACHIEVEMENT", "A1", "成果", 6, 0.85, TechSignals.How.TECH, "T2", "预浸料",
                "T1", "复合材料", 150.0, "I1", "某大学", "320100", false, 5, 1);
        // (.45·.85 + .12·6/9 + .15·e^-1 + .18·min(1, 5/10)·.5 + .05·1/2) / .95
        MatchModel.Match m = scorer.score(s);
        assertEquals(0.6186, m.score());
        assertEquals("TECHNOLOGY_FIT", m.reasons().get(0).code());
        assertEquals(List.of(), m.flags());
    }

    @Test
    void fundScoreIsTheWeightedSumOfItsParts() {
        FundScorer scorer = new FundScorer(config().finance());
        FundSignals fits = new FundSignals(BUYER, "F1", "成长基金", "320100", "", List.of("零部件"), List.of("汽车"), List.of("A", "B"),
                List.of("EQUITY"), 1000.0, 5000.0, new FundSignals.Adjacent("S", "供应商", true), null, 0, 3000.0, "A", "EQUITY");
        // focus .25 + stage .15 + instrument .12 + ticket .28 + adjacency .12
        assertEquals(0.92, scorer.score(fits).score());
        FundSignals partly = new FundSignals(BUYER, "F2", "早期基金", "320100", "", List.of(), List.of("汽车"), List.of("SEED"),
                List.of("EQUITY"), 1000.0, 5000.0, null, new SupplySignals.Party("R", "同城同行"), 0, 500.0, "A", null);
        // chain focus .25·.6 + instrument unstated .12·.5 + ticket outside .28·(.5·500/1000)
        MatchModel.Match m = scorer.score(partly);
        assertEquals(0.28, m.score());
        assertEquals(List.of("CONFLICT_OF_INTEREST"), m.flags());
        assertTrue(m.reasons().stream().anyMatch(r -> r.code().equals("TICKET_OUTSIDE")));
    }
}
