package cn.duijie.cultivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each scoring rule pinned with firms built to sit exactly on, and just off, its threshold. */
class ReadinessRulesTest {

    private static final Criteria.Settings S = Criteria.Settings.DEFAULTS;

    /** An INNOVATIVE firm exactly on every 2号文 专精特新 line. */
    static Map<String, Object> onTheSpecializedLine2026() {
        Map<String, Object> m = new HashMap<>();
        m.put("creditCode", "X");
        m.put("tier", "INNOVATIVE");
        m.put("nicheYears", 3);
        m.put("rdSpendWan", 100.0);
        m.put("rdSpendPrevWan", 100.0);
        m.put("rdRatio", 0.03);
        m.put("rdRatioPrev", 0.03);
        m.put("revenueWan", 1500.0);
        m.put("equityRaisedWan", 0.0);
        m.put("mainBusinessShare", 0.8);
        m.put("debtRatio", 0.8);
        m.put("ipClass1", 1);
        m.put("scienceAward", "NONE");
        m.put("rdInstitutionLevel", "NONE");
        m.put("developmentScore", 50);
        return m;
    }

    static ReadinessApi.Assessment specialized(Map<String, Object> m, Regime regime) {
        return Readiness.assess(FirmFacts.from(m), Criteria.of("SPECIALIZED", regime, S));
    }

    @Test
    void aFirmExactlyOnEverySpecializedLineIsEligibleWithNoGaps() {
        ReadinessApi.Assessment a = specialized(onTheSpecializedLine2026(), Regime.N2026);
        assertEquals(Boolean.TRUE, a.eligible(), a.toString());
        assertEquals(List.of(), a.gaps());
        assertEquals(List.of(), a.missing());
    }

    @ParameterizedTest
    @CsvSource({"nicheYears,2.99", "rdSpendWan,99.9", "rdSpendPrevWan,99", "rdRatio,0.0299", "rdRatioPrev,0.029",
            "revenueWan,1499", "mainBusinessShare,0.7999", "debtRatio,0.8001", "ipClass1,0", "developmentScore,49.9"})
    void missingTheSpecializedLineByOneIndicatorGivesExactlyThatGap(String field, double value) {
        Map<String, Object> m = onTheSpecializedLine2026();
        m.put(field, value);
        ReadinessApi.Assessment a = specialized(m, Regime.N2026);
        assertEquals(Boolean.FALSE, a.eligible());
        assertEquals(1, a.gaps().size(), a.gaps().toString());
        assertEquals(field, a.gaps().get(0).code());
        assertEquals("REQUIREMENT", a.gaps().get(0).kind());
    }

    @Test
    void equityRaisedReplacesRevenueAndAnAwardWaivesTheIpCondition() {
        Map<String, Object> m = onTheSpecializedLine2026();
        m.put("revenueWan", 800.0);
        m.put("equityRaisedWan", 2000.0);
        m.put("ipClass1", 0);
        m.put("rdInstitutionLevel", "PROVINCIAL");
        assertEquals(Boolean.TRUE, specialized(m, Regime.N2026).eligible());
    }

    @Test
    void missingDataIsReportedAsMissingNeverAsAGap() {
        Map<String, Object> m = onTheSpecializedLine2026();
        m.remove("rdRatioPrev");
        m.remove("developmentScore");
        ReadinessApi.Assessment a = specialized(m, Regime.N2026);
        assertNull(a.eligible());
        assertEquals(List.of("rdRatioPrev", "developmentScore"), a.missing());
        assertEquals(List.of(), a.gaps());
        m.put("nicheYears", 1);
        a = specialized(m, Regime.N2026);
        assertEquals(Boolean.FALSE, a.eligible(), "a failed condition decides even with data missing");
        assertEquals(List.of("nicheYears"), a.gaps().stream().map(ReadinessApi.Gap::code).toList());
    }

    @Test
    void theSpecializedTierNeedsTheInnovativeTitleFirst() {
        Map<String, Object> m = onTheSpecializedLine2026();
        m.put("tier", "POOL");
        ReadinessApi.Assessment a = specialized(m, Regime.N2026);
        assertEquals(List.of("tier"), a.gaps().stream().map(ReadinessApi.Gap::code).toList());
    }

    /** A 63号 firm: hard conditions met, every indicator at its lowest non-zero band unless set. */
    static Map<String, Object> specialized2022() {
        Map<String, Object> m = new HashMap<>();
        m.put("tier", "INNOVATIVE");
        m.put("nicheYears", 2);          // requirement ≥2; 1 point
        m.put("rdSpendWan", 100.0);      // requirement ≥100; 2 points
        m.put("rdRatio", 0.03);          // requirement ≥3%
        m.put("revenueWan", 1000.0);     // requirement ≥1000
        m.put("mainBusinessShare", 0.8); // 5
        m.put("revenueGrowth", 0.10);    // 10
        m.put("keyField", "KEY_LINK");   // 5
        m.put("digitalLevel", 3);        // 5
        m.put("certifications", List.of("ISO9001"));
        m.put("ownBrand", true);         // 5
        m.put("netMarginRatio", 0.10);   // 10
        m.put("debtRatio", 0.5);         // 5
        m.put("marketShare", 0.10);      // 6
        m.put("ipClass1", 1);            // 6
        m.put("ipClass2", 0);
        m.put("rdStaffShare", 0.05);     // 1
        m.put("rdInstitutionLevel", "NONE"); // 0
        m.put("scienceAward", "NONE");
        return m;
    }

    @Test
    void the2022ScoreAddsTheBandsAndSixtyPasses() {
        ReadinessApi.Assessment a = specialized(specialized2022(), Regime.P2022);
        assertEquals(61, a.score());
        assertEquals(Boolean.TRUE, a.eligible());
        Map<String, Object> m = specialized2022();
        m.put("rdStaffShare", 0.0499); // 1 → 0 points: 60 still passes
        assertEquals(60, specialized(m, Regime.P2022).score());
        assertEquals(Boolean.TRUE, specialized(m, Regime.P2022).eligible());
        m.put("nicheYears", 2.5); // still 1 point
        m.put("debtRatio", 0.5001); // 5 → 3 points: 58 fails
        ReadinessApi.Assessment b = specialized(m, Regime.P2022);
        assertEquals(58, b.score());
        // only the 9 provincial points are unknown, and 58 + 9 ≥ 60: undecided rather than failed
        assertNull(b.eligible());
        assertEquals(4, b.gaps().get(0).gain(), "the biggest steps: research institution 0 → 4, high-value IP 6 → 10");
        assertTrue(b.gaps().stream().noneMatch(g -> List.of("mainBusinessShare", "revenueGrowth", "keyField", "digitalLevel",
                "netMarginRatio", "marketShare", "ownBrand").contains(g.code())), "indicators at their maximum are no gaps: " + b.gaps());
        assertTrue(b.gaps().stream().allMatch(g -> g.gain() > 0));
    }

    @Test
    void a2022DirectRouteReplacesTheScoreButNotTheHardConditions() {
        Map<String, Object> m = specialized2022();
        m.put("netMarginRatio", 0.0);
        m.put("marketShare", 0.0);
        m.put("revenueGrowth", -0.1);
        m.put("scienceAward", "PROVINCIAL");
        ReadinessApi.Assessment a = specialized(m, Regime.P2022);
        assertEquals(Boolean.TRUE, a.eligible());
        assertEquals(List.of(), a.gaps());
        m.put("rdSpendWan", 99.0);
        a = specialized(m, Regime.P2022);
        assertEquals(Boolean.FALSE, a.eligible());
        assertEquals("rdSpendWan", a.gaps().get(0).code());
    }

    @ParameterizedTest
    @CsvSource({"rdRatio,0.05,20", "rdRatio,0.0499,15", "rdRatio,0.03,15", "rdRatio,0.0299,10", "rdRatio,0.0099,0",
            "revenueGrowth,0.15,20", "revenueGrowth,0.1499,15", "revenueGrowth,0,5", "revenueGrowth,-0.0001,0",
            "debtRatio,0.55,10", "debtRatio,0.5501,5", "debtRatio,0.75,5", "debtRatio,0.7501,0",
            "mainBusinessShare,0.7,20", "mainBusinessShare,0.6999,15", "mainBusinessShare,0.5,5", "mainBusinessShare,0.4999,0"})
    void innovativeBandsChangeExactlyAtTheirThresholds(String field, double value, int points) {
        Map<String, Object> m = new HashMap<>();
        m.put("tier", "POOL");
        m.put(field, value);
        ReadinessApi.Assessment a = Readiness.assess(FirmFacts.from(m), Criteria.of("INNOVATIVE", Regime.N2026, S));
        assertEquals(points, a.indicators().stream().filter(i -> i.code().equals(field)).findFirst().orElseThrow().points());
    }

    @Test
    void innovativeNeedsSixtyAndTheGroupMinimumsOrADirectCondition() {
        Map<String, Object> m = new HashMap<>();
        m.put("tier", "POOL");
        m.put("ipClass1", 1);            // 10
        m.put("rdRatio", 0.03);          // 15 → 创新能力 25
        m.put("revenueGrowth", 0.05);    // 10
        m.put("debtRatio", 0.55);        // 10 → 成长性 20
        m.put("strategicEmerging", true);// 10
        m.put("mainBusinessShare", 0.5); // 5  → 专业化 15
        ReadinessApi.Assessment a = Readiness.assess(FirmFacts.from(m), Criteria.of("INNOVATIVE", Regime.P2022, S));
        assertEquals(60, a.score());
        assertEquals(Boolean.TRUE, a.eligible());
        m.put("mainBusinessShare", 0.4999); // 专业化 10 < 15 and total 55
        a = Readiness.assess(FirmFacts.from(m), Criteria.of("INNOVATIVE", Regime.P2022, S));
        assertEquals(Boolean.FALSE, a.eligible());
        assertEquals("mainBusinessShare", a.gaps().get(0).code(), "0 → 5 in the group that misses its minimum");
        m.put("highTech", true);
        assertEquals(Boolean.TRUE, Readiness.assess(FirmFacts.from(m), Criteria.of("INNOVATIVE", Regime.P2022, S)).eligible());
    }

    @Test
    void littleGiantResearchRuleDependsOnTheRevenueBand() {
        Map<String, Object> m = new HashMap<>();
        m.put("revenueWan", 10_000.0);
        m.put("rdRatio", 0.03);
        assertTrue(check(m, "rdRatio"));
        m.put("revenueWan", 9_999.0);
        assertFalse(check(m, "rdRatio"));
        m.put("rdRatio", 0.06);
        assertTrue(check(m, "rdRatio"));
        m.put("revenueWan", 4_000.0);
        m.put("equityRaisedWan", 8000.0);
        m.put("rdSpendWan", 1500.0);
        m.put("rdSpendPrevWan", 1500.0);
        m.put("rdStaffShare", 0.5);
        assertTrue(check(m, "rdRatio"));
        m.put("rdStaffShare", 0.49);
        assertFalse(check(m, "rdRatio"));
    }

    private static boolean check(Map<String, Object> m, String code) {
        m.putIfAbsent("tier", "SPECIALIZED");
        return Readiness.assess(FirmFacts.from(m), Criteria.of("LITTLE_GIANT", Regime.P2022, S)).requirements().stream()
                .filter(r -> r.code().equals(code)).findFirst().orElseThrow().pass();
    }

    @Test
    void littleGiant2026AndChampionThresholds() {
        Map<String, Object> m = new HashMap<>();
        m.put("tier", "SPECIALIZED");
        m.put("nicheYears", 3);
        m.put("revenueWan", 5000.0);
        m.put("mainBusinessShare", 0.9);
        m.put("revenueGrowth", 0.05);
        m.put("debtRatio", 0.75);
        m.put("rdSpendWan", 600.0);
        m.put("rdSpendPrevWan", 600.0);
        m.put("rdRatio", 0.12);
        m.put("rdRatioPrev", 0.12);
        m.put("ipClass1", 4);
        m.put("marketRank", 3);
        m.put("keyField", "BASIC");
        m.put("developmentScore", 60);
        ReadinessApi.Assessment a = Readiness.assess(FirmFacts.from(m), Criteria.of("LITTLE_GIANT", Regime.N2026, S));
        assertEquals(Boolean.TRUE, a.eligible(), a.toString());
        m.put("rdSpendPrevWan", 599.0);
        a = Readiness.assess(FirmFacts.from(m), Criteria.of("LITTLE_GIANT", Regime.N2026, S));
        assertEquals(List.of("rdSpendWan"), a.gaps().stream().map(ReadinessApi.Gap::code).toList());

        Map<String, Object> c = new HashMap<>();
        c.put("nicheYears", 10);
        c.put("revenueWan", 50_000.0);
        c.put("mainBusinessShare", 0.8);
        c.put("globalMarketRank", 3);
        assertEquals(Boolean.TRUE, Readiness.assess(FirmFacts.from(c), Criteria.of("CHAMPION", Regime.N2026, S)).eligible());
        c.put("globalMarketRank", 4);
        assertEquals(List.of("globalMarketRank"), Readiness.assess(FirmFacts.from(c), Criteria.of("CHAMPION", Regime.N2026, S))
                .gaps().stream().map(ReadinessApi.Gap::code).toList());
    }

    @Test
    void theFirmIsHeldAgainstEveryTierAboveItsOwnNextFirst() {
        Map<String, Object> m = onTheSpecializedLine2026();
        var r = Readiness.assess(FirmFacts.from(m), Regime.N2026, LocalDate.of(2026, 12, 1), S);
        assertEquals(List.of("SPECIALIZED", "LITTLE_GIANT", "CHAMPION"), r.assessments().stream().map(ReadinessApi.Assessment::tier).toList());
        m.put("tier", "NONE");
        r = Readiness.assess(FirmFacts.from(m), Regime.N2026, LocalDate.of(2026, 12, 1), S);
        assertEquals("INNOVATIVE", r.assessments().get(0).tier());
        m.put("tier", "CHAMPION");
        assertEquals(List.of(), Readiness.assess(FirmFacts.from(m), Regime.N2026, LocalDate.of(2026, 12, 1), S).assessments());
    }

    @Test
    void theRegimeFollowsTheDate() {
        assertEquals(Regime.P2022, Regime.on(LocalDate.of(2026, 3, 31), Regime.N2026_IN_FORCE));
        assertEquals(Regime.N2026, Regime.on(LocalDate.of(2026, 4, 1), Regime.N2026_IN_FORCE));
    }
}
