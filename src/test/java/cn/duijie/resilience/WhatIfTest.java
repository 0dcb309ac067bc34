package cn.duijie.resilience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WhatIfTest {

    @TempDir
    Path dir;
    ResilienceRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new ResilienceRegion(dir, '8');
    }

    private JsonPath whatIf(RequestSpecification as, String body) {
        return as.contentType("application/json").body(body).post("/api/v1/regions/{code}/what-if", r.cityA)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void removingACityListsExactlyTheLeadersThatLoseTheirOnlySuppliers() {
        JsonPath json = whatIf(Logins.bureau(r.cityA), "{\"regions\": [\"%s\"]}".formatted(r.cityB));
        Set<String> lost = new TreeSet<>();
        for (int i = 0; i < json.getList("leadersLosingSupply").size(); i++) {
            lost.add(json.getString("leadersLosingSupply[%d].leader.creditCode".formatted(i)) + "/"
                    + json.getString("leadersLosingSupply[%d].productCode".formatted(i)));
        }
        assertEquals(new TreeSet<>(Set.of(r.leader + "/" + r.p2, r.leader2 + "/" + r.p2)), lost);
        assertEquals(2, json.getInt("leadersConsidered"));
        assertEquals(Set.of(r.s2a, r.s2b), Set.copyOf(json.getList(
                "leadersLosingSupply.find { it.leader.creditCode == '%s' }.lostSuppliers.creditCode".formatted(r.leader), String.class)));
        assertTrue(json.getString("leadersLosingSupply[0].reason").contains("全部供应商"));
        // nobody in 甲 makes P2: the replacement comes from outside, and never from the removed city
        List<String> reps = json.getList("leadersLosingSupply.find { it.leader.creditCode == '%s' }.replacements.candidate.id"
                .formatted(r.leader), String.class);
        assertEquals(List.of(r.outsideOnly), reps);
        assertFalse(json.getBoolean("leadersLosingSupply[0].replacements[0].inRegion"));
        // P3 keeps one supplier (900 万元 from 甲): left single-source, not lost
        assertEquals(List.of(r.leader + "/" + r.p3), json.getList("leadersLeftSingleSource").stream()
                .map(m -> ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) m).get("leader")).get("creditCode") + "/"
                        + ((java.util.Map<?, ?>) m).get("productCode")).toList());
        assertEquals(List.of(r.s3big), json.getList("leadersLeftSingleSource[0].remainingSuppliers.creditCode"));
        assertEquals(List.of(), json.getList("segmentsLosingCoverage"));
        assertTrue(json.getInt("removed.firmsRemoved") >= 3);
        assertEquals(0, json.getInt("removed.firmsRemovedInRegion"));
    }

    @Test
    void removingAFirmOffersReplacementsInsideTheRegionFirstThenOutside() {
        JsonPath json = whatIf(Logins.admin(), "{\"firms\": [\"%s\"]}".formatted(r.s1));
        assertEquals(List.of(r.leader), json.getList("leadersLosingSupply.leader.creditCode"));
        assertEquals(r.p1, json.getString("leadersLosingSupply[0].productCode"));
        List<String> reps = json.getList("leadersLosingSupply[0].replacements.candidate.id", String.class);
        List<Boolean> inside = json.getList("leadersLosingSupply[0].replacements.inRegion", Boolean.class);
        assertEquals(r.sameCity, reps.get(0), reps.toString());
        assertEquals(List.of(true, false, false, false), inside);
        assertTrue(reps.containsAll(List.of(r.sister, r.independent, r.incumbentsSupplier)), reps.toString());
        assertFalse(reps.contains(r.s1), "a removed firm never replaces itself");
        assertTrue(json.getList("leadersLosingSupply[0].replacements[0].reasons.code", String.class).contains("PRODUCT_EXACT"));
    }

    @Test
    void segmentsThatLoseLocalCoverageAreListed() {
        JsonPath thin = whatIf(Logins.admin(), "{\"firms\": [\"%s\", \"%s\", \"%s\"]}".formatted(r.s1, r.s3big, r.m4));
        assertEquals(List.of(r.segUp), thin.getList("segmentsLeftWithOneMaker.segmentId"));
        assertEquals(4, thin.getInt("segmentsLeftWithOneMaker[0].makersBefore"));
        JsonPath gone = whatIf(Logins.admin(), "{\"firms\": [\"%s\", \"%s\", \"%s\", \"%s\"]}".formatted(r.s1, r.s3big, r.m4, r.sameCity));
        assertEquals(List.of(r.segUp), gone.getList("segmentsLosingCoverage.segmentId"));
        assertEquals(0, gone.getInt("segmentsLosingCoverage[0].makersAfter"));
        assertEquals(r.chain, gone.getString("segmentsLosingCoverage[0].chainId"));
        assertTrue(gone.getString("segmentsLosingCoverage[0].reason").contains("一家不剩"));
        assertEquals(4, gone.getInt("removed.firmsRemovedInRegion"));
    }

    @Test
    void badInputIsAProblemInChineseAndOnlyTheRegionsBureauMayAsk() {
        String url = "/api/v1/regions/{code}/what-if";
        Logins.admin().contentType("application/json").body("{}").post(url, r.cityA).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].reason", containsString("至少指定"));
        String unknownFirm = TestData.creditCode(r.p + "GHOST");
        Logins.admin().contentType("application/json").body("{\"firms\": [\"%s\"], \"regions\": [\"%s\"]}"
                        .formatted(unknownFirm, r.province.substring(0, 2) + "9999"))
                .post(url, r.cityA).then().statusCode(422)
                .body("errors.field", equalTo(List.of("firms[0]", "regions[0]")))
                .body("errors[0].reason", containsString("不在图谱中"));
        Logins.admin().contentType("application/json").body("{\"firms\": [\"NOT-A-CODE\", null], \"regions\": [\"12\"]}")
                .post(url, r.cityA).then().statusCode(400)
                .body("errors.field", hasItem("firms[0]")).body("errors.field", hasItem("firms[1]")).body("errors.field", hasItem("regions[0]"));
        Logins.admin().contentType("application/json").body("{\"firms\": \"x\"}").post(url, r.cityA).then().statusCode(400);
        Logins.admin().contentType("application/json").body("{\"firms\": [\"%s\"]}".formatted(r.s1))
                .post(url, r.province.substring(0, 2) + "9900").then().statusCode(404).body("detail", containsString("行政区划"));
        given().contentType("application/json").body("{\"firms\": [\"%s\"]}".formatted(r.s1)).post(url, r.cityA).then().statusCode(401);
        Logins.firm(r.leader).contentType("application/json").body("{\"firms\": [\"%s\"]}".formatted(r.s1))
                .post(url, r.cityA).then().statusCode(403);
        Logins.bureau(r.cityB).contentType("application/json").body("{\"firms\": [\"%s\"]}".formatted(r.s1))
                .post(url, r.cityA).then().statusCode(404);
    }
}
