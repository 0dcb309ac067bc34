package cn.duijie.resilience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RecruitmentTest {

    @TempDir
    Path dir;
    ResilienceRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new ResilienceRegion(dir, '6');
    }

    @Test
    void aGapsListStartsWithMakersOfTheMissingProductRankedForTheLeadersThatBuyIt() {
        JsonPath json = Logins.bureau(r.cityA).queryParam("region", r.cityA).queryParam("min", 1)
                .get("/api/v1/chains/{id}/recruitment", r.chain).then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of(r.p0, r.p2), Set.copyOf(json.getList("gaps.gap.id", String.class)), "the products no firm of 甲 makes");
        String row = "gaps.find { it.gap.id == '%s' }".formatted(r.p2);
        assertEquals(Set.of(r.leader, r.leader2), Set.copyOf(json.getList(row + ".buyers.creditCode", String.class)));
        assertEquals(List.of("BUYS", "BUYS"), json.getList(row + ".buyers.how"));
        List<String> ids = json.getList(row + ".candidates.candidate.id", String.class);
        List<Boolean> makes = json.getList(row + ".candidates.makesProduct", Boolean.class);
        assertEquals(Set.of(r.s2a, r.s2b, r.outsideOnly), Set.copyOf(ids.subList(0, 3)), "makers of 伺服电机 first: " + ids);
        assertEquals(List.of(true, true, true, false), makes, ids.toString());
        assertEquals(r.broadMaker, ids.get(3), "the big maker of the broader 电机 only after them");
        assertTrue(json.getList(row + ".candidates[3].reasons.code", String.class).contains("CLOSE_PRODUCT_ONLY"));
        assertTrue(json.getString(row + ".candidates[0].reasons[0].text").contains("可为本地区 2 家"), json.getString(row + ".candidates[0].reasons[0].text"));
        for (String inside : List.of(r.leader, r.leader2, r.s1, r.sameCity, r.s3big, r.m4)) {
            assertFalse(ids.contains(inside), "firms already in the region are not recruited: " + inside);
        }
        assertEquals(r.chain, json.getString("chainId"));
    }

    @Test
    void aGapNobodyBuysIsRankedForTheLeadersItsSegmentFeeds() {
        // P0 (电机) is bought by no leader: the leaders of 整机 (fed by 核心部件) are who it would serve
        JsonPath json = Logins.admin().queryParam("region", r.cityA).queryParam("min", 1)
                .get("/api/v1/chains/{id}/recruitment", r.chain).then().statusCode(200).extract().jsonPath();
        String row = "gaps.find { it.gap.id == '%s' }".formatted(r.p0);
        assertEquals(List.of("SEGMENT_FED", "SEGMENT_FED"), json.getList(row + ".buyers.how"));
        assertEquals(r.broadMaker, json.getString(row + ".candidates[0].candidate.id"));
    }

    @Test
    void theRegionIsRequiredAndOnlyItsBureauMayAsk() {
        Logins.admin().get("/api/v1/chains/{id}/recruitment", r.chain).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("region"));
        Logins.admin().queryParam("region", r.cityA).get("/api/v1/chains/{id}/recruitment", r.p + "NOCHAIN").then().statusCode(404)
                .body("detail", containsString("不存在"));
        Logins.admin().queryParam("region", r.province.substring(0, 2) + "9900").get("/api/v1/chains/{id}/recruitment", r.chain)
                .then().statusCode(404);
        Logins.admin().queryParam("region", r.cityA).queryParam("min", 0).get("/api/v1/chains/{id}/recruitment", r.chain)
                .then().statusCode(400);
        given().queryParam("region", r.cityA).get("/api/v1/chains/{id}/recruitment", r.chain).then().statusCode(401);
        Logins.firm(r.leader).queryParam("region", r.cityA).get("/api/v1/chains/{id}/recruitment", r.chain).then().statusCode(403);
        Logins.bureau(r.cityB).queryParam("region", r.cityA).get("/api/v1/chains/{id}/recruitment", r.chain).then().statusCode(404);
    }
}
