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
                    CITY_DISTRICT, tiers[(i / 3) % 4], i < 25 ? p + "Z 配套加工" : "配套加工"));
        }
        Imports.upload(TestData.csv(dir, "regions.csv", """
                        code,name,level,parentCode,lat,lon
                        320000,江苏省,PROVINCE,,32.06,118.79
                        321100,镇江市,CITY,320000,32.19,119.42
                        321102,京口区,DISTRICT,321100,32.2,119.47
                        """), TestData.csv(dir, "enterprises.csv", csv.toString()))
                .statusCode(201).body("errors", hasSize(0));
    }

    @Test
    void wordsWithoutFiltersPageAsTheFilteredRankingAndCountUpToTheCap() {
        for (int size : new int[] {1, 3, 7, 25}) {
            assertEquals(all(p, "", size), all(p, "&region=" + CITY_DISTRICT, size), "q=" + p + " size " + size);
        }
        JsonPath capped = page("q=" + p + "&size=5");
        assertEquals(40, capped.getLong("total"));
        assertFalse(capped.getBoolean("totalExact"));
        JsonPath exact = page("q=" + p + "&size=5&region=" + CITY_DISTRICT);
        assertEquals(60, exact.getLong("total"));
        assertTrue(exact.getBoolean("totalExact"));
        // under the cap the count is exact: the 25 firms with the second word
        JsonPath fewer = page("q=" + p + "Z&size=5");
        assertEquals(25, fewer.getLong("total"));
        assertTrue(fewer.getBoolean("totalExact"));
        assertEquals(all(p + "Z", "", 4), all(p + "Z", "&region=" + CITY_DISTRICT, 4));
        // the page says "more than"
        io.restassured.RestAssured.given().get("/firms?q=" + p).then().statusCode(200)
                .body(containsString("超过 40 家"));
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
