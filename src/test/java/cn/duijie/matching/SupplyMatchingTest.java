package cn.duijie.matching;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SupplyMatchingTest {

    @TempDir
    Path dir;
    SupplyRegion r;
    String needId;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new SupplyRegion(dir);
        needId = Logins.admin().contentType("application/json").body(r.needJson()).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
    }

    private List<String> rankedIds() {
        return Logins.admin().queryParam("limit", 100).get("/api/v1/needs/{id}/matches", needId)
                .then().statusCode(200).extract().jsonPath().getList("candidate.id", String.class);
    }

    @Test
    void nearbyCertifiedMakersRankFirstAndTheTrapsNeverAppear() {
        List<String> ids = rankedIds();
        assertTrue(ids.subList(0, 3).containsAll(List.of(r.champion, r.nearCertified)), ids.toString());
        assertTrue(ids.contains(r.changshu), "a certified maker 140 km away is within 200 km: " + ids);
        assertTrue(!ids.contains(r.leader), "the buyer itself is never a candidate");
        assertTrue(!ids.contains(r.far), "a maker 3,000 km away is outside the 200 km radius");
        assertTrue(!ids.contains(r.noCert), "a maker without IATF16949 is filtered out");
        assertTrue(ids.indexOf(r.broadMaker) > ids.indexOf(r.changshu), "a maker of the broader product ranks below exact makers");
    }

    @Test
    void everyMatchCarriesAScoreAndReasonsAPersonCanCheck() {
        // other tests' firms share these districts and may match by text: ask for enough rows to see ours
        Logins.admin().queryParam("limit", 100).get("/api/v1/needs/{id}/matches", needId).then().statusCode(200)
                .body("score", everyItem(lessThanOrEqualTo(1.0f)))
                .body("score", everyItem(greaterThan(0f)))
                .body("find { it.candidate.id == '%s' }.reasons.code".formatted(r.nearCertified), hasItem("PRODUCT_EXACT"))
                .body("find { it.candidate.id == '%s' }.reasons.code".formatted(r.nearCertified), hasItem("DISTANCE"))
                .body("find { it.candidate.id == '%s' }.reasons.find { it.code == 'PRODUCT_EXACT' }.path.text".formatted(r.nearCertified),
                        containsString("—需要→ 精密轴承 ←生产—"))
                .body("find { it.candidate.id == '%s' }.flags".formatted(r.nearCertified), hasItem("EXISTING_SUPPLIER"))
                .body("find { it.candidate.id == '%s' }.reasons.code".formatted(r.changshu), hasItem("SUPPLIES_PEERS"))

                .body("find { it.candidate.id == '%s' }.reasons.code".formatted(r.broadMaker), hasItem("PRODUCT_BROADER"))
                .body("candidate.type", everyItem(containsString("ENTERPRISE")));
        List<Float> scores = Logins.admin().get("/api/v1/needs/{id}/matches", needId).then().extract().jsonPath().getList("score", Float.class);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "ranked best first: " + scores);
        }
    }

    @Test
    void dismissedSupplierIsNeverRecommendedAgainForThatNeed() {
        assertTrue(rankedIds().contains(r.champion));
        Logins.admin().contentType("application/json").body("{\"candidateId\": \"%s\", \"action\": \"DISMISS\"}".formatted(r.champion))
                .post("/api/v1/needs/{id}/feedback", needId).then().statusCode(201);
        assertTrue(!rankedIds().contains(r.champion));
        Logins.admin().get("/api/v1/needs/{id}/feedback?action=DISMISS", needId).then().statusCode(200)
                .body("candidateId", hasItem(r.champion));
    }

    @Test
    void shortlistCanBeReadBackAndDealsRaiseTheTrackRecord() {
        Logins.admin().contentType("application/json").body("{\"candidateId\": \"%s\", \"action\": \"SHORTLIST\"}".formatted(r.changshu))
                .post("/api/v1/needs/{id}/feedback", needId).then().statusCode(201);
        Logins.admin().get("/api/v1/needs/{id}/shortlist", needId).then().statusCode(200).body("candidateId", hasItem(r.changshu));
        float before = Logins.admin().get("/api/v1/needs/{id}/matches", needId).then().extract()
                .path("find { it.candidate.id == '%s' }.score".formatted(r.changshu));
        Logins.admin().contentType("application/json").body("{\"candidateId\": \"%s\", \"action\": \"DEAL\"}".formatted(r.changshu))
                .post("/api/v1/needs/{id}/feedback", needId).then().statusCode(201);
        float after = before;
        for (int i = 0; i < 50 && after <= before; i++) {
            sleep(100);
            after = Logins.admin().get("/api/v1/needs/{id}/matches", needId).then().extract()
                    .path("find { it.candidate.id == '%s' }.score".formatted(r.changshu));
        }
        assertTrue(after > before, "a recorded deal raises the candidate: " + before + " -> " + after);
    }

    @Test
    void aMakerSeesTheNeedsItCouldServe() {
        Logins.admin().queryParam("kind", "SUPPLY").get("/api/v1/enterprises/{c}/opportunities", r.changshu).then().statusCode(200)
                .body("need.id", hasItem(needId))
                .body("find { it.need.id == '%s' }.reasons.code".formatted(needId), hasItem("PRODUCT_EXACT"));
        Logins.admin().get("/api/v1/enterprises/{c}/opportunities", r.noCert).then().statusCode(200)
                .body("need.id", not(hasItem(needId)));
        Logins.admin().get("/api/v1/enterprises/{c}/opportunities", r.leader).then().statusCode(200)
                .body("need.id", not(hasItem(needId)));
    }

    @jakarta.inject.Inject
    SupplyMatcher matcher;
    @jakarta.inject.Inject
    MakerIndex index;

    @Test
    void theMakerIndexRanksExactlyAsTheGraphDoes() {
        cn.duijie.need.Need need = new cn.duijie.need.Need();
        need.id = "EQ";
        need.kind = cn.duijie.domain.NeedKind.SUPPLY;
        need.postedBy = r.leader;
        need.productCodes = r.bearing;
        need.requiredCertifications = "IATF16949";
        need.maxDistanceKm = 200.0;
        need.title = "采购新能源车用精密轴承";
        MakerIndex.Snapshot snapshot = index.awaitFresh(java.time.Duration.ofSeconds(60));
        org.junit.jupiter.api.Assertions.assertNotNull(snapshot, "the maker index is rebuilt after an import");
        var fromIndex = sameFromIndexAndGraph(snapshot, need);
        need.requiredCertifications = "";
        need.maxDistanceKm = null;
        var unfiltered = sameFromIndexAndGraph(snapshot, need);
        for (String code : List.of("SUPPLIES_PEERS", "FEEDS_SEGMENT", "DISTANCE", "TIER")) {
            assertTrue(unfiltered.stream().anyMatch(m -> m.reasons().stream().anyMatch(x -> x.code().equals(code))),
                    "the region exercises the signal " + code);
        }
        assertTrue(fromIndex.stream().anyMatch(m -> m.candidate().id().equals(r.nearCertified)));
    }

    @Test
    void limitOutOfRangeIsAProblem() {
        Logins.admin().queryParam("limit", 0).get("/api/v1/needs/{id}/matches", needId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        Logins.admin().get("/api/v1/needs/{id}/matches", "N-NOPE").then().statusCode(404).contentType("application/problem+json");
        assertEquals(400, Logins.admin().queryParam("kind", "SOMETHING").get("/api/v1/enterprises/{c}/opportunities", r.changshu).statusCode());
    }

    private List<MatchModel.Match> sameFromIndexAndGraph(MakerIndex.Snapshot snapshot, cn.duijie.need.Need need) {
        var fromIndex = matcher.forNeedFromIndex(snapshot, need, java.util.Set.of(), 100).await().indefinitely();
        var fromGraph = matcher.forNeedFromGraph(need, java.util.Set.of(), 100).await().indefinitely();
        java.util.function.Function<MatchModel.Match, String> shown = m -> m.candidate().id() + "=" + m.score() + " "
                + m.candidate().name() + " " + m.candidate().tier() + " " + m.flags() + " "
                + m.reasons().stream().map(x -> x.code() + ":" + x.weight()).toList();
        assertEquals(fromGraph.stream().map(shown).toList(), fromIndex.stream().map(shown).toList());
        return fromIndex;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
