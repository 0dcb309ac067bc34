package cn.duijie.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Needs written in words: which products of the demo product tree a sentence names (no engines needed). */
class CodeProposalsTest {

    static CodeProposals products;

    @BeforeAll
    static void tree() throws IOException {
        Map<String, String> names = new HashMap<>();
        Map<String, List<String>> keywords = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        try (Reader in = Files.newBufferedReader(Path.of("graph-seed/products.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                names.put(r.get("code"), r.get("name"));
                keywords.put(r.get("code"), r.get("keywords").isBlank() ? List.of() : Arrays.asList(r.get("keywords").split("\\|")));
                if (!r.get("broaderCode").isBlank()) {
                    parent.put(r.get("code"), r.get("broaderCode"));
                }
            }
        }
        products = new CodeProposals(names, keywords, parent);
    }

    private static List<String> codes(String text) {
        List<CodeProposals.Proposal> p = products.propose(text);
        System.out.println(text + " → " + p);
        return p.stream().map(CodeProposals.Proposal::code).toList();
    }

    @Test
    void aSpecificKeywordOutranksTheGeneralWordsAroundIt() {
        List<String> got = codes("采购电机用绝缘轴承，年需求5万套");
        assertEquals("P0024", got.get(0));
        assertFalse(got.contains("P0021"), "the broader 汽车轴承 gives way to the narrower product the text names");
    }

    @Test
    void aLongerNameIsNotAlsoAMentionOfTheShorterNameInsideIt() {
        List<String> got = codes("寻找三元正极材料供应商，要求月产能100吨");
        assertEquals(List.of("P0002"), got);
    }

    @Test
    void latinAndFullWidthKeywordsAreSynonyms() {
        assertEquals("P0003", codes("想找做ＬＦＰ正极的厂家").get(0));
        assertEquals("P0015", codes("需要一批igbt模块用于电控").get(0));
    }

    @Test
    void twoProductsNamedInOneSentenceAreBothProposed() {
        List<String> got = codes("采购高压线束和高压连接器，就近配套");
        assertTrue(got.containsAll(List.of("P0046", "P0047")), got.toString());
    }

    @Test
    void aSentenceNamingNoProductProposesNothing() {
        assertEquals(List.of(), codes("今天天气很好，欢迎来参观"));
        assertEquals(List.of(), codes(""));
    }

    @Test
    void confidenceIsBetweenZeroAndOneAndBestFirst() {
        List<CodeProposals.Proposal> p = products.propose("寻求本地六轴工业机器人配套供应商");
        assertFalse(p.isEmpty());
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.get(i).confidence() > 0 && p.get(i).confidence() < 1);
            assertFalse(p.get(i).matched().isEmpty());
            if (i > 0) {
                assertTrue(p.get(i - 1).confidence() >= p.get(i).confidence());
            }
        }
    }
}
