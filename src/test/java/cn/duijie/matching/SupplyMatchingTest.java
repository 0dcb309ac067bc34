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
        // a recorded deal raises the candidate once the change feed has carried it into the snapshot
        org.awaitility.Awaitility.await("a recorded deal raises the candidate above " + before)
                .atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> Logins.admin().get("/api/v1/needs/{id}/matches", needId).then().extract()
                        .<Float>path("find { it.candidate.id == '%s' }.score".formatted(r.changshu)), after -> after > before);
    }

    @Test
    void aMakerSeesTheNeedsItCouldServe() {
        awaitOpportunity(r.changshu, needId);
        Logins.admin().queryParam("kind", "SUPPLY").get("/api/v1/enterprises/{c}/opportunities", r.changshu).then().statusCode(200)
                .body("need.id", hasItem(needId))
                .body("find { it.need.id == '%s' }.reasons.code".formatted(needId), hasItem("PRODUCT_EXACT"));
        Logins.admin().get("/api/v1/enterprises/{c}/opportunities", r.noCert).then().statusCode(200)
                .body("need.id", not(hasItem(needId)));
        Logins.admin().get("/api/v1/enterprises/{c}/opportunities", r.leader).then().statusCode(200)
                .body("need.id", not(hasItem(needId)));
        Logins.admin().queryParam("kind", "SUPPLY").get("/api/v1/enterprises/{c}/opportunities", "91320000NOSUCHFIRM")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("91320000NOSUCHFIRM"));
    }

    @Test
    void aMakerSeesNeedsForAProductThatFirmsMakingItsOwnAlsoMake() {
        // X and Y are unrelated in the product tree; three firms make both, one makes only X: a need for Y is an
        // opportunity of the X-only maker, through co-production alone
        String p = r.p;
        String maker = cn.duijie.support.TestData.creditCode(p + "XONLY");
        StringBuilder firms = new StringBuilder("creditCode,name,regionCode,tier,isChainLeader,employees,certifications,productCodes,description\n");
        for (int i = 1; i <= 3; i++) {
            firms.append("%s,丹阳%s双产%d厂,321181,NONE,false,50,,%sX|%sY,\n".formatted(
                    cn.duijie.support.TestData.creditCode(p + "XY" + i), p, i, p, p));
        }
        firms.append("%s,丹阳%s单产厂,321181,NONE,false,50,,%sX,\n".formatted(maker, p, p));
        cn.duijie.support.Imports.upload(
                cn.duijie.support.TestData.csv(dir, "products.csv", """
                        code,name,segmentId,broaderCode,keywords
                        %1$sX,%1$s阀体铸件,%1$sS1,,
                        %1$sY,%1$s泵壳总成,%1$sS1,,
                        """.formatted(p)),
                cn.duijie.support.TestData.csv(dir, "enterprises.csv", firms.toString()))
                .statusCode(201).body("errors", org.hamcrest.Matchers.hasSize(0));
        String need = Logins.admin().contentType("application/json").body("""
                {"kind": "SUPPLY", "postedBy": "%s", "title": "采购泵壳", "productCodes": ["%sY"], "quantity": 100}
                """.formatted(r.leader, p)).post("/api/v1/needs").then().statusCode(201).extract().path("id");
        awaitOpportunity(maker, need);
        Logins.admin().queryParam("kind", "SUPPLY").get("/api/v1/enterprises/{c}/opportunities", maker).then().statusCode(200)
                .body("need.id", hasItem(need))
                .body("find { it.need.id == '%s' }.reasons.code".formatted(need), hasItem("CO_PRODUCTION"))
                .body("find { it.need.id == '%s' }.reasons.find { it.code == 'CO_PRODUCTION' }.text".formatted(need),
                        containsString("3 家"));
    }

    /** A new need reaches the reverse views once the outbox relay projected it and the snapshot applied the change. */
    private static void awaitOpportunity(String firm, String need) {
        org.awaitility.Awaitility.await("need " + need + " in the opportunities of " + firm).atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> Logins.admin().queryParam("kind", "SUPPLY")
                        .get("/api/v1/enterprises/{c}/opportunities", firm).then().extract().jsonPath().getList("need.id").contains(need));
    }

    @jakarta.inject.Inject
    SupplyMatcher matcher;

    @Test
    void theRegionsMakersGetTheirKnownScoresInOrder() {
        MatchQuery need = new MatchQuery("EQ", "SUPPLY", r.leader, "采购新能源车用精密轴承", null, List.of(r.bearing), List.of(),
                List.of("IATF16949"), 200.0, null, null, null);
        java.util.Map<String, Double> filtered = scores(matcher.forNeed(need, java.util.Set.of(), 100).await().indefinitely());
        // exact makers by nearness and tier (the champion, then the certified one 10 km away, then Changshu 140 km
        // away with its peers), then the maker of the broader product; the uncertified and the far one are out
        assertEquals(List.of(r.champion, r.nearCertified, r.changshu, r.broadMaker), ours(filtered));
        // capability first: the exact makers have C = 1, so their scores are .5 + .5 × O (nearness, tier, peers…)
        // and lie in [.5, 1]; the broader product's maker has C ≥ .6 (the tree) and less than 1, and every
        // score is the sum of its reasons' weights
        List<MatchModel.Match> ranked = matcher.forNeed(need, java.util.Set.of(), 100).await().indefinitely();
        for (String exact : List.of(r.champion, r.nearCertified, r.changshu)) {
            assertTrue(filtered.get(exact) >= 0.5 && filtered.get(exact) <= 1, exact + " " + filtered.get(exact));
        }
        MatchModel.Match broad = ranked.stream().filter(m -> m.candidate().id().equals(r.broadMaker)).findFirst().orElseThrow();
        assertTrue(broad.score() >= 0.3 && broad.score() < filtered.get(r.changshu), "broader maker " + broad.score());
        assertEquals("PRODUCT_BROADER", broad.reasons().stream().filter(x -> x.code().startsWith("PRODUCT_")).findFirst()
                .orElseThrow().code());
        assertTrue(broad.flags().contains("DISCOVERED"), "a broader product is not a listed one");
        for (MatchModel.Match m : ranked) {
            assertEquals(m.score(), m.reasons().stream().mapToDouble(MatchModel.Reason::weight).sum(), 0.001, m.candidate().id());
        }
        MatchQuery open = new MatchQuery("EQ", "SUPPLY", r.leader, "采购新能源车用精密轴承", null, List.of(r.bearing), List.of(),
                List.of(), null, null, null, null);
        List<MatchModel.Match> unfiltered = matcher.forNeed(open, java.util.Set.of(), 100).await().indefinitely();
        java.util.Map<String, Double> all = scores(unfiltered);
        assertEquals(List.of(r.champion, r.noCert, r.nearCertified, r.changshu, r.far, r.broadMaker), ours(all));
        assertTrue(all.get(r.far) >= 0.5, "an exact maker far away is still capable: " + all.get(r.far));
        for (String code : List.of("SUPPLIES_PEERS", "FEEDS_SEGMENT", "DISTANCE", "TIER")) {
            assertTrue(unfiltered.stream().anyMatch(m -> m.reasons().stream().anyMatch(x -> x.code().equals(code))),
                    "the region exercises the signal " + code);
        }
    }

    private static java.util.Map<String, Double> scores(List<MatchModel.Match> ranked) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        ranked.forEach(m -> out.put(m.candidate().id(), m.score()));
        return out;
    }

    private List<String> ours(java.util.Map<String, Double> ranked) {
        List<String> mine = List.of(r.champion, r.nearCertified, r.changshu, r.broadMaker, r.noCert, r.far);
        return ranked.keySet().stream().filter(mine::contains).toList();
    }

    @Test
    void limitOutOfRangeIsAProblem() {
        Logins.admin().queryParam("limit", 0).get("/api/v1/needs/{id}/matches", needId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        Logins.admin().get("/api/v1/needs/{id}/matches", "N-NOPE").then().statusCode(404).contentType("application/problem+json");
        assertEquals(400, Logins.admin().queryParam("kind", "SOMETHING").get("/api/v1/enterprises/{c}/opportunities", r.changshu).statusCode());
    }

}
