package cn.duijie.matching;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.restassured.path.json.JsonPath;

/** 揭榜挂帅: a challenge gets consortia of lab + achievement + local firm able to industrialise it + chain fund. */
@QuarkusTest
class ConsortiumProposalTest {

    @TempDir
    Path dir;
    String p;
    String buyer;
    String near;
    String far;
    String leader;

    @BeforeEach
    void setUp() {
        Ready.await();
        p = TestData.prefix();
        buyer = TestData.creditCode(p + "buyer");
        near = TestData.creditCode(p + "near");
        far = TestData.creditCode(p + "far");
        leader = TestData.creditCode(p + "leader");
        Imports.upload(
                TestData.jiangsuRegions(dir),
                TestData.csv(dir, "chains.csv", "id,name\n" + p + "C,新材料\n"),
                TestData.csv(dir, "segments.csv", "id,chainId,name,stage,feedsSegmentIds\n" + p + "S1," + p + "C,复合材料,MIDSTREAM,\n"),
                TestData.csv(dir, "products.csv", """
                        code,name,segmentId,broaderCode,keywords
                        %1$sP1,碳纤维复合材料,%1$sS1,,碳纤维
                        %1$sP2,碳纤维预浸料,%1$sS1,%1$sP1,预浸料
                        %1$sP9,风电叶片,%1$sS1,,叶片
                        """.formatted(p)),
                TestData.csv(dir, "technologies.csv", """
                        code,name,broaderCode,segmentIds,keywords
                        %1$sT1,碳纤维预浸料成型技术,,%1$sS1,预浸料|成型
                        %1$sT2,陶瓷烧结技术,,%1$sS1,陶瓷|烧结
                        """.formatted(p)),
                TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier,isChainLeader,productCodes,technologyCodes
                        %2$s,丹阳%1$s风电叶片链主,321181,CHAMPION,true,%1$sP9,
                        %3$s,丹阳%1$s复材科技,321181,SPECIALIZED,false,%1$sP1,%1$sT1
                        %4$s,常熟%1$s预浸料公司,320581,LITTLE_GIANT,false,%1$sP2,
                        %5$s,丹阳%1$s复材集团,321181,CHAMPION,true,%1$sP1,%1$sT1
                        """.formatted(p, buyer, near, far, leader)),
                TestData.csv(dir, "institutions.csv", """
                        id,name,kind,regionCode,technologyCodes,description
                        %1$sI-A,南京%1$s复合材料研究所,INSTITUTE,320113,%1$sT1,复合材料成型
                        %1$sI-B,丹阳%1$s陶瓷实验室,LAB,321181,%1$sT2,陶瓷材料
                        """.formatted(p)),
                TestData.csv(dir, "achievements.csv", """
                        id,title,institutionId,kind,trl,technologyCodes,productCodes,description
                        %1$sA-RIGHT,一种碳纤维预浸料的快速固化方法,%1$sI-A,PATENT,6,%1$sT1,%1$sP1,预浸料快速固化
                        %1$sA-WORDS,碳纤维预浸料成型难题用陶瓷模具烧结工艺,%1$sI-B,PROCESS,5,%1$sT2,%1$sP9,陶瓷模具
                        """.formatted(p)),
                TestData.csv(dir, "collaborations.csv", "institutionId,creditCode,year,title\n" + p + "I-A," + near + ",2024,预浸料联合攻关\n"),
                TestData.csv(dir, "investors.csv", """
                        id,name,kind,regionCode
                        %1$sV-ZJ,镇江引导基金%1$s,GUIDANCE_FUND,321100
                        %1$sV-NJ,南京引导基金%1$s,GUIDANCE_FUND,320100
                        %1$sV-VC,某创投%1$s,VC,320100
                        """.formatted(p)),
                TestData.csv(dir, "funds.csv", """
                        id,investorId,name,stages,ticketMinWan,ticketMaxWan,instruments,chainIds,segmentIds,regionMandate
                        %1$sF-LOCAL,%1$sV-ZJ,镇江新材料天使基金%1$s,ANGEL|A,100,2000,EQUITY,%1$sC,,321100
                        %1$sF-OTHER,%1$sV-NJ,南京新材料子基金%1$s,ANGEL|A,100,2000,EQUITY,%1$sC,%1$sS1,320100
                        %1$sF-SEG,%1$sV-VC,复材成长基金%1$s,B|C,1000,5000,EQUITY,,%1$sS1,
                        """.formatted(p)))
                .statusCode(201).body("errorCount", equalTo(0));
    }

    private String post(String json) {
        return Logins.admin().contentType("application/json").body(json).post("/api/v1/needs").then().statusCode(201).extract().path("id");
    }

    private JsonPath consortia(String need) {
        // other tests' regions share the graph: ask for the most proposals so this region's alternatives are in
        return Logins.admin().queryParam("limit", 10).get("/api/v1/needs/{id}/consortia", need).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aChallengeGetsTheRightLabALocalFirmToIndustrialiseItAndAFundInItsMandate() {
        String need = post("""
                {"kind": "TECH", "postedBy": "%s", "title": "碳纤维预浸料成型难题", "description": "预浸料固化周期长",
                 "technologyCodes": ["%sT1"]}""".formatted(buyer, p));
        JsonPath best = consortia(need);
        List<Map<String, Object>> proposals = best.getList("$");
        assertFalse(proposals.isEmpty(), "a challenge with a fitting achievement and makers gets a proposal");
        assertEquals(p + "A-RIGHT", best.getString("[0].achievement.id"), proposals.toString());
        assertEquals(p + "I-A", best.getString("[0].institution.id"));
        assertEquals(near, best.getString("[0].industrialiser.id"), "the certified-to-make, near, past partner firm leads");
        assertEquals(p + "F-LOCAL", best.getString("[0].fund.id"), "the guidance fund whose mandate covers the firm");
        List<String> codes = best.getList("[0].reasons.code");
        assertTrue(codes.containsAll(List.of("TECHNOLOGY_FIT", "INDUSTRIALISER_MAKES", "CONSORTIUM_PAST_COLLABORATION", "FUND_FOCUS")),
                codes.toString());
        assertTrue(best.getList("[0].flags").contains("PAST_PARTNERS"));
        assertTrue(best.getString("[0].reasons.find { it.code == 'INDUSTRIALISER_MAKES' }.path.text").contains("可用于"));

        List<String> firms = best.getList("industrialiser.id");
        List<String> funds = best.getList("fund.id");
        assertFalse(firms.contains(buyer), "the firm that posted the challenge is never its own industrialiser");
        assertFalse(firms.contains(leader), "chain leaders are not proposed as the SME partner");
        assertFalse(funds.contains(p + "F-OTHER"), "a guidance fund with another city's mandate is never proposed: " + funds);
        assertTrue(firms.contains(far), "a maker of a narrower product is an alternative: " + firms);
        double first = best.getDouble("[0].score");
        assertTrue(first > 0 && first <= 1);
        assertEquals(firms.size(), firms.stream().distinct().count(), "no firm in two proposals");

        // a dismissed firm never comes back for this need
        Logins.admin().contentType("application/json").body(Map.of("candidateId", near, "action", "DISMISS"))
                .post("/api/v1/needs/{id}/feedback", need).then().statusCode(201);
        List<String> after = consortia(need).getList("industrialiser.id");
        assertFalse(after.contains(near), after.toString());
        assertTrue(after.contains(far), after.toString());
    }

    @jakarta.inject.Inject
    ConsortiumProposals proposals;

    @Test
    void theLocalFirmAndTheLocalFundMakeTheBestConsortium() {
        MatchQuery need = new MatchQuery("EQ", "TECH", buyer, "碳纤维预浸料成型难题", "预浸料固化周期长", List.of(),
                List.of(p + "T1"), List.of(), null, null, null, null);
        List<MatchModel.ConsortiumProposal> out = proposals.forNeed(need, java.util.Set.of(), 10).await().indefinitely();
        assertTrue(out.stream().anyMatch(c -> c.industrialiser().id().equals(near) && c.fund() != null
                && c.fund().id().equals(p + "F-LOCAL")), out.toString());
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i - 1).score() >= out.get(i).score(), "best first");
        }
    }

    @Test
    void onlyTechNeedsGetConsortiaAndBadInputIsAProblem() {
        String supply = post("""
                {"kind": "SUPPLY", "postedBy": "%s", "title": "碳纤维复合材料", "productCodes": ["%sP1"]}""".formatted(buyer, p));
        Logins.admin().get("/api/v1/needs/{id}/consortia", supply).then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("TECH"));
        String tech = post("""
                {"kind": "TECH", "postedBy": "%s", "title": "碳纤维预浸料成型", "technologyCodes": ["%sT1"]}""".formatted(buyer, p));
        Logins.admin().queryParam("limit", 0).get("/api/v1/needs/{id}/consortia", tech).then().statusCode(400)
                .contentType("application/problem+json");
        Logins.admin().get("/api/v1/needs/{id}/consortia", "NO-SUCH-NEED").then().statusCode(404).contentType("application/problem+json");
        Logins.admin().queryParam("limit", 10).get("/api/v1/needs/{id}/consortia", tech).then().statusCode(200)
                .body("industrialiser.id", not(hasItem(buyer)));
    }
}
