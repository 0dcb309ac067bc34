package cn.duijie.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A change to firms builds a new version and leaves the one a request may still be reading untouched. */
class FirmsAndProductsTest {

    private static FirmsAndProducts.Firm firm(String id, List<String> makes, List<String> supplies) {
        return new FirmsAndProducts.Firm(-1, id, id, "321100", 10L, false, 32.0, 119.0, cn.duijie.domain.Tier.NONE, List.of(), makes,
                supplies.stream().map(b -> new FirmsAndProducts.Supply(b, null)).toList(),
                List.of(), List.of(), 0, Words.of(id + " " + String.join(" ", makes)));
    }

    private static final FirmsAndProducts.Taxonomy TREE = new FirmsAndProducts.Taxonomy(Map.of("P", "轴承", "Q", "精密轴承", "R", "滚子"),
            Map.of(), Map.of("Q", "P", "R", "P"), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    @Test
    void aChangedFirmMovesBetweenMakerListsCopyOnWrite() {
        FirmsAndProducts v1 = FirmsAndProducts.empty(TREE).withFirms(List.of(firm("A", List.of("P"), List.of("B")),
                firm("B", List.of("P", "Q"), List.of())), List.of());
        FirmsAndProducts v2 = v1.withFirms(List.of(firm("A", List.of("Q"), List.of())), List.of());
        // the old version is as it was
        assertEquals(List.of("A", "B"), v1.makersByProduct().get("P").stream().map(FirmsAndProducts.Firm::id).toList());
        assertEquals(List.of("A"), v1.suppliedBy().get("B"));
        // the new one moved A from P to Q, kept its number, and dropped the empty buyer list
        assertEquals(List.of("B"), v2.makersByProduct().get("P").stream().map(FirmsAndProducts.Firm::id).toList());
        assertEquals(List.of("B", "A"), v2.makersByProduct().get("Q").stream().map(FirmsAndProducts.Firm::id).toList());
        assertEquals(v1.firm("A").idx(), v2.firm("A").idx());
        assertNull(v2.suppliedBy().get("B"));
        FirmsAndProducts v3 = v2.withFirms(List.of(), List.of("B"));
        assertNull(v3.firm("B"));
        assertEquals(List.of("A"), v3.makersByProduct().get("Q").stream().map(FirmsAndProducts.Firm::id).toList());
        assertNull(v3.makersByProduct().get("P"));
        // co-production and word counts follow the same changes: B made P and Q together, then B went
        assertEquals(1, v1.coProduction().both("P", "Q"));
        assertEquals(1, v2.coProduction().both("Q", "P"));
        assertEquals(0, v3.coProduction().both("P", "Q"));
        assertEquals(2, v2.words().docs());
        assertEquals(1, v3.words().docs());
        // the product tree: narrower, broader and siblings derived once
        assertEquals(List.of("R"), v1.siblings().get("Q"));
        assertEquals(List.of("P"), v1.broader().get("Q"));
    }

    private static FirmsAndProducts.Firm supplier(String id, FirmsAndProducts.Supply... edges) {
        return new FirmsAndProducts.Firm(-1, id, id, "321100", 10L, false, 32.0, 119.0, cn.duijie.domain.Tier.NONE, List.of(),
                List.of("P"), List.of(edges), List.of(), List.of(), 0, Words.of(id));
    }

    @Test
    void suppliesIntoABuyerListEachEdgeByProductThenSupplierAndFollowChanges() {
        FirmsAndProducts v1 = FirmsAndProducts.empty(TREE).withFirms(List.of(
                supplier("S2", new FirmsAndProducts.Supply("B", "Q"), new FirmsAndProducts.Supply("B", null)),
                supplier("S1", new FirmsAndProducts.Supply("B", "Q"), new FirmsAndProducts.Supply("X", "P")),
                supplier("S3", new FirmsAndProducts.Supply("B", "P"))), List.of());
        assertEquals(List.of(new FirmsAndProducts.Incoming("S3", "P"), new FirmsAndProducts.Incoming("S1", "Q"),
                new FirmsAndProducts.Incoming("S2", "Q"), new FirmsAndProducts.Incoming("S2", null)), v1.suppliesInto("B"));
        assertEquals(List.of(new FirmsAndProducts.Incoming("S1", "P")), v1.suppliesInto("X"));
        // S1 now supplies B with P instead: the new version says so, the old one is unchanged
        FirmsAndProducts v2 = v1.withFirms(List.of(supplier("S1", new FirmsAndProducts.Supply("B", "P"))), List.of("S3"));
        assertEquals(List.of(new FirmsAndProducts.Incoming("S1", "P"), new FirmsAndProducts.Incoming("S2", "Q"),
                new FirmsAndProducts.Incoming("S2", null)), v2.suppliesInto("B"));
        assertEquals(List.of(), v2.suppliesInto("X"));
        assertEquals(4, v1.suppliesInto("B").size());
    }

    /** The plain way: every firm holding an evidence word scored, summed in the asking words' order. */
    private static List<TextHits.Hit> everyFirm(FirmsAndProducts s, List<String> asking, int limit, double share, int min) {
        java.util.Map<String, Double> score = new java.util.HashMap<>();
        double all = 0;
        for (String w : new java.util.LinkedHashSet<>(asking)) {
            double idf = s.words().idf(w);
            if (idf <= 0) {
                continue;
            }
            all += idf;
            if (!s.words().common(w, share, min)) {
                for (String id : s.firmsByWord().getOrDefault(w, List.of())) {
                    score.merge(id, idf, Double::sum);
                }
            }
        }
        double total = all;
        return score.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry::getKey)).limit(limit)
                .map(e -> new TextHits.Hit("E", e.getKey(), e.getValue() / total)).toList();
    }

    @Test
    void wordHitsFindTheSameFirmsAsScoringEveryFirmThatHoldsAWord() {
        java.util.Random random = new java.util.Random(7);
        List<String> vocabulary = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            vocabulary.add("w" + i);
        }
        List<FirmsAndProducts.Firm> firms = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            java.util.Set<String> ws = new java.util.LinkedHashSet<>();
            int n = 1 + random.nextInt(12);
            while (ws.size() < n) {
                // skewed: low-numbered words are frequent, high-numbered ones rare
                ws.add(vocabulary.get((int) (vocabulary.size() * Math.pow(random.nextDouble(), 3))));
            }
            firms.add(new FirmsAndProducts.Firm(-1, String.format("F%05d", i), "f", "321100", 10L, false, 32.0, 119.0,
                    cn.duijie.domain.Tier.NONE, List.of(), List.of(), List.of(), List.of(), List.of(), 0, List.copyOf(ws)));
        }
        FirmsAndProducts s = FirmsAndProducts.empty(TREE).withFirms(firms, List.of());
        for (int q = 0; q < 400; q++) {
            List<String> asking = new java.util.ArrayList<>();
            int n = 1 + random.nextInt(q % 50 == 0 ? 90 : 8);
            for (int i = 0; i < n; i++) {
                asking.add(vocabulary.get((int) (vocabulary.size() * Math.pow(random.nextDouble(), 2))));
            }
            int limit = 1 + random.nextInt(40);
            assertEquals(everyFirm(s, asking, limit, 0.05, 20), s.wordHits(asking, limit, 0.05, 20), "query " + asking);
        }
    }

    private static FirmsAndProducts.Firm named(String id, String name) {
        return new FirmsAndProducts.Firm(-1, id, name, "321100", 10L, false, 32.0, 119.0, cn.duijie.domain.Tier.NONE, List.of(),
                List.of(), List.of(), List.of(), List.of(), 0, Words.of(name));
    }

    @Test
    void wordHitsRankByTheIdfOfSharedWordsAndFollowChanges() {
        FirmsAndProducts v1 = FirmsAndProducts.empty(TREE).withFirms(List.of(named("A", "谐波减速器 精密 轴承"),
                named("B", "精密 轴承"), named("C", "包装 纸箱")), List.of());
        // A holds both words, B one, C none; ties would go by key
        assertEquals(List.of("A", "B"), v1.wordHits(Words.of("谐波减速器 轴承"), 10, 0.9, 100).stream().map(TextHits.Hit::id).toList());
        assertEquals(List.of("A"), v1.wordHits(Words.of("谐波减速器 轴承"), 1, 0.9, 100).stream().map(TextHits.Hit::id).toList());
        // a word in more than the common share of the firms finds nobody (1 of 3 firms is over a share of .3)
        assertEquals(List.of(), v1.wordHits(Words.of("包装"), 10, 0.3, 1));
        // A renamed: its old words find it no more, its new ones do; the old version is unchanged
        FirmsAndProducts v2 = v1.withFirms(List.of(named("A", "包装 纸箱")), List.of());
        assertEquals(List.of("B"), v2.wordHits(Words.of("谐波减速器 轴承"), 10, 0.9, 100).stream().map(TextHits.Hit::id).toList());
        assertEquals(List.of("A", "C"), v2.wordHits(Words.of("纸箱"), 10, 0.9, 100).stream().map(TextHits.Hit::id).toList());
        assertEquals("A", v1.wordHits(Words.of("谐波减速器"), 10, 0.9, 100).get(0).id());
        // gone firms leave the lists
        assertEquals(List.of("C"), v2.withFirms(List.of(), List.of("A")).wordHits(Words.of("纸箱"), 10, 0.9, 100).stream()
                .map(TextHits.Hit::id).toList());
    }
}
