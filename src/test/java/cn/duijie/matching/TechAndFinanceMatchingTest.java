package cn.duijie.matching;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Imports;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TechAndFinanceMatchingTest {

    @TempDir
    Path dir;
    String p;
    String sme;
    String rival;

    @BeforeEach
    void setUp() {
        Ready.await();
        p = TestData.prefix();
        sme = TestData.creditCode(p + "sme");
        rival = TestData.creditCode(p + "rival");
        Imports.upload(
                TestData.jiangsuRegions(dir),
                TestData.csv(dir, "chains.csv", "id,name\n" + p + "C,新材料\n"),
                TestData.csv(dir, "segments.csv", "id,chainId,name,stage,feedsSegmentIds\n" + p + "S1," + p + "C,复合材料,MIDSTREAM,\n"),
                TestData.csv(dir, "products.csv", "code,name,segmentId,broaderCode,keywords\n" + p + "P1,碳纤维复合材料," + p + "S1,,碳纤维\n"),
                TestData.csv(dir, "technologies.csv", """
                        code,name,broaderCode,segmentIds,keywords
                        %1$sT0,复合材料技术,,%1$sS1,复合材料
                        %1$sT1,碳纤维预浸料成型技术,%1$sT0,%1$sS1,预浸料|成型
                        %1$sT2,陶瓷烧结技术,,%1$sS1,陶瓷|烧结
                        """.formatted(p)),
                TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier,productCodes,technologyCodes
                        %s,丹阳%s复材科技,321181,SPECIALIZED,%sP1,%sT1
                        %s,丹阳%s复材对手,321181,POOL,%sP1,
                        """.formatted(sme, p, p, p, rival, p, p)),
                TestData.csv(dir, "institutions.csv", """
                        id,name,kind,regionCode,technologyCodes,description
                        %1$sI-A,南京%1$s复合材料研究所,INSTITUTE,320113,%1$sT1,复合材料成型
                        %1$sI-B,丹阳%1$s陶瓷实验室,LAB,321181,%1$sT2,陶瓷材料
                        """.formatted(p)),
                TestData.csv(dir, "achievements.csv", """
                        id,title,institutionId,kind,trl,technologyCodes,productCodes,description
                        %1$sA-RIGHT,一种碳纤维预浸料的快速固化方法,%1$sI-A,PATENT,6,%1$sT1,%1$sP1,预浸料快速固化
                        %1$sA-WORDS,碳纤维复合材料成型难题攻关用陶瓷模具烧结工艺,%1$sI-B,PROCESS,5,%1$sT2,,碳纤维复合材料成型难题攻关 陶瓷模具
                        """.formatted(p)),
                TestData.csv(dir, "investors.csv", """
                        id,name,kind,regionCode
                        %1$sV-ZJ,镇江引导基金%1$s,GUIDANCE_FUND,321100
                        %1$sV-SZ,苏州引导基金%1$s,GUIDANCE_FUND,320500
                        %1$sV-VC,某创投%1$s,VC,320100
                        """.formatted(p)),
                TestData.csv(dir, "funds.csv", """
                        id,investorId,name,stages,ticketMinWan,ticketMaxWan,instruments,chainIds,segmentIds,regionMandate
                        %1$sF-LOCAL,%1$sV-ZJ,镇江新材料子基金%1$s,A|B,1000,5000,EQUITY,%1$sC,,321100
                        %1$sF-OTHER,%1$sV-SZ,苏州新材料子基金%1$s,A|B,1000,5000,EQUITY,%1$sC,,320500
                        %1$sF-SMALL,%1$sV-VC,小额早期基金%1$s,A|B,100,500,EQUITY,%1$sC,,
                        %1$sF-BIG,%1$sV-VC,成长基金%1$s,A|B,1000,5000,EQUITY,%1$sC,,
                        %1$sF-RIVAL,%1$sV-VC,持有对手基金%1$s,A|B,1000,5000,EQUITY,%1$sC,,
                        """.formatted(p)),
                TestData.csv(dir, "supplies.csv", "supplierCreditCode,buyerCreditCode,productCode\n" + rival + "," + sme + "," + p + "P1\n"),
                TestData.csv(dir, "investments.csv", "fundId,creditCode,round,year,amountWan\n" + p + "F-RIVAL," + rival + ",A,2024,2000\n"))
                .statusCode(201).body("errorCount", equalTo(0));
    }

    private String post(String json) {
        return Logins.admin().contentType("application/json").body(json).post("/api/v1/needs").then().statusCode(201).extract().path("id");
    }

    @Test
    void theAchievementAboutTheWantedTechnologyBeatsMatchingWordsOnTheWrongOne() {
        String id = post("""
                {"kind": "TECH", "postedBy": "%s", "title": "碳纤维复合材料成型难题攻关",
                 "description": "预浸料固化周期长", "technologyCodes": ["%sT1"]}""".formatted(sme, p));
        List<String> ids = Logins.admin().queryParam("limit", 20).get("/api/v1/needs/{id}/matches", id).then().statusCode(200)
                .body("candidate.type", hasItem("ACHIEVEMENT"))
                .body("candidate.type", hasItem("INSTITUTION"))
                .body("find { it.candidate.id == '%sA-RIGHT' }.reasons.code".formatted(p), hasItem("TECHNOLOGY_FIT"))
                .extract().jsonPath().getList("candidate.id", String.class);
        assertTrue(ids.subList(0, 3).contains(p + "A-RIGHT"), ids.toString());
        int wrong = ids.indexOf(p + "A-WORDS");
        assertTrue(wrong < 0 || wrong > ids.indexOf(p + "A-RIGHT"), ids.toString());
        assertTrue(ids.indexOf(p + "I-A") >= 0 && (ids.indexOf(p + "I-B") < 0 || ids.indexOf(p + "I-A") < ids.indexOf(p + "I-B")), ids.toString());
    }

    /**
     * The pool is cut by the full score: a lab 70 km away that worked with the firm before comes first although 45
     * labs in the firm's own town know the technology as well (a cut by fit and nearness alone left it out).
     */
    @Test
    void aLabThatWorkedWithTheFirmIsNotCutFromThePoolByManyNearerOnes() {
        StringBuilder near = new StringBuilder("id,name,kind,regionCode,technologyCodes,description\n");
        for (int i = 0; i < 45; i++) {
            near.append("%1$sI-N%2$d,丹阳%1$s材料实验室%2$d,LAB,321181,%1$sT1,\n".formatted(p, i));
        }
        near.append("%1$sI-PARTNER,南京%1$s复材工程中心,INSTITUTE,320113,%1$sT1,\n".formatted(p));
        Imports.upload(TestData.csv(dir.resolve("pool"), "institutions.csv", near.toString()),
                        TestData.csv(dir.resolve("pool"), "collaborations.csv",
                                "institutionId,creditCode,year,title\n%sI-PARTNER,%s,2023,预浸料工艺合作\n".formatted(p, sme)))
                .statusCode(201).body("errorCount", equalTo(0));
        String id = post("""
                {"kind": "TECH", "postedBy": "%s", "title": "新工艺", "technologyCodes": ["%sT1"]}""".formatted(sme, p));
        org.awaitility.Awaitility.await("the partner lab is in the snapshot and ranked first").atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
                    List<String> ids = Logins.admin().queryParam("limit", 10).get("/api/v1/needs/{id}/matches", id).then()
                            .statusCode(200).extract().jsonPath().getList("candidate.id", String.class);
                    return !ids.isEmpty() && ids.get(0).equals(p + "I-PARTNER");
                });
    }

    @Test
    void oneLabDoesNotFillTheWholeList() {
        Imports.upload(
                TestData.csv(dir.resolve("more"), "institutions.csv", """
                        id,name,kind,regionCode,technologyCodes,description
                        %1$sI-C,常熟%1$s材料研究院,INSTITUTE,320581,%1$sT1,新材料
                        """.formatted(p)),
                TestData.csv(dir.resolve("more"), "achievements.csv", """
                        id,title,institutionId,kind,trl,technologyCodes,productCodes,description
                        %1$sA-R2,预浸料在线检测方法,%1$sI-A,PATENT,6,%1$sT1,,预浸料检测
                        %1$sA-R3,预浸料低温固化树脂,%1$sI-A,PATENT,6,%1$sT1,,低温固化
                        """.formatted(p)))
                .statusCode(201).body("errorCount", equalTo(0));
        String id = post("""
                {"kind": "TECH", "postedBy": "%s", "title": "新工艺", "technologyCodes": ["%sT1"]}""".formatted(sme, p));
        List<String> ids = Logins.admin().queryParam("limit", 10).get("/api/v1/needs/{id}/matches", id).then().statusCode(200)
                .extract().jsonPath().getList("candidate.id", String.class);
        // 南京 I-A has four fitting entries, all nearer than 常熟 I-C: two of them, then the other lab
        List<String> labA = List.of(p + "A-RIGHT", p + "A-R2", p + "A-R3", p + "I-A");
        assertTrue(labA.containsAll(ids.subList(0, 2)) && ids.indexOf(p + "I-C") == 2, ids.toString());
    }

    @Test
    void fundsRespectMandatesTicketsAndFlagConflicts() {
        String id = post("""
                {"kind": "FINANCE", "postedBy": "%s", "title": "A轮融资", "amountWan": 3000, "stage": "A", "instrument": "EQUITY"}
                """.formatted(sme));
        List<String> ids = Logins.admin().queryParam("limit", 100).get("/api/v1/needs/{id}/matches", id).then().statusCode(200)
                .body("find { it.candidate.id == '%sF-RIVAL' }.flags".formatted(p), hasItem("CONFLICT_OF_INTEREST"))
                .body("find { it.candidate.id == '%sF-LOCAL' }.reasons.code".formatted(p), hasItem("LOCAL_MANDATE"))
                .body("find { it.candidate.id == '%sF-SMALL' }.reasons.code".formatted(p), hasItem("TICKET_OUTSIDE"))
                .body("find { it.candidate.id == '%sF-BIG' }.reasons.code".formatted(p), org.hamcrest.Matchers.not(hasItem("PORTFOLIO_ADJACENT")))
                .extract().jsonPath().getList("candidate.id", String.class);
        assertFalse(ids.contains(p + "F-OTHER"), "a guidance fund with another city's mandate is never recommended: " + ids);
        assertTrue(ids.contains(p + "F-LOCAL"), ids.toString());
        assertTrue(ids.indexOf(p + "F-BIG") < ids.indexOf(p + "F-SMALL"), "a fund that can cover the amount ranks first: " + ids);

        float localScore = Logins.admin().queryParam("limit", 100).get("/api/v1/needs/{id}/matches", id).then()
                .extract().jsonPath().getFloat("find { it.candidate.id == '%sF-LOCAL' }.score".formatted(p));
        org.awaitility.Awaitility.await("the need reaches the fund's opportunities").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> Logins.admin().queryParam("limit", 100)
                        .get("/api/v1/funds/{f}/opportunities", p + "F-LOCAL").then().extract().jsonPath().getList("need.id").contains(id));
        // the fund's view scores the need as the need's own list scores the fund
        Logins.admin().queryParam("limit", 100).get("/api/v1/funds/{f}/opportunities", p + "F-LOCAL").then().statusCode(200)
                .body("find { it.need.id == '%s' }.score".formatted(id), equalTo(localScore))
                .body("find { it.need.id == '%s' }.need.title".formatted(id), equalTo("A轮融资"))
                .body("find { it.need.id == '%s' }.reasons.code".formatted(id), hasItem("LOCAL_MANDATE"));
        Logins.admin().queryParam("limit", 100).get("/api/v1/funds/{f}/opportunities", p + "F-OTHER").then().statusCode(200)
                .body("need.id", org.hamcrest.Matchers.not(hasItem(id)));
        // a withdrawn need leaves the fund's view
        Logins.admin().contentType("application/json").body("{\"status\": \"WITHDRAWN\"}").patch("/api/v1/needs/{id}", id)
                .then().statusCode(200);
        org.awaitility.Awaitility.await("the withdrawn need leaves the fund's opportunities").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> !Logins.admin().queryParam("limit", 100)
                        .get("/api/v1/funds/{f}/opportunities", p + "F-LOCAL").then().extract().jsonPath().getList("need.id").contains(id));
        Logins.admin().queryParam("kind", "FINANCE").get("/api/v1/enterprises/{c}/opportunities", sme).then().statusCode(200)
                .body("candidate.id", hasItem(p + "F-LOCAL"))
                .body("candidate.id", org.hamcrest.Matchers.not(hasItem(p + "F-OTHER")));
        Logins.admin().get("/api/v1/funds/{f}/opportunities", "NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @jakarta.inject.Inject
    TechMatcher tech;
    @jakarta.inject.Inject
    FinanceMatcher finance;

    private MatchQuery query(String kind, String title, String description, List<String> techs, List<String> products,
                             Double amount, String stage, String instrument) {
        return new MatchQuery("EQ", kind, sme, title, description, products, techs, List.of(), null, amount, stage, instrument);
    }

    @Test
    void theRegionsFundsGetTheirKnownScores() {
        MatchQuery need = query("FINANCE", "A轮融资", null, List.of(), List.of(), 3000.0, "A", "EQUITY");
        List<MatchModel.Match> ranked = finance.forNeed(need, java.util.Set.of(), 100).await().indefinitely();
        java.util.Map<String, MatchModel.Match> ours = new java.util.LinkedHashMap<>();
        ranked.stream().filter(m -> m.candidate().id().startsWith(p)).forEach(m -> ours.put(m.candidate().id(), m));
        // the investor in the firm's supplier: focus, stage, instrument, ticket and adjacency (and flagged: it also
        // holds a competitor); then the two that fit all but adjacency; the small ticket last
        List<String> known = List.of(p + "F-RIVAL", p + "F-BIG", p + "F-LOCAL", p + "F-SMALL");
        assertEquals(known, ours.keySet().stream().filter(known::contains).toList());
        assertEquals(0.82, ours.get(p + "F-RIVAL").score());
        assertEquals(List.of("CONFLICT_OF_INTEREST"), ours.get(p + "F-RIVAL").flags());
        assertTrue(ours.get(p + "F-RIVAL").reasons().stream().anyMatch(x -> x.code().equals("PORTFOLIO_ADJACENT")));
        assertEquals(0.7, ours.get(p + "F-BIG").score());
        assertEquals(0.7, ours.get(p + "F-LOCAL").score());
        assertEquals(0.4433, ours.get(p + "F-SMALL").score());
        List<MatchModel.Match> one = finance.forNeed(need, java.util.Set.of(), 100, p + "F-LOCAL").await().indefinitely();
        assertEquals(List.of(p + "F-LOCAL"), one.stream().map(m -> m.candidate().id()).toList());
        assertEquals(0.7, one.get(0).score());
    }

    @Test
    void theRegionsLabsGetTheirKnownScores() {
        MatchQuery need = query("TECH", "碳纤维复合材料成型难题攻关", "预浸料固化周期长", List.of(p + "T1"), List.of(p + "P1"), null, null, null);
        List<MatchModel.Match> ranked = tech.forNeed(need, java.util.Set.of(), 100).await().indefinitely();
        java.util.Map<String, Double> ours = new java.util.LinkedHashMap<>();
        ranked.stream().filter(m -> m.candidate().id().startsWith(p)).forEach(m -> ours.put(m.candidate().type() + " " + m.candidate().id(), m.score()));
        List<String> order = List.copyOf(ours.keySet());
        // the achievement about the wanted technology, its lab, then the achievement that only shares words
        assertEquals(List.of("ACHIEVEMENT " + p + "A-RIGHT", "INSTITUTION " + p + "I-A", "ACHIEVEMENT " + p + "A-WORDS"), order.subList(0, 3));
        assertEquals(0.6584, ours.get("ACHIEVEMENT " + p + "A-RIGHT"));
        assertEquals(0.6374, ours.get("INSTITUTION " + p + "I-A"));
        assertTrue(ranked.stream().anyMatch(m -> m.reasons().stream().anyMatch(x -> x.code().equals("TEXT_MATCH"))),
                "the text path is exercised: " + ranked);
    }

    @Test
    void labsSeeTheChallengesTheyCouldTakeUpAndFirmsSeeRelevantAchievements() {
        String id = post("""
                {"kind": "TECH", "postedBy": "%s", "title": "预浸料固化周期长", "technologyCodes": ["%sT1"]}""".formatted(sme, p));
        // the reverse views read the snapshot's open needs, which follow the outbox relay's projection a moment later
        org.awaitility.Awaitility.await("the need reaches the lab's opportunities").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> Logins.admin().queryParam("limit", 100).get("/api/v1/institutions/{i}/opportunities",
                        p + "I-A").then().extract().jsonPath().getList("need.id").contains(id));
        Logins.admin().queryParam("limit", 100).get("/api/v1/institutions/{i}/opportunities", p + "I-A").then().statusCode(200)
                .body("need.id", hasItem(id))
                .body("find { it.need.id == '%s' }.reasons.code".formatted(id), hasItem("TECHNOLOGY_FIT"))
                .body("find { it.need.id == '%s' }.score".formatted(id), equalTo(Logins.admin().queryParam("limit", 100)
                        .get("/api/v1/needs/{id}/matches", id).then().extract().jsonPath()
                        .getFloat("find { it.candidate.id == '%sI-A' }.score".formatted(p))));
        Logins.admin().get("/api/v1/institutions/{i}/opportunities", "NOPE").then().statusCode(404)
                .contentType("application/problem+json");
        Logins.admin().queryParam("kind", "TECH").get("/api/v1/enterprises/{c}/opportunities", sme).then().statusCode(200)
                .body("candidate.id", hasItem(p + "A-RIGHT"))
                .body("candidate.type", org.hamcrest.Matchers.everyItem(equalTo("ACHIEVEMENT")));
    }
}
