package cn.duijie.cultivation;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Imports;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** 找差距补短板 through the API, and the tier history an import keeps. */
@QuarkusTest
class ReadinessTest {

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        Ready.await();
        Imports.upload(TestData.jiangsuRegions(dir)).statusCode(201);
    }

    static Map<String, Object> onTheSpecializedLine(String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("regionCode", "321181");
        m.put("tier", "INNOVATIVE");
        m.put("nicheYears", 3);
        m.put("rdSpendWan", 100);
        m.put("rdSpendPrevWan", 100);
        m.put("rdRatio", 0.03);
        m.put("rdRatioPrev", 0.03);
        m.put("revenueWan", 1500);
        m.put("mainBusinessShare", 0.8);
        m.put("debtRatio", 0.8);
        m.put("ipClass1", 1);
        m.put("rdInstitutionLevel", "NONE");
        m.put("scienceAward", "NONE");
        m.put("developmentScore", 50);
        return m;
    }

    @Test
    void aFirmOneIndicatorShortOfTheSpecializedLineGetsThatIndicatorFirstAndNoOtherGap() {
        String p = TestData.prefix();
        String code = TestData.creditCode(p);
        Map<String, Object> firm = onTheSpecializedLine(p + "精密减速器有限公司");
        firm.put("mainBusinessShare", 0.79);
        Logins.admin().contentType("application/json").body(firm).put("/api/v1/enterprises/{c}", code).then().statusCode(201)
                .body("mainBusinessShare", equalTo(0.79f)).body("nicheYears", equalTo(3.0f));
        Logins.admin().queryParam("regime", "N2026").get("/api/v1/enterprises/{c}/readiness", code).then().statusCode(200)
                .body("creditCode", equalTo(code))
                .body("currentTier", equalTo("INNOVATIVE"))
                .body("regime", equalTo("N2026"))
                .body("assessments.tier", contains("SPECIALIZED", "LITTLE_GIANT", "CHAMPION"))
                .body("assessments[0].eligible", equalTo(false))
                .body("assessments[0].gaps", hasSize(1))
                .body("assessments[0].gaps[0].code", equalTo("mainBusinessShare"))
                .body("assessments[0].gaps[0].text", containsString("80%"))
                .body("assessments[0].requirements.find { it.code == 'mainBusinessShare' }.pass", equalTo(false))
                .body("assessments[0].requirements.find { it.code == 'nicheYears' }.pass", equalTo(true));

        firm.put("mainBusinessShare", 0.8);
        Logins.admin().contentType("application/json").body(firm).put("/api/v1/enterprises/{c}", code).then().statusCode(200);
        Logins.admin().get("/api/v1/enterprises/{c}/readiness?date=2026-06-01", code).then().statusCode(200)
                .body("regime", equalTo("N2026"))
                .body("assessments[0].eligible", equalTo(true))
                .body("assessments[0].gaps", hasSize(0));
        Logins.admin().get("/api/v1/enterprises/{c}/readiness?date=2025-06-01", code).then().statusCode(200)
                .body("regime", equalTo("P2022"))
                .body("assessments[0].basis", containsString("63号"))
                .body("assessments[0].indicators.code", hasItem("netMarginRatio"))
                .body("assessments[0].indicators.find { it.code == 'netMarginRatio' }.missing", equalTo(true))
                .body("assessments[0].missing", hasItem("netMarginRatio"));
    }

    @Test
    void badParametersAndUnknownFirmsAreProblems() {
        Logins.admin().get("/api/v1/enterprises/{c}/readiness", TestData.creditCode(TestData.prefix())).then().statusCode(404)
                .contentType("application/problem+json");
        String p = TestData.prefix();
        String code = TestData.creditCode(p);
        Logins.admin().contentType("application/json").body(onTheSpecializedLine(p + "公司")).put("/api/v1/enterprises/{c}", code)
                .then().statusCode(201);
        Logins.admin().queryParam("regime", "2030").get("/api/v1/enterprises/{c}/readiness", code).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("P2022"));
        Logins.admin().queryParam("date", "yesterday").get("/api/v1/enterprises/{c}/readiness", code).then().statusCode(400);
    }

    @Test
    void anImportThatChangesATierRecordsTheDay() {
        String p = TestData.prefix();
        String code = TestData.creditCode(p + "h");
        String header = "creditCode,name,regionCode,tier,tierHistory\n";
        Imports.upload(TestData.csv(dir, "enterprises.csv", header + code + "," + p + "轴承公司,321181,SPECIALIZED,INNOVATIVE:2022|SPECIALIZED:2024-07-01\n"))
                .statusCode(201).body("errorCount", equalTo(0));
        Logins.admin().get("/api/v1/enterprises/{c}", code).then().statusCode(200)
                .body("tierHistory", contains("INNOVATIVE:2022-01-01", "SPECIALIZED:2024-07-01"));
        // the same file again changes nothing; a new tier is recorded with the day of the import
        Imports.upload(TestData.csv(dir, "enterprises.csv", header + code + "," + p + "轴承公司,321181,SPECIALIZED,INNOVATIVE:2022|SPECIALIZED:2024-07-01\n"))
                .statusCode(201).body("files[0].unchanged", equalTo(1));
        Imports.upload(TestData.csv(dir, "enterprises.csv", "creditCode,name,regionCode,tier\n" + code + "," + p + "轴承公司,321181,LITTLE_GIANT\n"))
                .statusCode(201).body("files[0].updated", equalTo(1));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Logins.admin().get("/api/v1/enterprises/{c}", code).then().statusCode(200)
                .body("tierHistory", contains("INNOVATIVE:2022-01-01", "SPECIALIZED:2024-07-01", "LITTLE_GIANT:" + today));
        Imports.upload(TestData.csv(dir, "enterprises.csv", header + TestData.creditCode(p + "x") + "," + p + "坏公司,321181,POOL,GIANT:2022\n"))
                .statusCode(201).body("errors[0].column", equalTo("tierHistory"))
                .body("errors[0].reason", startsWith("层级记录"));
        Logins.admin().get("/api/v1/enterprises/{c}/readiness", code).then().statusCode(200)
                .body("assessments.tier", equalTo(List.of("CHAMPION")))
                .body("assessments[0].score", nullValue());
    }
}
