package cn.duijie.cultivation;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
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

/** 一企一册: 服务专员, visits and the improvement plan, kept whole or not at all. */
@QuarkusTest
class CultivationFileTest {

    @TempDir
    Path dir;
    String code;

    @BeforeEach
    void setUp() {
        Ready.await();
        Imports.upload(TestData.jiangsuRegions(dir)).statusCode(201);
        String p = TestData.prefix();
        code = TestData.creditCode(p);
        Logins.admin().contentType("application/json").body(ReadinessTest.onTheSpecializedLine(p + "培育企业"))
                .put("/api/v1/enterprises/{c}", code).then().statusCode(201);
    }

    @Test
    void aBureauOpensAFileRecordsVisitsAndTracksThePlan() {
        Logins.admin().get("/api/v1/enterprises/{c}/cultivation", code).then().statusCode(200)
                .body("openedAt", nullValue()).body("visits", hasSize(0)).body("currentTier", equalTo("INNOVATIVE"));
        String id = Logins.admin().contentType("application/json").body(Map.of(
                        "officer", Map.of("name", "王专员", "contact", "0511-1234567"),
                        "targetTier", "specialized",
                        "visits", List.of(Map.of("date", "2026-11-20", "kind", "VISIT", "note", "走访：研发费用归集不规范")),
                        "planItems", List.of(Map.of("title", "规范研发费用归集", "indicatorCode", "rdSpendWan", "dueOn", "2020-12-31"),
                                Map.of("title", "申请发明专利", "indicatorCode", "ipClass1", "dueOn", "2027-06-30"))))
                .post("/api/v1/enterprises/{c}/cultivation", code).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/enterprises/" + code + "/cultivation"))
                .body("officer.name", equalTo("王专员"))
                .body("targetTier", equalTo("SPECIALIZED"))
                .body("openedAt", notNullValue())
                .body("planItems.title", contains("规范研发费用归集", "申请发明专利"))
                .body("planItems[0].status", equalTo("OPEN"))
                .body("planItems[0].overdue", equalTo(true))
                .body("planItems[1].overdue", equalTo(false))
                .extract().path("planItems[0].id");
        Logins.admin().contentType("application/json").body(Map.of(
                        "visits", List.of(Map.of("date", "2026-12-01", "kind", "CALL", "note", "电话回访")),
                        "planItems", List.of(Map.of("id", id, "status", "DONE"))))
                .post("/api/v1/enterprises/{c}/cultivation", code).then().statusCode(200)
                .body("visits.note", contains("电话回访", "走访：研发费用归集不规范"))
                .body("planItems.find { it.id == '" + id + "' }.status", equalTo("DONE"))
                .body("planItems.find { it.id == '" + id + "' }.overdue", equalTo(false));
    }

    @Test
    void aBadUpdateWritesNothing() {
        Logins.admin().contentType("application/json").body(Map.of("officer", Map.of("name", "李专员")))
                .post("/api/v1/enterprises/{c}/cultivation", code).then().statusCode(201);
        Logins.admin().contentType("application/json").body(Map.of(
                        "visits", List.of(Map.of("date", "2026-12-01", "note", "不应写入")),
                        "planItems", List.of(Map.of("title", "x", "status", "LATER"))))
                .post("/api/v1/enterprises/{c}/cultivation", code).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("planItems[0].status"));
        Logins.admin().contentType("application/json").body(Map.of(
                        "visits", List.of(Map.of("date", "2026-12-01", "note", "也不应写入")),
                        "planItems", List.of(Map.of("id", "00000000-0000-0000-0000-000000000001", "status", "DONE"))))
                .post("/api/v1/enterprises/{c}/cultivation", code).then().statusCode(404);
        Logins.admin().get("/api/v1/enterprises/{c}/cultivation", code).then().statusCode(200).body("visits", hasSize(0));
        Logins.admin().contentType("application/json").body(Map.of("visits", List.of(Map.of("note", "无日期"))))
                .post("/api/v1/enterprises/{c}/cultivation", code).then().statusCode(400);
        Logins.admin().get("/api/v1/enterprises/{c}/cultivation", TestData.creditCode(TestData.prefix())).then().statusCode(404);
    }
}
