package cn.duijie.enterprise;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BrowseAndSearchTest {

    @TempDir
    Path dir;
    SupplyRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new SupplyRegion(dir);
    }

    @Test
    void chineseFullTextFindsBearingMakersByTheirProducts() {
        // the firms' names say 轴承, but 镇江…客车 does not make any: it must not be found
        Logins.admin().queryParam("q", "轴承").queryParam("region", "321100").queryParam("size", 100).get("/api/v1/enterprises")
                .then().statusCode(200)
                .body("items.creditCode", hasItems(r.nearCertified, r.noCert, r.champion, r.broadMaker))
                .body("items.creditCode", not(hasItem(r.peer)))
                .body("total", greaterThanOrEqualTo(4));
        Logins.admin().queryParam("q", "精密轴承").queryParam("product", r.bearing).get("/api/v1/enterprises").then().statusCode(200)
                .body("items.creditCode", hasItem(r.changshu))
                .body("items.creditCode", not(hasItem(r.broadMaker)));
        Logins.admin().queryParam("q", "C++ (轴承").get("/api/v1/enterprises").then().statusCode(200);
    }

    @Test
    void filtersByTierRegionIncludingDistrictsAndChainWithPaging() {
        Logins.admin().queryParam("region", "321100").queryParam("chain", r.p + "C").queryParam("size", 2).get("/api/v1/enterprises")
                .then().statusCode(200)
                .body("total", equalTo(6))
                .body("size", equalTo(2))
                .body("items.size()", equalTo(2));
        Logins.admin().queryParam("tier", "CHAMPION").queryParam("chain", r.p + "C").get("/api/v1/enterprises").then().statusCode(200)
                .body("items.tier", everyItem(equalTo("CHAMPION")))
                .body("items.creditCode", hasItems(r.leader, r.champion, r.far));
        Logins.admin().queryParam("tier", "GIANT").get("/api/v1/enterprises").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("tier"));
        Logins.admin().queryParam("size", 101).get("/api/v1/enterprises").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void aFirmsPageShowsProductsChainsBuyersAndSuppliers() {
        Logins.admin().get("/api/v1/enterprises/{c}", r.nearCertified).then().statusCode(200)
                .body("cityName", equalTo("镇江市"))
                .body("products[0].chainId", equalTo(r.p + "C"))
                .body("buyers.creditCode", hasItem(r.leader));
        Logins.admin().get("/api/v1/enterprises/{c}", r.leader).then().statusCode(200)
                .body("suppliers.creditCode", hasItem(r.nearCertified));
        Logins.admin().get("/api/v1/enterprises/{c}", TestData.creditCode("nobody")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void chainMapCountsLocalSuppliersAndGapsListTheEmptySegmentsFirst() {
        Logins.admin().queryParam("region", "320581").get("/api/v1/chains/{id}", r.p + "C").then().statusCode(200)
                .body("segments.find { it.id == '%sS1' }.suppliers".formatted(r.p), equalTo(1))
                .body("segments.find { it.id == '%sS2' }.suppliers".formatted(r.p), equalTo(0));
        // 常熟 has one bearing maker and nothing downstream: the vehicle segment is a gap, with 2 makers elsewhere
        Logins.admin().queryParam("region", "320581").queryParam("min", 1).get("/api/v1/chains/{id}/gaps", r.p + "C").then().statusCode(200)
                .body("[0].inRegion", equalTo(0))
                .body("id", hasItems(r.p + "S2", r.vehicle, r.p + "P0"))
                .body("id", not(hasItem(r.bearing)))
                .body("find { it.id == '%s' }.elsewhere".formatted(r.vehicle), equalTo(2));
        Logins.admin().queryParam("region", "321100").queryParam("min", 2).get("/api/v1/chains/{id}/gaps", r.p + "C").then().statusCode(200)
                .body("id", equalTo(java.util.List.of(r.p + "P0")));
        Logins.admin().get("/api/v1/chains/{id}/gaps", "NO-SUCH").then().statusCode(404);
        Logins.admin().queryParam("min", 0).get("/api/v1/chains/{id}/gaps", r.p + "C").then().statusCode(400);
        Logins.admin().get("/api/v1/chains").then().statusCode(200).body("id", hasItem(r.p + "C"));
    }

    @Test
    void putValidatesLikeTheImporterAndIsIdempotent() {
        String code = TestData.creditCode(r.p + "put");
        String body = """
                {"name": "镇江%s新建轴承厂", "regionCode": "321181", "tier": "POOL", "employees": 30,
                 "productCodes": ["%s"], "certifications": ["ISO9001"]}""".formatted(r.p, r.bearing);
        Logins.admin().contentType("application/json").body(body).put("/api/v1/enterprises/{c}", code).then().statusCode(201)
                .header("Location", containsString(code)).body("products[0].code", equalTo(r.bearing));
        Logins.admin().contentType("application/json").body(body).put("/api/v1/enterprises/{c}", code).then().statusCode(200)
                .body("tier", equalTo("POOL"));
        Logins.admin().contentType("application/json").body(body).put("/api/v1/enterprises/{c}", TestData.withWrongCheck(code)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("creditCode")).body("errors[0].reason", containsString("应为“" + code.charAt(17) + "”"));
        Logins.admin().contentType("application/json").body(body.replace(r.bearing, "NOPE")).put("/api/v1/enterprises/{c}", code).then()
                .statusCode(422).body("errors[0].field", equalTo("productCodes"));
        Logins.admin().contentType("application/json").body(body.replace("\"POOL\"", "\"GIANT\"")).put("/api/v1/enterprises/{c}", code).then()
                .statusCode(400).body("errors[0].field", equalTo("tier"));
        Logins.admin().contentType("application/json").body(body.replace("30", "-3")).put("/api/v1/enterprises/{c}", code).then()
                .statusCode(400).body("errors[0].field", equalTo("employees"));
        Logins.admin().get("/api/v1/enterprises/{c}", code).then().statusCode(200).body("tier", equalTo("POOL")).body("employees", equalTo(30));
    }

    @Test
    void institutionsAchievementsAndFundsAnswer() {
        Logins.admin().get("/api/v1/institutions").then().statusCode(200).body("page", equalTo(0));
        Logins.admin().queryParam("q", "轴承").get("/api/v1/achievements").then().statusCode(200);
        Logins.admin().get("/api/v1/funds").then().statusCode(200);
        Logins.admin().get("/api/v1/institutions/{id}", "NOPE").then().statusCode(404).contentType("application/problem+json");
        Logins.admin().get("/api/v1/funds/{id}", "NOPE").then().statusCode(404).contentType("application/problem+json");
    }
}
