package cn.duijie.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Supply ranking on a snapshot built in memory (no Quarkus): capability before nearness. Thirty packaging-equipment
 * firms next door to the buyer share only the common word 设备 with a need for laser-cutting equipment; a distant
 * maker of a sibling product and a distant maker of a product made together with the wanted one must both rank,
 * and the packaging firms must not appear at all, although the full-text index returns them.
 */
class CapabilityFirstTest {

    static final FirmsAndProducts.Taxonomy TREE = new FirmsAndProducts.Taxonomy(
            Map.of("G", "激光加工设备", "P1", "激光切割设备", "P2", "激光焊接设备", "P3", "包装设备", "P4", "光纤激光器"),
            Map.of(), Map.of("P1", "G", "P2", "G"), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of("P1", List.of("激光切割机"), "P4", List.of("激光器")));

    static FirmsAndProducts.Firm firm(String id, String name, double lat, List<String> makes) {
        List<String> texts = new ArrayList<>(List.of(name));
        makes.forEach(p -> texts.add(TREE.productNames().get(p)));
        return new FirmsAndProducts.Firm(-1, id, name, "321000", 100L, false, lat, 119.4, cn.duijie.domain.Tier.NONE, List.of(), makes, List.of(),
                List.of(), List.of(), 0, Words.of(texts));
    }

    static MatchingSnapshot snapshot() {
        List<FirmsAndProducts.Firm> firms = new ArrayList<>();
        firms.add(firm("BUYER", "扬州某重工集团股份有限公司", 32.40, List.of()));
        for (int i = 0; i < 30; i++) {
            firms.add(firm("PACK" + i, "扬州" + (char) ('甲' + i) + "包装设备有限公司", 32.40, List.of("P3")));
        }
        for (int i = 0; i < 3; i++) { // makers of the wanted product that also make fibre lasers, far away
            firms.add(firm("MAKER" + i, "苏州" + (char) ('子' + i) + "激光科技有限公司", 31.30, List.of("P1", "P4")));
        }
        firms.add(firm("SIBLING", "无锡某焊接技术有限公司", 31.50, List.of("P2")));
        firms.add(firm("COMADE", "常州某光电有限公司", 31.70, List.of("P4")));
        return new MatchingSnapshot(1, 0, FirmsAndProducts.empty(TREE).withFirms(firms, List.of()), null, null, null,
                new TrackRecords(Map.of()), OpenNeeds.NONE);
    }

    static MatchQuery need(List<String> products) {
        return new MatchQuery("N1", "SUPPLY", "BUYER", "寻求激光切割设备供应商", "用于钢结构下料", products, List.of(), List.of(),
                null, null, null, null);
    }

    @Test
    void makersSiblingsAndCoProducersRankAndCommonWordNeighboursDoNot() {
        MatchingSnapshot s = snapshot();
        assertTrue(s.firms().words().common("设备", 0.05, 20), "设备 is in nearly every firm here");
        SupplyMatcher matcher = new SupplyMatcher(null, ScorerTest.config());
        List<TextHits.Hit> hits = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            hits.add(new TextHits.Hit("E", "PACK" + i, 3.0)); // what a bigram index returns for 设备
        }
        List<MatchModel.Match> ranked = matcher.rank(s, need(List.of("P1")), hits, Set.of(), 10);
        List<String> ids = ranked.stream().map(m -> m.candidate().id()).toList();
        assertEquals(List.of("MAKER0", "MAKER1", "MAKER2"), ids.subList(0, 3));
        assertTrue(ids.containsAll(List.of("SIBLING", "COMADE")), ids.toString());
        assertFalse(ids.stream().anyMatch(id -> id.startsWith("PACK")), ids.toString());
        MatchModel.Match co = ranked.get(ids.indexOf("COMADE"));
        assertEquals("CO_PRODUCTION", co.reasons().get(0).code());
        assertTrue(co.reasons().get(0).text().contains("3 家企业同时生产“光纤激光器”和“激光切割设备”"), co.reasons().get(0).text());
        assertTrue(co.flags().contains("DISCOVERED"));
        assertFalse(ranked.get(0).flags().contains("DISCOVERED"));
    }

    @Test
    void aFirmWhoseNameNamesTheProductCountsAsEvidence() {
        MatchingSnapshot base = snapshot();
        FirmsAndProducts f = base.firms().withFirms(List.of(firm("NAMED", "泰州某激光切割设备有限公司", 32.45, List.of())), List.of());
        MatchingSnapshot s = new MatchingSnapshot(2, 0, f, null, null, null, base.track(), OpenNeeds.NONE);
        SupplyMatcher matcher = new SupplyMatcher(null, ScorerTest.config());
        List<MatchModel.Match> ranked = matcher.rank(s, need(List.of("P1")), List.of(new TextHits.Hit("E", "NAMED", 5.0)), Set.of(), 10);
        MatchModel.Match named = ranked.stream().filter(m -> m.candidate().id().equals("NAMED")).findFirst().orElseThrow();
        assertEquals("NAMES_PRODUCT", named.reasons().get(0).code());
        assertTrue(named.flags().contains("DISCOVERED"));
    }

    @Test
    void discoveryFindsFirmsThatDoNotListTheProductWithTheirEvidence() {
        SupplyMatcher matcher = new SupplyMatcher(null, ScorerTest.config());
        List<TextHits.Hit> hits = List.of(new TextHits.Hit("E", "PACK0", 3.0), new TextHits.Hit("E", "MAKER0", 9.0));
        List<MatchModel.Match> found = matcher.discover(snapshot(), "P1", null, hits, 10);
        List<String> ids = found.stream().map(m -> m.candidate().id()).toList();
        assertEquals(Set.of("SIBLING", "COMADE"), Set.copyOf(ids), "makers that list it and common-word firms are not discoveries");
        MatchModel.Match sibling = found.get(ids.indexOf("SIBLING"));
        assertEquals("生产同类产品 激光焊接设备（与“激光切割设备”同属一类）", sibling.reasons().get(0).text());
        assertTrue(found.stream().allMatch(m -> m.flags().equals(List.of("DISCOVERED"))));
    }

    static MatchQuery supplyNeed(String id, String postedBy, List<String> products, List<String> certifications) {
        return new MatchQuery(id, "SUPPLY", postedBy, "寻求供应商", "", products, List.of(), certifications, null, null, null, null);
    }

    @Test
    void aMakersOpportunitiesAreTheNeedsItCouldServeScoredAsTheirOwnListsScoreIt() {
        MatchingSnapshot base = snapshot();
        MatchQuery cutting = supplyNeed("N1", "BUYER", List.of("P1"), List.of());
        MatchQuery welding = supplyNeed("N2", "BUYER", List.of("P2"), List.of()); // a sibling of what MAKER0 makes
        MatchQuery packaging = supplyNeed("N3", "BUYER", List.of("P3"), List.of());
        MatchQuery certified = supplyNeed("N4", "BUYER", List.of("P1"), List.of("IATF16949")); // MAKER0 has no certificate
        MatchQuery own = supplyNeed("N5", "MAKER0", List.of("P1"), List.of());
        MatchQuery tech = new MatchQuery("N6", "TECH", "BUYER", "激光切割工艺", "", List.of("P1"), List.of(), List.of(), null, null, null, null);
        MatchingSnapshot s = new MatchingSnapshot(2, 0, base.firms(), null, null, null, base.track(),
                OpenNeeds.of(List.of(cutting, welding, packaging, certified, own, tech)));
        SupplyMatcher matcher = new SupplyMatcher(null, ScorerTest.config());

        List<MatchModel.Opportunity> seen = matcher.opportunities(s, "MAKER0", Set.of(), 10);
        assertEquals(List.of("N1", "N2"), seen.stream().map(o -> o.need().id()).toList(), "the exact product first, then the sibling");
        for (MatchModel.Opportunity o : seen) {
            MatchQuery need = o.need().id().equals("N1") ? cutting : welding;
            double inItsList = matcher.rank(s, need, List.of(), Set.of(), 50).stream()
                    .filter(m -> m.candidate().id().equals("MAKER0")).findFirst().orElseThrow().score();
            assertEquals(inItsList, o.score(), "the need's own list scores MAKER0 the same for " + o.need().id());
            assertEquals("寻求供应商", o.need().title());
        }
        assertEquals(List.of("N2"), matcher.opportunities(s, "MAKER0", Set.of("N1"), 10).stream().map(o -> o.need().id()).toList(),
                "a need that dismissed the firm is not shown again");
        assertEquals(List.of("N1"), matcher.opportunities(s, "MAKER0", Set.of(), 1).stream().map(o -> o.need().id()).toList());
        assertTrue(matcher.opportunities(s, "COMADE", Set.of(), 10).stream().anyMatch(o -> o.need().id().equals("N1")),
                "a maker of a product made together with the wanted one sees the need (co-production)");
        assertEquals(null, matcher.opportunities(s, "NOBODY", Set.of(), 10), "an unknown firm has no view (the service answers 404)");
    }

    @Test
    void aTierEditKeepsTheWordIndexAndANewNameReplacesIt() {
        FirmsAndProducts f = snapshot().firms();
        FirmsAndProducts.Firm maker = f.firm("MAKER0");
        FirmsAndProducts.Firm champion = new FirmsAndProducts.Firm(-1, maker.id(), maker.name(), maker.regionCode(), maker.employees(),
                maker.leader(), maker.lat(), maker.lon(), cn.duijie.domain.Tier.CHAMPION, maker.certifications(), maker.makes(),
                maker.supplies(), maker.techs(), maker.leads(), maker.descriptionLength(), maker.words());
        FirmsAndProducts edited = f.withFirms(List.of(champion), List.of());
        assertTrue(edited.firmsByWord() == f.firmsByWord() && edited.words() == f.words(),
                "the cached text hits of this index stay valid after a tier edit");
        assertEquals(cn.duijie.domain.Tier.CHAMPION, edited.firm("MAKER0").tier());
        FirmsAndProducts renamed = f.withFirms(List.of(firm("MAKER0", "苏州某包装设备有限公司", 31.30, List.of("P1", "P4"))), List.of());
        assertFalse(renamed.firmsByWord() == f.firmsByWord(), "a firm's new words make a new index (and empty the cache)");
        java.util.function.Function<FirmsAndProducts, Double> makerScore = x -> x.wordHits(Words.of("包装设备"), 50, 1, 1000).stream()
                .filter(h -> h.id().equals("MAKER0")).mapToDouble(TextHits.Hit::score).findFirst().orElse(0);
        assertTrue(makerScore.apply(renamed) > makerScore.apply(f), "the new name's words count at once");
    }
}
