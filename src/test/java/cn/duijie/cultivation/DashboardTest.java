package cn.duijie.cultivation;

import cn.duijie.support.Logins;
import io.restassured.RestAssured;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Imports;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Plan targets and the dashboard of a region whose firms and targets are known. */
@QuarkusTest
class DashboardTest {

    @TempDir
    Path dir;
    String p;
    String city;

    @BeforeEach
    void setUp() {
        Ready.await();
        p = TestData.prefix();
        // a city of its own (a code no real region has), so other tests' firms never count here
        int h = Math.floorMod(p.hashCode(), 6000);
        city = String.format("%02d%02d00", 40 + h / 100, h % 100);
        String d1 = city.substring(0, 4) + "01";
        String d2 = city.substring(0, 4) + "02";
        StringBuilder firms = new StringBuilder("creditCode,name,regionCode,tier,productCodes,tierHistory\n");
        String[][] rows = {
                {d1, "NONE", "", ""}, {d1, "POOL", "", ""}, {d1, "POOL", "P", ""},
                {d1, "INNOVATIVE", "P", "INNOVATIVE:2022"}, {d1, "INNOVATIVE", "P", ""}, {d1, "INNOVATIVE", "", ""},
                {d1, "SPECIALIZED", "P", "INNOVATIVE:2021|SPECIALIZED:2023"}, {d1, "SPECIALIZED", "", ""},
                {d2, "SPECIALIZED", "", ""}, {d1, "LITTLE_GIANT", "P", "SPECIALIZED:2022|LITTLE_GIANT:2024-07-01"},
                {d2, "CHAMPION", "", ""}};
        for (int i = 0; i < rows.length; i++) {
            firms.append(TestData.creditCode(p + i)).append(',').append(p).append("企业").append(i).append(',').append(rows[i][0])
                    .append(',').append(rows[i][1]).append(',').append(rows[i][2].isEmpty() ? "" : p + "P").append(',')
                    .append(rows[i][3]).append('\n');
        }
        // a firm of the same chain elsewhere does not count
        firms.append(TestData.creditCode(p + "far")).append(',').append(p).append("外地企业,321181,SPECIALIZED,").append(p).append("P,\n");
        Imports.upload(TestData.jiangsuRegions(dir)).statusCode(201);
        Imports.upload(
                TestData.csv(dir.resolve("c"), "regions.csv", "code,name,level,parentCode,lat,lon\n"
                        + city + "," + p + "市,CITY,,33.0,119.0\n" + d1 + "," + p + "一区,DISTRICT," + city + ",33.0,119.0\n"
                        + d2 + "," + p + "二区,DISTRICT," + city + ",33.1,119.1\n")).statusCode(201);
        Imports.upload(
                TestData.csv(dir, "chains.csv", "id,name,description\n" + p + "C," + p + "链,\n"),
                TestData.csv(dir, "segments.csv", "id,chainId,name,stage,feedsSegmentIds\n" + p + "S," + p + "C," + p + "环节,UPSTREAM,\n"),
                TestData.csv(dir, "products.csv", "code,name,segmentId,broaderCode,keywords\n" + p + "P," + p + "产品," + p + "S,,\n"),
                TestData.csv(dir, "enterprises.csv", firms.toString())).statusCode(201).body("errorCount", equalTo(0));
    }

    private Map<String, Object> targets() {
        return Map.of("year", 2025, "source", "测试市专精特新培育行动计划",
                "tiers", List.of(Map.of("tiers", List.of("CHAMPION"), "count", 2), Map.of("tiers", List.of("LITTLE_GIANT"), "count", 3),
                        Map.of("tiers", List.of("SPECIALIZED"), "count", 5), Map.of("tiers", List.of("innovative"), "count", 10),
                        Map.of("tiers", List.of("LITTLE_GIANT", "CHAMPION"), "count", 4)),
                "techAgreements", 20, "meetings", 30,
                "srdiShare", List.of(Map.of("chainId", p + "C", "share", 0.5)));
    }

    @Test
    void thePipelineOfAKnownRegionShowsItsCountsAndGaps() {
        Logins.admin().contentType("application/json").body(targets()).put("/api/v1/regions/{c}/targets", city).then().statusCode(200)
                .body("year", equalTo(2025)).body("regionCode", equalTo(city))
                .body("tiers.find { it.tiers == ['CHAMPION', 'LITTLE_GIANT'] }.count", equalTo(4))
                .body("tiers.find { it.tiers == ['INNOVATIVE'] }.count", equalTo(10));
        Logins.admin().queryParam("region", city).get("/api/v1/dashboard").then().statusCode(200)
                .body("year", equalTo(2025))
                .body("tiers.find { it.tier == 'POOL' }.count", equalTo(2))
                .body("tiers.find { it.tier == 'INNOVATIVE' }.count", equalTo(3))
                .body("tiers.find { it.tier == 'SPECIALIZED' }.count", equalTo(3))
                .body("tiers.find { it.tier == 'SPECIALIZED' }.atOrAbove", equalTo(5))
                .body("tiers.find { it.tier == 'LITTLE_GIANT' }.count", equalTo(1))
                .body("tiers.find { it.tier == 'CHAMPION' }.count", equalTo(1))
                .body("pipeline.find { it.tiers == ['CHAMPION'] }.gap", equalTo(1))
                .body("pipeline.find { it.tiers == ['LITTLE_GIANT'] }.actual", equalTo(2))
                .body("pipeline.find { it.tiers == ['LITTLE_GIANT'] }.gap", equalTo(1))
                .body("pipeline.find { it.tiers == ['SPECIALIZED'] }.gap", equalTo(0))
                .body("pipeline.find { it.tiers == ['INNOVATIVE'] }.actual", equalTo(8))
                .body("pipeline.find { it.tiers == ['INNOVATIVE'] }.gap", equalTo(2))
                .body("pipeline.find { it.tiers == ['CHAMPION', 'LITTLE_GIANT'] }.gap", equalTo(2))
                // 5 firms make the chain's product here, 2 of them SPECIALIZED or above: 40 % against 50 % → 1 firm short
                .body("concentration[0].chainId", equalTo(p + "C"))
                .body("concentration[0].firms", equalTo(5))
                .body("concentration[0].srdiFirms", equalTo(2))
                .body("concentration[0].share", equalTo(0.4f))
                .body("concentration[0].target", equalTo(0.5f))
                .body("concentration[0].gapFirms", equalTo(1))
                .body("outcomes.find { it.metric == 'TECH_AGREEMENTS' }.target", equalTo(20.0f))
                .body("outcomes.find { it.metric == 'TECH_AGREEMENTS' }.actual", equalTo(0.0f))
                .body("outcomes.find { it.metric == 'TECH_AGREEMENTS' }.gap", equalTo(20.0f))
                .body("outcomes.find { it.metric == 'TECH_TRANSFERS' }.actual", equalTo(0.0f))
                // the climb: 2021 one innovative; 2023 the specialized one; 2024 the little giant
                .body("climb.years", hasItem(2021))
                .body("climb.series.find { it.tier == 'INNOVATIVE' }.counts[0]", equalTo(1))
                .body("climb.series.find { it.tier == 'LITTLE_GIANT' }.counts[3]", equalTo(1))
                .body("climb.series.find { it.tier == 'LITTLE_GIANT' }.counts[2]", equalTo(0));
    }

    @Test
    void theFiveCitiesComeWithTheirPlansAndBadTargetsAreRefused() {
        Logins.admin().get("/api/v1/regions/321100/targets").then().statusCode(200)
                .body("[0].year", equalTo(2025))
                .body("[0].tiers.find { it.tiers == ['LITTLE_GIANT'] }.count", equalTo(50))
                .body("[0].poolSize", equalTo(1500));
        Logins.admin().get("/api/v1/regions/320581/targets?year=2025").then().statusCode(200)
                .body("[0].tiers.find { it.tiers == ['CHAMPION', 'LITTLE_GIANT'] }.count", equalTo(50))
                .body("[0].techAgreements", equalTo(800));
        Logins.admin().contentType("application/json").body(Map.of("year", 2025, "tiers", List.of(Map.of("tiers", List.of("GIANT"), "count", 1))))
                .put("/api/v1/regions/{c}/targets", city).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("tiers"));
        Logins.admin().contentType("application/json").body(Map.of("year", 2025, "srdiShare", List.of(Map.of("chainId", "NOPE", "share", 0.1))))
                .put("/api/v1/regions/{c}/targets", city).then().statusCode(422).body("detail", containsString("NOPE"));
        Logins.admin().contentType("application/json").body(Map.of("year", 2025, "srdiShare", List.of(Map.of("chainId", p + "C", "share", 1.5))))
                .put("/api/v1/regions/{c}/targets", city).then().statusCode(400);
        Logins.admin().contentType("application/json").body(Map.of("year", 2025)).put("/api/v1/regions/999999/targets").then().statusCode(404);
        Logins.admin().get("/api/v1/dashboard").then().statusCode(400).body("detail", containsString("region"));
        Logins.admin().queryParam("region", "999999").get("/api/v1/dashboard").then().statusCode(404);
        // a region with no targets still shows its counts
        Logins.admin().queryParam("region", city).get("/api/v1/dashboard").then().statusCode(200)
                .body("year", nullValue()).body("pipeline.size()", equalTo(0))
                .body("tiers.tier", contains("POOL", "INNOVATIVE", "SPECIALIZED", "LITTLE_GIANT", "CHAMPION"));
    }

    @Test
    void aClerkOfAnotherCityCannotReadOrEditThisCitysTargetsDashboardOrCandidates() {
        // 镇江 321100 is not 南京's: another city's desk answers 404, as another party's private object does
        Logins.bureau("320100").get("/api/v1/regions/321100/targets").then().statusCode(404).contentType("application/problem+json");
        Logins.bureau("320100").contentType("application/json").body(Map.of("year", 2025))
                .put("/api/v1/regions/321100/targets").then().statusCode(404);
        Logins.bureau("320100").queryParam("region", "321100").get("/api/v1/dashboard").then().statusCode(404);
        Logins.bureau("320100").queryParam("region", "321100").get("/api/v1/cultivation/candidates").then().statusCode(404);
        // the city's own clerk, and the province's, may
        Logins.bureau("321100").get("/api/v1/regions/321100/targets").then().statusCode(200);
        Logins.bureau("320000").get("/api/v1/regions/321100/targets").then().statusCode(200);
        // a firm is no bureau
        RestAssured.given().get("/api/v1/regions/321100/targets").then().statusCode(401);
    }

    @Test
    void candidatesAreRankedByHowLittleTheyLackAndBothListsExportToExcel() throws Exception {
        String d1 = city.substring(0, 4) + "01";
        String ready = TestData.creditCode(p + "ready");
        String oneShort = TestData.creditCode(p + "one");
        String twoShort = TestData.creditCode(p + "two");
        Map<String, Object> a = new java.util.HashMap<>(ReadinessTest.onTheSpecializedLine(p + "达标企业"));
        a.put("regionCode", d1);
        Logins.admin().contentType("application/json").body(a).put("/api/v1/enterprises/{c}", ready).then().statusCode(201);
        Map<String, Object> b = new java.util.HashMap<>(a);
        b.put("name", p + "差一项企业");
        b.put("rdRatio", 0.025);
        Logins.admin().contentType("application/json").body(b).put("/api/v1/enterprises/{c}", oneShort).then().statusCode(201);
        Map<String, Object> c = new java.util.HashMap<>(b);
        c.put("name", p + "差两项企业");
        c.put("nicheYears", 2);
        Logins.admin().contentType("application/json").body(c).put("/api/v1/enterprises/{c}", twoShort).then().statusCode(201);
        Logins.admin().queryParam("region", city).queryParam("tier", "SPECIALIZED").queryParam("regime", "N2026")
                .get("/api/v1/cultivation/candidates").then().statusCode(200)
                .body("items.creditCode[0..2]", contains(ready, oneShort, twoShort))
                .body("items[0].eligible", equalTo(true))
                .body("items[1].lacks.code", contains("rdRatio"))
                .body("items[2].lacks.code", contains("nicheYears", "rdRatio"))
                .body("total", equalTo(6 + 3)); // the setup's six firms below SPECIALIZED and the three here
        Logins.admin().queryParam("region", city).queryParam("tier", "GIANT").get("/api/v1/cultivation/candidates").then().statusCode(400);

        byte[] xlsx = Logins.admin().queryParam("region", city).queryParam("tier", "SPECIALIZED").queryParam("regime", "N2026")
                .get("/api/v1/cultivation/candidates.xlsx").then().statusCode(200)
                .contentType(containsString("spreadsheetml")).extract().asByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = wb.getFirstSheet().read();
            org.junit.jupiter.api.Assertions.assertEquals("企业名称", rows.get(0).getCellText(1));
            org.junit.jupiter.api.Assertions.assertEquals(p + "达标企业", rows.get(1).getCellText(1));
            org.junit.jupiter.api.Assertions.assertTrue(rows.get(2).getCellText(10).contains("研发"), rows.get(2).getCellText(10));
        }
        Logins.admin().contentType("application/json").body(targets()).put("/api/v1/regions/{c}/targets", city).then().statusCode(200);
        xlsx = Logins.admin().queryParam("region", city).get("/api/v1/dashboard.xlsx").then().statusCode(200).extract().asByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheets = wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
            org.junit.jupiter.api.Assertions.assertEquals(List.of("梯度培育 Pipeline", "逐年 Climb", "集聚度 Concentration", "对接成效 Outcomes"), sheets);
            var chains = wb.getSheets().toList().get(2).read();
            org.junit.jupiter.api.Assertions.assertEquals(p + "链", chains.get(1).getCellText(0));
            org.junit.jupiter.api.Assertions.assertEquals("5", chains.get(1).getCellText(1));
        }
    }
}
