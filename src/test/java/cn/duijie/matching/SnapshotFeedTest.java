package cn.duijie.matching;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The matching snapshot follows the change feed: a write through this replica shows in the very next answer, a
 * write another replica published shows within a second, and neither reloads the snapshot in full.
 */
@QuarkusTest
class SnapshotFeedTest {

    @TempDir
    Path dir;
    SupplyRegion r;
    String needId;

    @Inject
    MatchingSnapshots snapshots;
    @Inject
    Driver driver;
    @Inject
    Pool pool;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new SupplyRegion(dir);
        needId = Logins.admin().contentType("application/json").body(r.needJson()).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
        assertTrue(snapshots.await(Duration.ofSeconds(60)) != null);
    }

    private Map<String, Object> match(String candidate) {
        List<Map<String, Object>> all = Logins.admin().queryParam("limit", 100).get("/api/v1/needs/{id}/matches", needId)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(m -> candidate.equals(((Map<?, ?>) m.get("candidate")).get("id"))).findFirst().orElse(null);
    }

    @Test
    void aFullReloadLeavesNoOldVersionOfAFirmReachable() {
        // the heap must not hold two versions of the firms after (or, batch by batch, during) a full reload: nothing
        // may keep the old snapshot — neither the first-load future nor the word index (it holds keys, not firms)
        java.lang.ref.WeakReference<FirmsAndProducts.Firm> old = new java.lang.ref.WeakReference<>(snapshots.now().firms().byId().get(r.broadMaker));
        assertTrue(old.get() != null, "the firm is in the snapshot");
        java.lang.ref.WeakReference<MatchingSnapshot> version = new java.lang.ref.WeakReference<>(snapshots.await(Duration.ofSeconds(5)));
        int loads = Logins.admin().get("/api/v1/system/matching-snapshot").then().statusCode(200).extract().path("fullLoads");
        Logins.admin().post("/api/v1/system/matching-snapshot/reload").then().statusCode(202);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                (int) Logins.admin().get("/api/v1/system/matching-snapshot").then().extract().path("fullLoads") > loads);
        assertTrue(snapshots.now().firms().byId().get(r.broadMaker) != old.get(), "the reload read the firm again");
        org.awaitility.Awaitility.await("the old versions of the firm and of the snapshot are collected").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    System.gc();
                    return old.get() == null && version.get() == null;
                });
    }

    @Test
    void anEditedProfileShowsInTheNextAnswerWithoutAFullLoad() {
        long fullLoads = snapshots.stats().fullLoads();
        assertEquals("PRODUCT_BROADER", firstReason(match(r.broadMaker)));
        Map<String, Object> firm = Logins.admin().get("/api/v1/enterprises/{c}", r.broadMaker).then().statusCode(200).extract().jsonPath().getMap("$");
        // it now makes the wanted product itself
        Logins.admin().contentType("application/json").body(Map.of("name", firm.get("name"), "regionCode", firm.get("regionCode"),
                        "tier", "LITTLE_GIANT", "employees", 300, "certifications", List.of("IATF16949"), "productCodes", List.of(r.bearing)))
                .put("/api/v1/enterprises/{c}", r.broadMaker).then().statusCode(200);
        Map<String, Object> after = match(r.broadMaker);
        assertEquals("PRODUCT_EXACT", firstReason(after), String.valueOf(after));
        assertEquals("LITTLE_GIANT", ((Map<?, ?>) after.get("candidate")).get("tier"));
        assertEquals(fullLoads, snapshots.stats().fullLoads(), "a profile edit is applied in place");
    }

    @Test
    void aWritePublishedByAnotherReplicaIsFollowedWithinASecond() {
        long fullLoads = snapshots.stats().fullLoads();
        assertEquals("POOL", ((Map<?, ?>) match(r.changshu).get("candidate")).get("tier"));
        // what another replica does: write the graph, then append to the change feed (no event on this replica)
        try (var session = driver.session()) {
            session.run("MATCH (e:Enterprise {creditCode: $c}) SET e.tier = 'CHAMPION'", Map.of("c", r.changshu)).consume();
        }
        pool.preparedQuery("INSERT INTO graph_change (domain, keys) VALUES ('FIRMS', $1)")
                .execute(Tuple.of(new String[] {r.changshu})).await().atMost(Duration.ofSeconds(10));
        long start = System.nanoTime();
        org.awaitility.Awaitility.await("the snapshot follows the change").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> ((Map<?, ?>) match(r.changshu).get("candidate")).get("tier"), "CHAMPION"::equals);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 1_500, "followed in " + ms + " ms");
        assertEquals(fullLoads, snapshots.stats().fullLoads());
    }

    @Test
    void theSnapshotIsOnHealthAndTheStateEndpoint() {
        Logins.admin().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Matching snapshot' }.status", org.hamcrest.Matchers.equalTo("UP"));
        Logins.admin().get("/api/v1/system/matching-snapshot").then().statusCode(200)
                .body("loaded", org.hamcrest.Matchers.equalTo(true))
                .body("firms", org.hamcrest.Matchers.greaterThan(0));
    }

    @SuppressWarnings("unchecked")
    private static String firstReason(Map<String, Object> match) {
        return (String) ((List<Map<String, Object>>) match.get("reasons")).stream().map(x -> (String) x.get("code"))
                .filter(c -> c.startsWith("PRODUCT_") || c.equals("TEXT_MATCH")).findFirst().orElse(null);
    }
}
