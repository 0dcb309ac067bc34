package cn.duijie.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Plain rules of the shared vocabulary: the tier ladder, need transitions, node keys, parsing at the edges. */
class VocabularyTest {

    @Test
    void tierLadderRunsFromNoneToChampionWithRisingScores() {
        assertEquals(List.of("NONE", "POOL", "INNOVATIVE", "SPECIALIZED", "LITTLE_GIANT", "CHAMPION"), Vocabulary.names(Tier.class));
        for (int i = 1; i < Tier.values().length; i++) {
            Tier lower = Tier.values()[i - 1];
            Tier higher = Tier.values()[i];
            assertTrue(higher.score() > lower.score(), higher + " scores above " + lower);
            assertTrue(higher.isAbove(lower));
            assertEquals(Optional.of(higher), lower.next());
            assertEquals(i, higher.rank());
        }
        assertEquals(0.0, Tier.NONE.score());
        assertEquals(1.0, Tier.CHAMPION.score());
        assertEquals(Optional.empty(), Tier.CHAMPION.next());
    }

    @Test
    void everyTierHasAChineseLabel() {
        assertEquals("专精特新“小巨人”", Tier.LITTLE_GIANT.label());
        Arrays.stream(Tier.values()).forEach(t -> assertNotEquals("tier." + t.name(), t.label()));
    }

    @Test
    void missingOrUnknownTierReadsAsNoneButParseSaysUnknown() {
        assertEquals(Tier.NONE, Tier.of(null));
        assertEquals(Tier.NONE, Tier.of("GOLD"));
        assertEquals(Tier.SPECIALIZED, Tier.of(" specialized "));
        assertEquals(Optional.empty(), Tier.parse("GOLD"));
    }

    @Test
    void tierRankCypherOrdersTheLadder() {
        String cypher = Tier.rankCypher("e.tier");
        assertTrue(cypher.startsWith("CASE e.tier "), cypher);
        assertTrue(cypher.contains("WHEN 'CHAMPION' THEN 5") && cypher.contains("WHEN 'POOL' THEN 1"), cypher);
        assertTrue(cypher.endsWith("ELSE 0 END"), cypher);
    }

    @Test
    void needTransitionsFollowTheLifecycle() {
        assertTrue(NeedStatus.DRAFT.canBecome(NeedStatus.OPEN));
        assertTrue(NeedStatus.OPEN.canBecome(NeedStatus.FULFILLED));
        assertTrue(NeedStatus.OPEN.canBecome(NeedStatus.WITHDRAWN));
        assertTrue(NeedStatus.EXPIRED.canBecome(NeedStatus.OPEN));
        assertFalse(NeedStatus.OPEN.canBecome(NeedStatus.EXPIRED), "only the clock expires a need");
        assertFalse(NeedStatus.OPEN.canBecome(NeedStatus.DRAFT));
        assertFalse(NeedStatus.DRAFT.canBecome(NeedStatus.FULFILLED));
        for (NeedStatus to : NeedStatus.values()) {
            assertFalse(NeedStatus.FULFILLED.canBecome(to));
            assertFalse(NeedStatus.WITHDRAWN.canBecome(to));
        }
        assertTrue(NeedStatus.WITHDRAWN.isClosed() && NeedStatus.FULFILLED.isClosed() && !NeedStatus.EXPIRED.isClosed());
    }

    @Test
    void nodeKindsKnowTheirLabelKeyAndNoun() {
        assertEquals("(e:Enterprise {creditCode: $code})", NodeKind.ENTERPRISE.pattern("e", "code"));
        assertEquals("id", NodeKind.FUND.key());
        assertEquals(Optional.of(NodeKind.PRODUCT), NodeKind.ofLabel("Product"));
        Arrays.stream(NodeKind.values()).forEach(k -> assertNotEquals("node." + k.name(), k.noun()));
        Arrays.stream(PartyType.values()).forEach(p -> assertEquals(p.name(), p.node().name()));
        Arrays.stream(CandidateType.values()).forEach(c -> assertEquals(c.name(), c.node().name()));
    }

    @Test
    void parsingIgnoresCaseAndBlanksAndRejectsUnknownValues() {
        assertEquals(Optional.of(FundStage.PRE_IPO), Vocabulary.parse(FundStage.class, "pre_ipo"));
        assertEquals(Optional.of(Instrument.IP_PLEDGE), Vocabulary.parse(Instrument.class, " IP_PLEDGE"));
        assertEquals(Optional.empty(), Vocabulary.parse(Instrument.class, "GRANT"));
        assertEquals(Optional.empty(), Vocabulary.parse(Stage.class, " "));
        assertEquals("SUPPLY / TECH / FINANCE", Vocabulary.allowed(NeedKind.class));
    }
}
