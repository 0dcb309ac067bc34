package cn.duijie.resilience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SupplyRiskTest {

    @TempDir
    Path dir;
    ResilienceRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new ResilienceRegion(dir, '7');
    }

    private String openNeed(String product, String purpose) {
        String body = """
                {"kind": "SUPPLY", "postedBy": "%s", "title": "采购零部件", "productCodes": ["%s"]%s}
                """.formatted(r.leader, product, purpose == null ? "" : ", \"purpose\": \"" + purpose + "\"");
        return Logins.admin().contentType("application/json").body(body).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
    }

    private static List<String> codes(JsonPath json, String product) {
        return json.getList("products.find { it.productCode == '%s' }.risks.code".formatted(product), String.class);
    }

    @Test
    void eachBoughtProductIsGradedWithCodesAndChineseReasons() {
        String need = openNeed(r.p4, null);
        JsonPath json = Logins.firm(r.leader).get("/api/v1/enterprises/{cc}/supply-risk", r.leader)
                .then().statusCode(200)
                .body("cityCode", equalTo(r.cityA))
                .body("chainLeader", equalTo(true))
                .extract().jsonPath();
        assertEquals(List.of(r.p1, r.p2, r.p3, r.p4).stream().sorted().toList(),
                json.getList("products.productCode", String.class).stream().sorted().toList());

        // P1: one supplier, which is local
        assertEquals(List.of("SINGLE_SOURCE"), codes(json, r.p1));
        assertEquals(2, json.getInt("products.find { it.productCode == '%s' }.localMakers".formatted(r.p1)),
                "the incumbent and the other 甲 maker of P1");
        assertTrue(json.getString("products.find { it.productCode == '%s' }.risks[0].reason".formatted(r.p1)).contains("仅由"));
        // P2: two suppliers, both in 乙, and nobody in 甲 makes it
        assertEquals(List.of("ONE_CITY", "NO_LOCAL_MAKER"), codes(json, r.p2));
        assertEquals(0, json.getInt("products.find { it.productCode == '%s' }.localMakers".formatted(r.p2)));
        assertEquals(1, json.getInt("products.find { it.productCode == '%s' }.supplierCities".formatted(r.p2)));
        assertEquals("COUNT", json.getString("products.find { it.productCode == '%s' }.hhiBasis".formatted(r.p2)));
        // P3: 900 and 100 万元 → HHI 8,200 by volume
        assertEquals(List.of("CONCENTRATED"), codes(json, r.p3));
        assertEquals(8200, json.getInt("products.find { it.productCode == '%s' }.hhi".formatted(r.p3)));
        assertEquals("VOLUME", json.getString("products.find { it.productCode == '%s' }.hhiBasis".formatted(r.p3)));
        assertEquals(90.0f, json.getFloat("products.find { it.productCode == '%s' }.suppliers.find { it.creditCode == '%s' }.sharePercent"
                .formatted(r.p3, r.s3big)));
        // P4: wanted in an open need, no supplier yet, one maker in 甲
        assertEquals(List.of("NO_SUPPLIER"), codes(json, r.p4));
        assertEquals(List.of("OPEN_NEED"), json.getList("products.find { it.productCode == '%s' }.sources".formatted(r.p4)));
        assertEquals(List.of(need), json.getList("products.find { it.productCode == '%s' }.openNeedIds".formatted(r.p4)));
        // the gravest first, labels in Chinese, a summary per code
        assertEquals(r.p1, json.getString("products[0].productCode"));
        assertEquals("单一来源", json.getString("products[0].risks[0].label"));
        assertEquals(1, json.getInt("summary.SINGLE_SOURCE"));
        assertEquals(1, json.getInt("summary.NO_LOCAL_MAKER"));
        // every row links to its second-source search, which answers
        String link = json.getString("products.find { it.productCode == '%s' }.secondSourceSearch".formatted(r.p1));
        assertTrue(link.startsWith("/api/v1/enterprises/" + r.leader + "/second-sources?product="), link);
        Logins.firm(r.leader).get(link).then().statusCode(200)
                .body("incumbents.creditCode", equalTo(List.of(r.s1)))
                .body("candidates.candidate.id", hasItem(r.independent));
    }

    @Test
    void onlyTheFirmItsRegionsBureauAndAdminSeeItsSupplyRisk() {
        given().get("/api/v1/enterprises/{cc}/supply-risk", r.leader).then().statusCode(401);
        Logins.firm(r.s1).get("/api/v1/enterprises/{cc}/supply-risk", r.leader).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        Logins.bureau(r.cityB).get("/api/v1/enterprises/{cc}/supply-risk", r.leader).then().statusCode(404);
        Logins.bureau(r.cityA).get("/api/v1/enterprises/{cc}/supply-risk", r.leader).then().statusCode(200);
        Logins.admin().get("/api/v1/enterprises/{cc}/supply-risk", r.leader).then().statusCode(200);
        Logins.admin().get("/api/v1/enterprises/{cc}/supply-risk", cn.duijie.support.TestData.creditCode(r.p + "NONE"))
                .then().statusCode(404).body("detail", containsString("不在图谱中"));
        Logins.firm(r.leader).get("/api/v1/enterprises/{cc}/second-sources", r.leader).then().statusCode(400)
                .body("errors[0].field", equalTo("product"));
        Logins.firm(r.leader).queryParam("product", r.p + "NOPE").get("/api/v1/enterprises/{cc}/second-sources", r.leader)
                .then().statusCode(404).body("detail", containsString("没有代码为"));
    }

    private JsonPath matches(String needId) {
        return Logins.firm(r.leader).queryParam("limit", 20).get("/api/v1/needs/{id}/matches", needId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSecondSourceNeedRanksAnIndependentMakerAboveTheIncumbentsSisterAndFlagsTheIncumbent() {
        // purpose not said: the leader buys P1 from one supplier only, so the need seeks a second source
        String need = openNeed(r.p1, null);
        Logins.firm(r.leader).get("/api/v1/needs/{id}", need).then().statusCode(200).body("purpose", equalTo(null));
        JsonPath json = matches(need);
        List<String> ids = json.getList("candidate.id", String.class);
        assertTrue(ids.contains(r.s1), "the incumbent is flagged, not hidden: " + ids);
        assertTrue(ids.indexOf(r.independent) < ids.indexOf(r.sister), "independent above the sister firm: " + ids);
        assertTrue(ids.indexOf(r.independent) < ids.indexOf(r.incumbentsSupplier), "independent above the incumbent's supplier: " + ids);
        assertTrue(ids.indexOf(r.independent) < ids.indexOf(r.s1), "independent above the incumbent: " + ids);
        Map<String, Object> incumbent = json.getMap("find { it.candidate.id == '%s' }".formatted(r.s1));
        assertTrue(((List<?>) incumbent.get("flags")).contains("INCUMBENT_SUPPLIER"), incumbent.toString());
        assertEquals(List.of("TIED_TO_INCUMBENT"), json.getList("find { it.candidate.id == '%s' }.flags".formatted(r.sister)));
        assertTrue(json.getString("find { it.candidate.id == '%s' }.reasons.find { it.code == 'TIED_TO_INCUMBENT' }.text"
                .formatted(r.sister)).contains("字号相同"));
        assertTrue(json.getString("find { it.candidate.id == '%s' }.reasons.find { it.code == 'TIED_TO_INCUMBENT' }.text"
                .formatted(r.incumbentsSupplier)).contains("的供应商"));
        assertTrue(json.getString("find { it.candidate.id == '%s' }.reasons.find { it.code == 'SECOND_SOURCE' }.text"
                .formatted(r.independent)).startsWith("降低单一来源风险"));

        // the same need declared GENERAL: the plain supply ranking, where the big sister firm comes first
        String general = openNeed(r.p1, "GENERAL");
        Logins.firm(r.leader).get("/api/v1/needs/{id}", general).then().statusCode(200).body("purpose", equalTo("GENERAL"));
        JsonPath plain = matches(general);
        List<String> plainIds = plain.getList("candidate.id", String.class);
        assertTrue(plainIds.indexOf(r.sister) < plainIds.indexOf(r.independent), "without second sourcing: " + plainIds);
        assertTrue(plain.getList("reasons.code.flatten()", String.class).stream().noneMatch(c -> c.equals("SECOND_SOURCE")));
    }

    @Test
    void purposeIsOnlyForSupplyNeedsAndMustBeKnown() {
        Logins.admin().contentType("application/json").body("""
                {"kind": "TECH", "postedBy": "%s", "title": "技术攻关", "technologyCodes": ["X"], "purpose": "SECOND_SOURCE"}
                """.formatted(r.leader)).post("/api/v1/needs").then().statusCode(400)
                .body("errors.field", hasItem("purpose"));
        Logins.admin().contentType("application/json").body("""
                {"kind": "SUPPLY", "postedBy": "%s", "title": "采购", "productCodes": ["%s"], "purpose": "THIRD_SOURCE"}
                """.formatted(r.leader, r.p1)).post("/api/v1/needs").then().statusCode(400)
                .body("detail", not(containsString("Exception")));
    }
}
