package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

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

    private static SupplySignals supply(SupplySignals.ProductFit fit, SupplySignals.Text text, Double km, int peers, boolean feeds,
                                        String tier, Long employees, int deals, int mets) {
        return new SupplySignals(BUYER, new SupplySignals.Party("C", "供应商"), "321100", "精密轴承", List.of(), fit, null, text,
                km, peers, peers > 0 ? 1 : 0, peers > 0 ? List.of(new SupplySignals.Party("P", "同行")) : List.of(),
                feeds ? new SupplySignals.Feeds("X", "轴承", "S1", "零部件", "S2", "整车") : null, cn.duijie.domain.Tier.of(tier), employees, deals, mets, false);
    }

    @Test
    void supplyScoreIsCapabilityTimesOrderAndItsReasonsAddUp() {
        SupplyScorer scorer = new SupplyScorer(config().supply());
        SupplySignals.ProductFit exact = new SupplySignals.ProductFit(1.0, SupplySignals.How.EXACT, "X", "轴承", "X", "轴承");
        // C = 1 − (1 − 1)(1 − .3·min(1, 3/3)) = 1
        // O = (.2·e^(-10/100) + .08 + .17·1 + .1·.7 + .04·(log10(1000)/3.5) + .06·min(1, (1 + 2·.5)/2)) / .65 = .91577
        // score = C · (.5 + .5·O)
        MatchModel.Match m = scorer.score(supply(exact, null, 10.0, 3, true, "SPECIALIZED", 999L, 1, 2));
        assertEquals(0.9579, m.score());
        assertEquals(List.of("PRODUCT_EXACT", "SUPPLIES_PEERS", "DISTANCE", "FEEDS_SEGMENT", "TIER", "TRACK_RECORD", "SCALE"),
                m.reasons().stream().map(MatchModel.Reason::code).toList());
        // the capability half is split by evidence: exact 1 against peers .3
        assertEquals(0.3846, m.reasons().get(0).weight());
        assertEquals(m.score(), m.reasons().stream().mapToDouble(MatchModel.Reason::weight).sum(), 0.0003);
        assertTrue(m.reasons().get(0).path().text().contains("—需要→ 轴承 ←生产— 供应商"), m.reasons().get(0).path().text());
        assertEquals(List.of(), m.flags());
    }

    @Test
    void withoutCapabilityEvidenceNearnessAndTierCountForNothing() {
        SupplyScorer scorer = new SupplyScorer(config().supply());
        MatchModel.Match m = scorer.score(supply(SupplySignals.ProductFit.NONE, null, 1.0, 0, true, "CHAMPION", 5000L, 3, 0));
        assertEquals(0.0, m.score());
    }

    @Test
    void aNearbyFirmSharingSomeWordsNeverPassesAFarSiblingMaker() {
        SupplyScorer scorer = new SupplyScorer(config().supply());
        SupplySignals.ProductFit sibling = new SupplySignals.ProductFit(0.4, SupplySignals.How.SIBLING, "Y", "滚子", "X", "轴承");
        // the sibling maker: unknown distance, no tier, nothing else: .4 · (.5 + .5 · .2·.3/.65)
        MatchModel.Match far = scorer.score(supply(sibling, null, null, 0, false, "NONE", null, 0, 0));
        assertEquals(0.2185, far.score());
        assertEquals(List.of("DISCOVERED"), far.flags());
        // next door, a champion with a track record, whose words cover 35 % of the need's (IDF-weighted): .5·.35 = .175 at most
        SupplySignals.Text words = new SupplySignals.Text(0.35, List.of("轴承"), false, null);
        MatchModel.Match near = scorer.score(supply(SupplySignals.ProductFit.NONE, words, 0.5, 0, true, "CHAMPION", 5000L, 3, 0));
        assertTrue(near.score() < far.score(), near.score() + " vs " + far.score());
        assertEquals("TEXT_MATCH", near.reasons().get(0).code());
    }

    @Test
    void techScoreWeighsFitReadinessNearnessAndExperience() {
        TechScorer scorer = new TechScorer(config().tech());
        TechSignals s = new TechSignals(BUYER, "成型难题", CandidateType.ACHIEVEMENT, "A1", "成果", 6, 0.85, TechSignals.How.TECH, "T2", "预浸料",
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
