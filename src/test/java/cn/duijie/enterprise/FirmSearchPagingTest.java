package cn.duijie.enterprise;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Imports;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The lists a clerk meets first are read from indexes (words without filters: the best hits only; no words: a tier or
 * the names at a time), and must page exactly as the general ranking of enterprises.cypher, which a filter selects.
 * The test profile ranks a window of 1 hit first and counts 40 hits (application.properties), so ties across the
 * window's edge and the cap happen on 60 firms.
 */
@QuarkusTest
class FirmSearchPagingTest {

    private static final String CITY_DISTRICT = "321102";
    private static final String OTHER_DISTRICT = "321181";
    private static final String CITY = "321100";

    @TempDir
    Path dir;
    String p;

    @BeforeEach
    void setUp() {
        Ready.await();
        p = TestData.prefix();
        // 60 firms with the word p in their names, in three name lengths (so scores tie in groups of 20) and four
        // tiers; the first 25 also carry the word p + "Z" in their description
        StringBuilder csv = new StringBuilder("creditCode,name,regionCode,tier,description\n");
        String[] tiers = {"NONE", "POOL", "INNOVATIVE", "SPECIALIZED"};
        for (int i = 0; i < 60; i++) {
            csv.append("%s,%s 精工%s%02d有限公司,%s,%s,%s\n".formatted(TestData.creditCode(p + i), p, "精密".repeat(i % 3), i,
                    i % 2 == 0 ? CITY_DISTRICT : OTHER_DISTRICT, tiers[(i / 3) % 4], i < 25 ? p + "Z 配套加工" : "配套加工"));
        }
        Imports.upload(TestData.csv(dir, "regions.csv", """
                        code,name,level,parentCode,lat,lon
                        320000,江苏省,PROVINCE,,32.06,118.79
                        321100,镇江市,CITY,320000,32.19,119.42
                        321102,京口区,DISTRICT,321100,32.2,119.47
                        321181,丹阳市,DISTRICT,321100,32.01,119.61
                        """), TestData.csv(dir, "enterprises.csv", csv.toString()))
                .statusCode(201).body("errors", hasSize(0));
    }

    @Test
    void wordsPageAsTheGeneralRankingWithOrWithoutFiltersAndCountUpToTheCap() {
        // the general ranking (enterprises.cypher) serves the reversed order: read backwards it is the forward one
        List<String> general = every("q=" + p + "&sort=-RELEVANCE&size=100");
        Collections.reverse(general);
        assertEquals(60, general.size());
        java.util.Map<String, String> district = new java.util.HashMap<>();
        page("q=" + p + "&sort=-RELEVANCE&size=100").getList("items", java.util.Map.class)
                .forEach(m -> district.put((String) m.get("creditCode"), (String) m.get("regionCode")));
        List<String> inDistrict = general.stream().filter(c -> district.get(c).equals(OTHER_DISTRICT)).toList();
        assertEquals(30, inDistrict.size());
        for (int size : new int[] {1, 3, 7, 25}) {
            assertEquals(general, all(p, "", size), "q=" + p + " size " + size);
            assertEquals(general, all(p, "&region=" + CITY, size), "q=" + p + " in the city, size " + size);
            assertEquals(inDistrict, all(p, "&region=" + OTHER_DISTRICT, size), "q=" + p + " in one district, size " + size);
        }
        JsonPath capped = page("q=" + p + "&size=5");
        assertEquals(40, capped.getLong("total"));
        assertFalse(capped.getBoolean("totalExact"));
        // with a filter the best 41 hits are looked at: what they keep is a lower bound of the total
        JsonPath filtered = page("q=" + p + "&size=5&region=" + OTHER_DISTRICT);
        assertFalse(filtered.getBoolean("totalExact"));
        assertTrue(filtered.getLong("total") >= 5 && filtered.getLong("total") <= 30, filtered.prettify());
        // under the cap the counts are exact: the 25 firms with the second word, 13 of them in the other district
        JsonPath fewer = page("q=" + p + "Z&size=5");
        assertEquals(25, fewer.getLong("total"));
        assertTrue(fewer.getBoolean("totalExact"));
        JsonPath fewerThere = page("q=" + p + "Z&size=5&region=" + OTHER_DISTRICT);
        assertEquals(12, fewerThere.getLong("total"));
        assertTrue(fewerThere.getBoolean("totalExact"));
        // the page says "at least"
        io.restassured.RestAssured.given().get("/firms?q=" + p).then().statusCode(200)
                .body(containsString("至少 40 家"));
    }

    @Test
    void theListWithoutWordsPagesByTierAndByNameAsTheReversedGeneralOrder() {
        // -TIER and -NAME go through enterprises.cypher; read backwards they are the forward orders
        List<String> byTier = every("size=100");
        List<String> reversed = every("size=100&sort=-TIER");
        Collections.reverse(reversed);
        assertEquals(reversed, byTier);
        assertEquals(byTier, every("size=100&sort=TIER"));
        assertEquals(byTier.size(), page("size=1").getLong("total"));
        List<String> byName = every("size=100&sort=NAME");
        List<String> reversedNames = every("size=100&sort=-NAME");
        Collections.reverse(reversedNames);
        assertEquals(reversedNames, byName);
        assertTrue(byTier.containsAll(List.of(TestData.creditCode(p + 0), TestData.creditCode(p + 59))));
    }

    private List<String> all(String q, String filter, int size) {
        List<String> codes = new ArrayList<>();
        for (int pageNo = 0; ; pageNo++) {
            List<String> items = page("q=" + q + filter + "&size=" + size + "&page=" + pageNo).getList("items.creditCode");
            if (items.isEmpty()) {
                return codes;
            }
            codes.addAll(items);
        }
    }

    private List<String> every(String query) {
        List<String> codes = new ArrayList<>();
        for (int pageNo = 0; ; pageNo++) {
            JsonPath page = page(query + "&page=" + pageNo);
            codes.addAll(page.getList("items.creditCode"));
            if (codes.size() >= page.getLong("total")) {
                return codes;
            }
        }
    }

    private static JsonPath page(String query) {
        return Logins.admin().get("/api/v1/enterprises?" + query).then().statusCode(200).extract().jsonPath();
    }
}
