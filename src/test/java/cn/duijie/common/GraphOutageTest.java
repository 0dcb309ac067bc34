package cn.duijie.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import cn.duijie.support.EmbeddedEnginesResource;
import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** With Neo4j stopped, every graph-backed endpoint answers 503 problem+json with a Chinese reason, never 500. */
@QuarkusTest
class GraphOutageTest {

    @Test
    void everyGraphEndpointSays503WithAChineseReasonWhileNeo4jIsDown() {
        Ready.await();
        List<String> paths = List.of("/api/v1/chains", "/api/v1/chains/ANY", "/api/v1/chains/ANY/gaps", "/api/v1/enterprises",
                "/api/v1/enterprises/91321100MA1XXXXXX0", "/api/v1/institutions", "/api/v1/institutions/ANY",
                "/api/v1/achievements", "/api/v1/funds", "/api/v1/funds/ANY");
        EmbeddedEnginesResource.neo4j().stop();
        try {
            // in parallel: each waits for the driver to give up
            List<CompletableFuture<Response>> answers = paths.stream()
                    .map(p -> CompletableFuture.supplyAsync(() -> given().get(p).andReturn())).toList();
            for (int i = 0; i < paths.size(); i++) {
                Response r = answers.get(i).join();
                assertEquals(503, r.statusCode(), paths.get(i) + ": " + r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"), paths.get(i));
                assertEquals(Messages.get("engine.neo4j-unavailable"), r.jsonPath().getString("detail"), paths.get(i));
                assertTrue(r.header("Retry-After") != null, paths.get(i));
            }
        } finally {
            EmbeddedEnginesResource.neo4j().start();
        }
        Ready.await();
        given().get("/api/v1/chains").then().statusCode(200);
    }
}
