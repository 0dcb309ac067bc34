package cn.duijie.need;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Imports;
import cn.duijie.support.Logins;
import cn.duijie.support.PageSessions;
import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import cn.duijie.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Needs written in words: no codes given, Duijie reads them from the title and description, matches, the poster confirms. */
@QuarkusTest
class NeedsInWordsTest {

    @TestHTTPResource("/")
    URL base;
    @TempDir
    Path dir;
    SupplyRegion r;
    /** Products of names unique to this test: {tag}减速器 and, under it, {tag}谐波减速器 (keyword {tag}柔轮). */
    String tag;
    String reducer;
    String harmonic;
    String maker;
    String farMaker;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new SupplyRegion(dir);
        tag = TestData.chineseTag(r.p);
        reducer = r.p + "W0";
        harmonic = r.p + "W1";
        maker = TestData.creditCode(r.p + "WM");
        farMaker = TestData.creditCode(r.p + "WF");
        Imports.upload(
                TestData.csv(dir, "products.csv", """
                        code,name,segmentId,broaderCode,keywords
                        %1$sW0,%2$s减速器,%1$sS1,,
                        %1$sW1,%2$s谐波减速器,%1$sS1,%1$sW0,%2$s柔轮
                        """.formatted(r.p, tag)),
                TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier,isChainLeader,employees,certifications,productCodes,description
                        %2$s,丹阳%1$s传动,321181,SPECIALIZED,false,300,IATF16949,%1$sW1,
                        %3$s,乌鲁木齐%1$s传动,650100,NONE,false,30,,%1$sW1,
                        """.formatted(r.p, maker, farMaker)))
                .statusCode(201).body("errors", hasSize(0));
    }

    /** Posts until the snapshot knows the region's words (a 422 writes nothing, so asking again is safe). */
    private JsonPath post(String firm, String body) {
        AtomicReference<JsonPath> out = new AtomicReference<>();
        org.awaitility.Awaitility.await("the need's words are read").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    var res = Logins.firm(firm).contentType(ContentType.JSON).body(body).post("/api/v1/needs");
                    if (res.statusCode() == 201) {
                        JsonPath json = res.jsonPath();
                        if (!json.getList("productCodes").isEmpty() || !json.getList("technologyCodes").isEmpty()) {
                            out.set(json);
                            return true;
                        }
                    }
                    return false;
                });
        return out.get();
    }

    private long needsOf(String firm) {
        return Logins.admin().queryParam("postedBy", firm).get("/api/v1/needs").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void aSupplyNeedTypedAsASentenceGetsItsProductProposedAndIsMatchedOnIt() {
        JsonPath need = post(r.leader, """
                {"kind": "SUPPLY", "title": "寻找%s供应商", "description": "年需求两万套，要求 IATF16949 认证，就近配套"}""".formatted(tag + "柔轮"));
        String id = need.getString("id");
        assertTrue(need.getBoolean("codesProposed"));
        List<Map<String, Object>> proposed = need.getList("proposedCodes");
        assertEquals(harmonic, proposed.get(0).get("code"), "the product whose synonym the words use comes first: " + proposed);
        assertEquals("PRODUCT", proposed.get(0).get("type"));
        assertTrue(((Number) proposed.get(0).get("confidence")).doubleValue() >= 0.5, proposed.toString());
        assertTrue(((List<?>) proposed.get(0).get("matched")).contains(tag + "柔轮"), proposed.toString());
        assertEquals(List.of(harmonic), need.getList("productCodes"));

        // matched meanwhile on what was read: the near maker comes before the far one
        List<String> candidates = Logins.firm(r.leader).queryParam("limit", 20).get("/api/v1/needs/{id}/matches", id).then()
                .statusCode(200).extract().jsonPath().getList("candidate.id");
        assertTrue(candidates.contains(maker), candidates.toString());
        assertTrue(!candidates.contains(farMaker) || candidates.indexOf(maker) < candidates.indexOf(farMaker), candidates.toString());

        // the poster confirms: the codes stay, no longer marked as proposed, the proposals are kept for the record
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"confirmCodes\": true}").patch("/api/v1/needs/{id}", id)
                .then().statusCode(200).body("codesProposed", equalTo(false)).body("productCodes", equalTo(List.of(harmonic)))
                .body("proposedCodes.code", hasItem(harmonic));
    }

    @Test
    void thePosterChangesTheProposedProductsAndUnknownCodesAreRefusedWithoutAChange() {
        JsonPath need = post(r.leader, "{\"kind\": \"SUPPLY\", \"title\": \"采购一批%s\"}".formatted(tag + "谐波减速器"));
        String id = need.getString("id");
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"productCodes\": [\"NO-SUCH-PRODUCT\"]}")
                .patch("/api/v1/needs/{id}", id).then().statusCode(422).contentType("application/problem+json")
                .body("errors.reason", hasItem(containsString("NO-SUCH-PRODUCT")));
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"productCodes\": []}")
                .patch("/api/v1/needs/{id}", id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("productCodes"));
        Logins.firm(r.leader).get("/api/v1/needs/{id}", id).then().statusCode(200).body("codesProposed", equalTo(true))
                .body("productCodes", equalTo(need.getList("productCodes")));
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"productCodes\": [\"%s\"]}".formatted(r.bearings))
                .patch("/api/v1/needs/{id}", id).then().statusCode(200).body("codesProposed", equalTo(false))
                .body("productCodes", equalTo(List.of(r.bearings)));
        // once the poster has chosen, a new title does not change the codes
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"title\": \"采购新能源整车\"}")
                .patch("/api/v1/needs/{id}", id).then().statusCode(200).body("productCodes", equalTo(List.of(r.bearings)));
        // another party cannot change them
        Logins.firm(r.nearCertified).contentType(ContentType.JSON).body("{\"productCodes\": [\"%s\"]}".formatted(r.bearing))
                .patch("/api/v1/needs/{id}", id).then().statusCode(404);
    }

    @Test
    void anUnknownCodeAddedOnTheNeedPageIsRefusedBesideTheBoxAndTheNeedKeepsItsCodes() {
        JsonPath need = post(r.leader, "{\"kind\": \"SUPPLY\", \"title\": \"采购一批%s\"}".formatted(tag + "谐波减速器"));
        String id = need.getString("id");
        Supplier<RequestSpecification> leader = PageSessions.as(base, "f-" + r.leader.toLowerCase());
        String form = "application/x-www-form-urlencoded; charset=UTF-8";
        leader.get().contentType(form).formParam("productCodes", harmonic).formParam("productCodes", "NO-SUCH-PRODUCT")
                .formParam("productLabels", "并不存在的产品").post("/needs/" + id + "/codes")
                .then().statusCode(422).contentType(containsString("text/html"))
                // the reason beside the box's picker, and what the poster added shown again, still ticked
                .body(containsString("id=\"pick-productCodes-error\">产品代码 NO-SUCH-PRODUCT 不存在</div>"))
                .body(containsString("value=\"NO-SUCH-PRODUCT\" checked"))
                .body(containsString("并不存在的产品"));
        leader.get().contentType(form).post("/needs/" + id + "/codes").then().statusCode(400)
                .body(containsString("请至少保留一项"));
        Logins.firm(r.leader).get("/api/v1/needs/{id}", id).then().statusCode(200).body("codesProposed", equalTo(true))
                .body("productCodes", equalTo(List.of(harmonic)));

        // a product that exists, added beside the proposal: the need is matched on both, no longer proposed
        leader.get().contentType(form).formParam("productCodes", harmonic).formParam("productCodes", r.bearings)
                .formParam("productLabels", "轴承").post("/needs/" + id + "/codes").then().statusCode(303);
        Logins.firm(r.leader).get("/api/v1/needs/{id}", id).then().statusCode(200).body("codesProposed", equalTo(false))
                .body("productCodes", equalTo(List.of(harmonic, r.bearings)));
    }

    @Test
    void aNewTitleOfANeedWhoseCodesAreStillProposedIsReadAgain() {
        JsonPath need = post(r.leader, "{\"kind\": \"SUPPLY\", \"title\": \"采购一批%s\"}".formatted(tag + "谐波减速器"));
        String id = need.getString("id");
        assertEquals(List.of(harmonic), need.getList("productCodes"));
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"title\": \"采购%s十台\"}".formatted(tag + "减速器"))
                .patch("/api/v1/needs/{id}", id).then().statusCode(200).body("codesProposed", equalTo(true))
                .body("productCodes", equalTo(List.of(reducer))).body("proposedCodes.code", hasItem(reducer));
    }

    @Test
    void wordsThatNameNoProductAreRefusedWithAReasonAndNothingIsWritten() {
        long before = needsOf(r.leader);
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"kind\": \"SUPPLY\", \"title\": \"今天天气很好，欢迎来参观\"}")
                .post("/api/v1/needs").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("产品")).body("errors.field", hasItem("productCodes"));
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"kind\": \"TECH\", \"title\": \"今天天气很好，欢迎来参观\"}")
                .post("/api/v1/needs").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("technologyCodes"));
        assertEquals(before, needsOf(r.leader));
    }

    @Test
    void anImportedNeedRowWithoutCodesIsReadTheSameWay() {
        String id = r.p + "-N1";
        // the snapshot follows the product import through the change feed; import (idempotently) until it is read
        org.awaitility.Awaitility.await("the imported row's words are read").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Imports.upload(TestData.csv(dir, "needs.csv", """
                            id,kind,postedBy,title,description,productCodes
                            %s,SUPPLY,%s,寻找%s供应商%d,就近配套,
                            """.formatted(id, r.leader, tag + "柔轮", System.nanoTime()))).statusCode(201).body("errors", hasSize(0));
                    JsonPath need = Logins.admin().get("/api/v1/needs/{id}", id).then().statusCode(200).extract().jsonPath();
                    return need.getList("productCodes").equals(List.of(harmonic)) && need.getBoolean("codesProposed");
                });
    }

    @Test
    void aTechNeedInWordsGetsTheTechnologyItNamesByItsKeyword() {
        String t = r.p + "T1";
        Imports.upload(TestData.csv(dir, "technologies.csv", """
                code,name,broaderCode,segmentIds,keywords
                %1$s,%3$s精密加工技术,,%2$sS1,%3$s工艺
                """.formatted(t, r.p, tag))).statusCode(201).body("errors", hasSize(0));
        JsonPath need = post(r.leader, "{\"kind\": \"TECH\", \"title\": \"寻求%s的高校合作\"}".formatted(tag + "工艺"));
        assertTrue(need.getBoolean("codesProposed"));
        assertTrue(need.getList("technologyCodes").contains(t), need.getList("technologyCodes").toString());
        List<Map<String, Object>> proposed = need.getList("proposedCodes");
        assertTrue(proposed.stream().anyMatch(p -> t.equals(p.get("code")) && "TECHNOLOGY".equals(p.get("type"))), proposed.toString());
    }
}
