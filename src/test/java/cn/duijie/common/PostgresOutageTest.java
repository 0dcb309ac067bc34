package cn.duijie.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import cn.duijie.support.EmbeddedEnginesResource;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * With PostgreSQL stopped, endpoints that read or write what people wrote (needs, events, accounts, targets, import
 * jobs, the login itself) answer 503 problem+json with a Chinese reason and Retry-After, never 500; once it is back
 * they work again without a restart of the service.
 */
@QuarkusTest
class PostgresOutageTest {

    @Test
    void everyPostgresEndpointSays503WithAChineseReasonWhilePostgresIsDown() {
        Ready.await();
        String admin = Logins.token("admin", Logins.ADMIN_PASSWORD);
        List<String> paths = List.of("/api/v1/needs", "/api/v1/needs/N-ANY", "/api/v1/events", "/api/v1/accounts",
                "/api/v1/regions/321100/targets", "/api/v1/imports/00000000-0000-0000-0000-000000000000");
        EmbeddedEnginesResource.engines().stopPostgres();
        try {
            List<CompletableFuture<Response>> answers = paths.stream()
                    .map(p -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(admin).get(p).andReturn())).toList();
            for (int i = 0; i < paths.size(); i++) {
                assertOutage(paths.get(i), answers.get(i).join());
            }
            assertOutage("POST /api/v1/auth/token", given().contentType(ContentType.JSON)
                    .body(Map.of("username", "admin", "password", Logins.ADMIN_PASSWORD)).post("/api/v1/auth/token").andReturn());
            assertOutage("POST /api/v1/needs", given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"kind\": \"SUPPLY\", \"postedBy\": \"91321100MA1XXXXXX0\", \"title\": \"停库时发布\"}")
                    .post("/api/v1/needs").andReturn());
        } finally {
            EmbeddedEnginesResource.engines().startPostgres();
        }
        org.awaitility.Awaitility.await("needs readable again after PostgreSQL is back")
                .atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(admin).get("/api/v1/needs").statusCode() == 200);
    }

    private static void assertOutage(String what, Response r) {
        assertEquals(503, r.statusCode(), what + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), what);
        assertEquals(Messages.get("engine.postgresql-unavailable"), r.jsonPath().getString("detail"), what);
        assertNotNull(r.header("Retry-After"), what);
    }
}
