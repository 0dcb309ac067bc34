package cn.duijie.need;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import cn.duijie.support.EmbeddedEnginesResource;
import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox at work: needs accepted while Neo4j is stopped reach the graph, and matching, once it is back. */
@QuarkusTest
class NeedsSurviveNeo4jOutageTest {

    @TempDir
    Path dir;
    @Inject
    Driver driver;

    @Test
    void needsPostedWhileNeo4jIsDownAreMatchableAfterItRestarts() {
        Ready.await();
        SupplyRegion r = new SupplyRegion(dir);
        List<String> ids = new ArrayList<>();
        EmbeddedEnginesResource.neo4j().stop();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(Logins.admin().contentType("application/json").body(r.needJson()).post("/api/v1/needs")
                        .then().statusCode(201).extract().path("id"));
            }
            assertEquals(503, Logins.admin().get("/q/health/ready").statusCode(), "readiness reports Neo4j DOWN");
        } finally {
            EmbeddedEnginesResource.neo4j().start();
        }
        Ready.await();
        // every need accepted during the outage reaches the graph once Neo4j is back
        org.awaitility.Awaitility.await("every need accepted during the outage is in the graph")
                .atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    try (var s = driver.session()) {
                        return s.run("MATCH (n:Need)-[:WANTS]->(:Product) WHERE n.id IN $ids RETURN count(DISTINCT n) AS c",
                                Map.of("ids", ids)).single().get("c").asLong();
                    }
                }, projected -> projected == ids.size());
        for (String id : ids) {
            List<String> top = Logins.admin().get("/api/v1/needs/{id}/matches", id).then().statusCode(200)
                    .extract().jsonPath().getList("candidate.id", String.class);
            assertTrue(top.contains(r.nearCertified), "need " + id + " is matchable: " + top);
        }
        // and the maker's opportunities, once the matching snapshot has applied the projection's change
        org.awaitility.Awaitility.await("every need accepted during the outage is in the maker's opportunities")
                .atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> Logins.admin().get("/api/v1/enterprises/{c}/opportunities", r.changshu).then().statusCode(200)
                        .extract().jsonPath().getList("need.id", String.class).containsAll(ids));
    }
}
