package cn.duijie.need;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NeedLifecycleTest {

    @TempDir
    Path dir;
    @Inject
    Driver driver;
    SupplyRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new SupplyRegion(dir);
    }

    private long needsOf(String firm) {
        return Logins.admin().queryParam("postedBy", firm).get("/api/v1/needs").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void aPostedNeedIsReadableListedAndProjectedIntoTheGraph() {
        String id = Logins.admin().contentType("application/json").body(r.needJson()).post("/api/v1/needs").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/needs/"))
                .body("status", equalTo("OPEN"))
                .body("expiresAt", notNullValue())
                .extract().path("id");
        Logins.admin().get("/api/v1/needs/{id}", id).then().statusCode(200).body("productCodes", hasItem(r.bearing));
        Logins.admin().queryParam("postedBy", r.leader).queryParam("kind", "SUPPLY").get("/api/v1/needs").then().statusCode(200)
                .body("items.id", hasItem(id)).body("page", equalTo(0)).body("size", equalTo(20));
        awaitGraph("MATCH (:Enterprise {creditCode: $firm})-[:POSTED]->(n:Need {id: $id})-[:WANTS]->(:Product {code: $p}) "
                + "WHERE n.status = 'OPEN' RETURN count(n) AS c", Map.of("firm", r.leader, "id", id, "p", r.bearing), 1);
    }

    @Test
    void badNeedsAreRefusedWithReasonsAndNothingIsWritten() {
        long before = needsOf(r.leader);
        Logins.admin().contentType("application/json").body(r.needJson().replace(r.bearing, "NO-SUCH-PRODUCT"))
                .post("/api/v1/needs").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("productCodes"))
                .body("errors.reason", hasItem(containsString("NO-SUCH-PRODUCT")));
        Logins.admin().contentType("application/json").body(r.needJson().replace(r.leader, TestData.withWrongCheck(r.leader)))
                .post("/api/v1/needs").then().statusCode(400)
                .body("errors.find { it.field == 'postedBy' }.reason", containsString("校验位"));
        Logins.admin().contentType("application/json")
                .body("{\"kind\": \"SUPPLY\", \"postedBy\": \"%s\", \"title\": \"无产品\"}".formatted(r.leader))
                .post("/api/v1/needs").then().statusCode(422).body("errors.field", hasItem("productCodes"));
        Logins.admin().contentType("application/json").body(r.needJson().replace("200}", "-5}"))
                .post("/api/v1/needs").then().statusCode(400).body("errors.field", hasItem("maxDistanceKm"));
        Logins.admin().contentType("application/json").body("{\"kind\": \"SUPPLY\", ").post("/api/v1/needs").then()
                .statusCode(400).contentType("application/problem+json").body("title", containsString("JSON"));
        Logins.admin().contentType("application/json").body("{\"kind\": \"BARTER\"}").post("/api/v1/needs").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("kind"));
        Logins.admin().contentType("text/plain").body("hello").post("/api/v1/needs").then()
                .statusCode(415).contentType("application/problem+json");
        assertEquals(before, needsOf(r.leader));
    }

    @Test
    void statusChangesFollowTheLifecycle() {
        String id = Logins.admin().contentType("application/json").body(r.needJson()).post("/api/v1/needs").then()
                .statusCode(201).extract().path("id");
        Logins.admin().contentType("application/json").body("{\"status\": \"FULFILLED\", \"actor\": \"ENTERPRISE:%s\"}".formatted(r.changshu))
                .patch("/api/v1/needs/{id}", id).then().statusCode(403).contentType("application/problem+json");
        Logins.admin().contentType("application/json").body("{\"status\": \"WITHDRAWN\"}").patch("/api/v1/needs/{id}", id)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        Logins.admin().contentType("application/json").body("{\"status\": \"OPEN\"}").patch("/api/v1/needs/{id}", id)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("WITHDRAWN"));
        awaitGraph("MATCH (n:Need {id: $id}) WHERE n.status = 'WITHDRAWN' RETURN count(n) AS c", Map.of("id", id), 1);
        Logins.admin().get("/api/v1/enterprises/{c}/opportunities", r.changshu).then().statusCode(200)
                .body("need.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void anExpiredNeedCanBeRenewed() {
        String id = Logins.admin().contentType("application/json").body(r.needJson()).post("/api/v1/needs").then()
                .statusCode(201).extract().path("id");
        // what the expiry job does when expiresAt has passed
        Logins.admin().contentType("application/json").body("{\"expiresAt\": \"2020-01-01T00:00:00Z\"}").patch("/api/v1/needs/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        Logins.admin().contentType("application/json").body("{\"expiresAt\": \"2030-01-01T00:00:00Z\"}").patch("/api/v1/needs/{id}", id)
                .then().statusCode(200).body("expiresAt", containsString("2030-01-01"));
    }

    void awaitGraph(String cypher, Map<String, Object> params, long expected) {
        // the outbox relay projects the need into Neo4j asynchronously
        org.awaitility.Awaitility.await(cypher).atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                    try (var s = driver.session()) {
                        return s.run(cypher, params).single().get("c").asLong();
                    }
                }, got -> got == expected);
    }

}
