package cn.duijie.institution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Imports;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Each filter of the institutions, achievements and funds lists narrows the list, alone and combined; own keys. */
@QuarkusTest
class PartyBrowsingFiltersTest {

    @TempDir
    Path dir;
    String p;
    String firm;

    @BeforeEach
    void importParties() {
        Ready.await();
        p = TestData.prefix();
        firm = TestData.creditCode(p + "F");
        Imports.upload(
                TestData.csv(dir, "regions.csv", """
                        code,name,level,parentCode,lat,lon
                        320000,江苏省,PROVINCE,,32.06,118.79
                        321100,镇江市,CITY,320000,32.19,119.42
                        321102,京口区,DISTRICT,321100,32.2,119.47
                        320500,苏州市,CITY,320000,31.3,120.58
                        """),
                TestData.csv(dir, "chains.csv", "id,name\n%1$sC,新材料\n%1$sD,生物医药\n".formatted(p)),
                TestData.csv(dir, "segments.csv", "id,chainId,name,stage,feedsSegmentIds\n%1$sS,%1$sC,复合材料,UPSTREAM,\n".formatted(p)),
                TestData.csv(dir, "products.csv", "code,name,segmentId,broaderCode,keywords\n%1$sP,碳纤维板,%1$sS,,\n".formatted(p)),
                TestData.csv(dir, "technologies.csv", """
                        code,name,broaderCode,segmentIds,keywords
                        %1$sT0,复合材料技术,,%1$sS,
                        %1$sT1,碳纤维成型,%1$sT0,%1$sS,
                        %1$sT9,基因测序,,,
                        """.formatted(p)),
                TestData.csv(dir, "enterprises.csv", "creditCode,name,regionCode,tier\n%s,镇江%s碳纤维,321102,POOL\n".formatted(firm, p)),
                TestData.csv(dir, "institutions.csv", """
                        id,name,kind,regionCode,technologyCodes,description
                        %1$sU,江苏%1$s大学碳纤维研究院,UNIVERSITY,321102,%1$sT1,碳纤维复合材料
                        %1$sL,苏州%1$s材料实验室,LAB,320500,%1$sT0,材料
                        %1$sG,苏州%1$s基因研究所,INSTITUTE,320500,%1$sT9,基因
                        """.formatted(p)),
                TestData.csv(dir, "achievements.csv", """
                        id,title,institutionId,kind,trl,technologyCodes,productCodes,description
                        %1$sA1,碳纤维快速成型工艺,%1$sU,PROCESS,7,%1$sT1,%1$sP,
                        %1$sA2,复合材料检测软件,%1$sL,SOFTWARE,4,%1$sT0,,
                        """.formatted(p)),
                TestData.csv(dir, "investors.csv", """
                        id,name,kind,regionCode
                        %1$sV,%1$s创投,VC,320500
                        %1$sB,%1$s银行,BANK,321100
                        """.formatted(p)),
                TestData.csv(dir, "funds.csv", """
                        id,investorId,name,stages,ticketMinWan,ticketMaxWan,instruments,chainIds,segmentIds,regionMandate
                        %1$sF1,%1$sV,新材料早期基金,SEED|A,100.5,2000,EQUITY|CONVERTIBLE,%1$sC,%1$sS,
                        %1$sF2,%1$sB,知识产权质押贷,DEBT,50,500,IP_PLEDGE|DEBT,%1$sC,,321100
                        %1$sF3,%1$sV,生物医药成长基金,B|C,1000,10000,EQUITY,%1$sD,,
                        """.formatted(p)),
                TestData.csv(dir, "investments.csv", "fundId,creditCode,round,year,amountWan\n%sF1,%s,A,2023,1234.56\n".formatted(p, firm)))
                .statusCode(201).body("status", equalTo("DONE")).body("errors", hasSize(0));
    }

    @Test
    void institutionsNarrowByTechnologyTreeKindRegionAndText() {
        // the tree: T0 covers the lab (T0) and the university (T1, narrower); T9 only the gene institute
        given().queryParam("technology", p + "T0").get("/api/v1/institutions").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(p + "U", p + "L"));
        given().queryParam("technology", p + "T0").queryParam("kind", "lab").get("/api/v1/institutions").then().statusCode(200)
                .body("items.id", contains(p + "L")).body("items[0].kind", equalTo("LAB"));
        given().queryParam("technology", p + "T0").queryParam("region", "321100").get("/api/v1/institutions").then().statusCode(200)
                .body("items.id", contains(p + "U")).body("items[0].regionName", equalTo("京口区"));
        given().queryParam("q", "碳纤维").queryParam("technology", p + "T0").get("/api/v1/institutions").then().statusCode(200)
                .body("items.id", contains(p + "U"));
        given().queryParam("technology", p + "T0").queryParam("size", 1).queryParam("page", 1).get("/api/v1/institutions").then()
                .statusCode(200).body("total", equalTo(2)).body("items", hasSize(1)).body("page", equalTo(1));
        given().queryParam("kind", "PLANET").get("/api/v1/institutions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        given().get("/api/v1/institutions/{id}", p + "U").then().statusCode(200)
                .body("kind", equalTo("UNIVERSITY")).body("technologies", contains("碳纤维成型"));
    }

    @Test
    void achievementsNarrowByTechnologyInstitutionAndMaturity() {
        given().queryParam("technology", p + "T0").get("/api/v1/achievements").then().statusCode(200)
                .body("items.id", containsInAnyOrder(p + "A1", p + "A2"));
        given().queryParam("technology", p + "T0").queryParam("minTrl", 5).get("/api/v1/achievements").then().statusCode(200)
                .body("items.id", contains(p + "A1")).body("items[0].trl", equalTo(7))
                .body("items[0].institutionName", equalTo("江苏%s大学碳纤维研究院".formatted(p)))
                .body("items[0].products", contains("碳纤维板"));
        given().queryParam("institution", p + "L").get("/api/v1/achievements").then().statusCode(200)
                .body("items.id", contains(p + "A2")).body("items[0].kind", equalTo("SOFTWARE"));
    }

    @Test
    void fundsNarrowByChainStageInstrumentAndInvestorKindWithExactMoney() {
        given().queryParam("chain", p + "C").get("/api/v1/funds").then().statusCode(200)
                .body("items.id", contains(p + "F1", p + "F2"));
        given().queryParam("chain", p + "C").queryParam("stage", "seed").get("/api/v1/funds").then().statusCode(200)
                .body("items.id", contains(p + "F1"));
        given().queryParam("chain", p + "C").queryParam("instrument", "IP_PLEDGE").get("/api/v1/funds").then().statusCode(200)
                .body("items.id", contains(p + "F2")).body("items[0].regionMandate", equalTo("321100"));
        given().queryParam("chain", p + "D").queryParam("investorKind", "VC").get("/api/v1/funds").then().statusCode(200)
                .body("items.id", contains(p + "F3"));
        given().queryParam("chain", p + "D").queryParam("investorKind", "BANK").get("/api/v1/funds").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("stage", "Z").get("/api/v1/funds").then().statusCode(400).body("errors[0].field", equalTo("stage"));
        given().get("/api/v1/funds/{id}", p + "F1").then().statusCode(200)
                .body("investorKind", equalTo("VC")).body("stages", contains("SEED", "A"))
                .body("ticketMinWan", equalTo(100.5f))
                .body("portfolio[0].creditCode", equalTo(firm)).body("portfolio[0].amountWan", equalTo(1234.56f));
        given().queryParam("chain", p + "C").get("/api/v1/funds").then().body("items[0].portfolio", nullValue());
    }
}
