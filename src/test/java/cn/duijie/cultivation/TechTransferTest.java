package cn.duijie.cultivation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Imports;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** 技术转移项目: recorded by a party or a bureau, checked, and counted on the receiving firm's region's dashboard. */
@QuarkusTest
class TechTransferTest {

    @TempDir
    Path dir;
    String p;
    String city;
    String lab;
    String firm;
    String other;
    String far;
    String techNeed;
    String othersNeed;

    @BeforeEach
    void setUp() {
        Ready.await();
        p = TestData.prefix();
        // a city of its own, so other tests' transfers never count here
        int h = Math.floorMod((p + "tt").hashCode(), 6000);
        city = String.format("%02d%02d00", 40 + h / 100, h % 100);
        lab = p + "LAB";
        firm = TestData.creditCode(p + "firm");
        other = TestData.creditCode(p + "other");
        far = TestData.creditCode(p + "far");
        Imports.upload(TestData.jiangsuRegions(dir)).statusCode(201);
        Imports.upload(TestData.csv(dir.resolve("c"), "regions.csv", "code,name,level,parentCode,lat,lon\n"
                + city + "," + p + "市,CITY,,33.0,119.0\n" + city.substring(0, 4) + "01," + p + "区,DISTRICT," + city + ",33.0,119.0\n"))
                .statusCode(201);
        Imports.upload(
                TestData.csv(dir, "chains.csv", "id,name,description\n" + p + "C," + p + "链,\n"),
                TestData.csv(dir, "segments.csv", "id,chainId,name,stage,feedsSegmentIds\n" + p + "S," + p + "C," + p + "环节,UPSTREAM,\n"),
                TestData.csv(dir, "products.csv", "code,name,segmentId,broaderCode,keywords\n" + p + "P," + p + "熔覆粉末," + p + "S,,\n"),
                TestData.csv(dir, "technologies.csv", "code,name,broaderCode,segmentIds,keywords\n" + p + "T," + p + "激光熔覆技术,,,熔覆\n"),
                TestData.csv(dir, "institutions.csv", "id,name,kind,regionCode,technologyCodes,description\n"
                        + lab + ",南京" + p + "大学,UNIVERSITY,320113," + p + "T,\n"),
                TestData.csv(dir, "achievements.csv", "id,title,institutionId,kind,trl,technologyCodes,productCodes,description\n"
                        + p + "A1,一种高速激光熔覆方法," + lab + ",PATENT,6," + p + "T,,\n"),
                TestData.csv(dir, "enterprises.csv", "creditCode,name,regionCode,tier\n"
                        + firm + "," + p + "熔覆科技," + city.substring(0, 4) + "01,INNOVATIVE\n"
                        + other + "," + p + "另一家," + city.substring(0, 4) + "01,POOL\n"
                        + far + "," + p + "丹阳企业,321181,POOL\n"))
                .statusCode(201).body("errorCount", equalTo(0));
        techNeed = need(firm, "TECH");
        othersNeed = need(other, "TECH");
    }

    private String need(String poster, String kind) {
        return Logins.admin().contentType("application/json")
                .body(Map.of("kind", kind, "postedBy", poster, "title", p + "熔覆层开裂难题",
                        kind.equals("TECH") ? "technologyCodes" : "productCodes", List.of(kind.equals("TECH") ? p + "T" : p + "P")))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> transfer(String creditCode, String mode, String signedOn) {
        Map<String, Object> m = new HashMap<>();
        m.put("achievementId", p + "A1");
        m.put("creditCode", creditCode);
        m.put("mode", mode);
        m.put("signedOn", signedOn);
        return m;
    }

    @Test
    void transfersTheRegionsFirmsReceivedCountAgainstTheTargetUpToTheTargetYear() {
        Logins.admin().contentType("application/json").body(Map.of("year", 2025, "techTransfers", 3))
                .put("/api/v1/regions/{c}/targets", city).then().statusCode(200).body("techTransfers", equalTo(3));
        Map<String, Object> sold = transfer(firm, "transfer", "2025-06-01");
        sold.put("amountWan", 120);
        sold.put("needId", techNeed);
        // the university records its own achievement's sale
        String id = Logins.institution(lab).contentType("application/json").body(sold).post("/api/v1/tech-transfers").then()
                .statusCode(201).header("Location", containsString("/api/v1/tech-transfers/"))
                .body("mode", equalTo("TRANSFER")).body("modeLabel", equalTo("转让"))
                .body("institutionId", equalTo(lab)).body("institutionName", equalTo("南京" + p + "大学"))
                .body("firmName", equalTo(p + "熔覆科技")).body("achievementTitle", equalTo("一种高速激光熔覆方法"))
                .body("amountWan", equalTo(120.0f)).body("needId", equalTo(techNeed))
                .body("recordedFor", equalTo("INSTITUTION:" + lab)).extract().path("id");
        // the city's clerk records a licence signed the next year; the admin one to a firm of another city
        Logins.bureau(city).contentType("application/json").body(transfer(firm, "LICENSE", "2026-01-10"))
                .post("/api/v1/tech-transfers").then().statusCode(201).body("recordedFor", equalTo("BUREAU:" + city));
        Logins.admin().contentType("application/json").body(transfer(far, "EQUITY", "2025-03-01"))
                .post("/api/v1/tech-transfers").then().statusCode(201);

        Logins.bureau(city).queryParam("region", city).get("/api/v1/dashboard").then().statusCode(200)
                .body("outcomes.find { it.metric == 'TECH_TRANSFERS' }.actual", equalTo(1.0f))
                .body("outcomes.find { it.metric == 'TECH_TRANSFERS' }.target", equalTo(3.0f))
                .body("outcomes.find { it.metric == 'TECH_TRANSFERS' }.gap", equalTo(2.0f));
        // 2026 has no targets: the count runs to the end of 2026
        Logins.admin().queryParam("region", city).queryParam("year", 2026).get("/api/v1/dashboard").then().statusCode(200)
                .body("outcomes.find { it.metric == 'TECH_TRANSFERS' }.actual", equalTo(2.0f));
        Logins.bureau(city).queryParam("region", city).get("/api/v1/tech-transfers").then().statusCode(200)
                .body("total", equalTo(2)).body("items.mode", contains("LICENSE", "TRANSFER"));

        // the parties and their bureaus read it; a firm or a bureau of neither side does not learn it exists
        Logins.firm(firm).get("/api/v1/tech-transfers/{id}", id).then().statusCode(200).body("signedOn", equalTo("2025-06-01"));
        Logins.bureau("320100").get("/api/v1/tech-transfers/{id}", id).then().statusCode(200);
        Logins.firm(far).get("/api/v1/tech-transfers/{id}", id).then().statusCode(404).contentType("application/problem+json");
        Logins.bureau("320500").get("/api/v1/tech-transfers/{id}", id).then().statusCode(404);
        Logins.bureau("320500").queryParam("region", city).get("/api/v1/tech-transfers").then().statusCode(404);
    }

    @Test
    void aTransferIsCheckedRecordedOnceAndOnlyByItsPartiesOrTheirBureaus() {
        Map<String, Object> bad = transfer(firm, "SELL", "2999-01-01");
        Logins.admin().contentType("application/json").body(bad).post("/api/v1/tech-transfers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("mode", "signedOn"))
                .body("errors.find { it.field == 'mode' }.reason", containsString("TRANSFER / LICENSE / EQUITY"))
                .body("errors.find { it.field == 'signedOn' }.reason", containsString("晚于今天"));
        Map<String, Object> noAchievement = transfer(firm, "TRANSFER", "2025-01-01");
        noAchievement.remove("achievementId");
        Logins.admin().contentType("application/json").body(noAchievement).post("/api/v1/tech-transfers").then().statusCode(400)
                .body("errors[0].field", containsString("achievementId"));
        Map<String, Object> unknown = transfer(firm, "TRANSFER", "2025-01-01");
        unknown.put("achievementId", p + "NOPE");
        Logins.admin().contentType("application/json").body(unknown).post("/api/v1/tech-transfers").then().statusCode(422)
                .body("errors[0].field", equalTo("achievementId")).body("errors[0].reason", containsString(p + "NOPE"));
        Map<String, Object> wrongNeed = transfer(firm, "TRANSFER", "2025-01-01");
        wrongNeed.put("needId", othersNeed);
        Logins.admin().contentType("application/json").body(wrongNeed).post("/api/v1/tech-transfers").then().statusCode(422)
                .body("errors[0].field", equalTo("needId")).body("errors[0].reason", containsString("受让企业"));
        Map<String, Object> supplyNeed = transfer(firm, "TRANSFER", "2025-01-01");
        supplyNeed.put("needId", need(firm, "SUPPLY"));
        Logins.admin().contentType("application/json").body(supplyNeed).post("/api/v1/tech-transfers").then().statusCode(422);

        // neither party: another firm, another city's clerk; nobody logged in
        Logins.firm(far).contentType("application/json").body(transfer(firm, "TRANSFER", "2025-01-01"))
                .post("/api/v1/tech-transfers").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(firm));
        Logins.bureau("320500").contentType("application/json").body(transfer(firm, "TRANSFER", "2025-01-01"))
                .post("/api/v1/tech-transfers").then().statusCode(403);
        given().contentType("application/json").body(transfer(firm, "TRANSFER", "2025-01-01"))
                .post("/api/v1/tech-transfers").then().statusCode(401);

        // the receiving firm records it; the same achievement, firm and mode a second time is a conflict
        Logins.firm(firm).contentType("application/json").body(transfer(firm, "TRANSFER", "2025-01-01"))
                .post("/api/v1/tech-transfers").then().statusCode(201).body("id", notNullValue());
        Logins.institution(lab).contentType("application/json").body(transfer(firm, "TRANSFER", "2025-02-01"))
                .post("/api/v1/tech-transfers").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("登记过了"));
        Logins.admin().queryParam("region", city).get("/api/v1/tech-transfers").then().statusCode(200).body("total", equalTo(1));
    }
}
