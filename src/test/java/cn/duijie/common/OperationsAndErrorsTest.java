package cn.duijie.common;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsAndErrorsTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void readinessReportsBothEnginesUpWithTheirSchemas() {
        Logins.admin().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Neo4j"))
                .body("checks.name", hasItem("PostgreSQL"))
                .body("checks.find { it.name == 'Neo4j' }.data.schema", equalTo("0004"))
                .body("checks.find { it.name == 'Neo4j' }.data.engine", containsString("embedded"));
        Logins.admin().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownPathIsAProblemNotAStackTrace() {
        Logins.admin().get("/api/v1/does-not-exist").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", containsString("资源不存在"))
                .body("detail", containsString("/api/v1/does-not-exist"));
        Logins.admin().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aQueryParameterOfTheWrongTypeIs400NotAMissingPage() {
        Logins.admin().queryParam("page", "abc").get("/api/v1/needs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("page=abc"));
    }

    @Test
    void wrongMethodIs405Problem() {
        Logins.admin().delete("/api/v1/system/status").then().statusCode(405)
                .contentType("application/problem+json")
                .body("title", containsString("不支持该请求方法"));
    }

    @Test
    void metricsOpenApiAndSwaggerAreServed() {
        Logins.admin().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        Logins.admin().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/system/status"));
        Logins.admin().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void systemStatusNamesEnginesWithoutLeakingInternals() {
        Logins.admin().get("/api/v1/system/status").then().statusCode(200)
                .body("neo4j", containsString("embedded"))
                .body("postgres", containsString("embedded"))
                .body("toString()", not(containsString("Exception")));
    }
}
