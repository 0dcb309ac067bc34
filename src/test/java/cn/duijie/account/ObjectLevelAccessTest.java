package cn.duijie.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.EmbeddedEnginesResource;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Broken object level authorisation: firm B cannot see or touch firm A's need by its id; a 苏州 clerk cannot act in 镇江. */
@QuarkusTest
@QuarkusTestResource(EmbeddedEnginesResource.class)
class ObjectLevelAccessTest {

    @TempDir
    Path dir;
    @Inject
    DataSource db;
    SupplyRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new SupplyRegion(dir);
    }

    private String postDraftAsLeader() {
        return Logins.firm(r.leader).contentType(ContentType.JSON)
                .body(r.needJson().replace("\"postedBy\": \"" + r.leader + "\",", "\"status\": \"DRAFT\","))
                .post("/api/v1/needs").then().statusCode(201).body("postedBy", equalTo(r.leader)).extract().path("id");
    }

    @Test
    void theActingFirmComesFromTheLoginAndABodyCannotNameAnother() {
        // no postedBy: the login's firm
        postDraftAsLeader();
        // another firm named in the body: 403
        Logins.firm(r.changshu).contentType(ContentType.JSON).body(r.needJson()).post("/api/v1/needs").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString(r.leader));
    }

    @Test
    void anotherFirmCannotReadOrTouchADraftItsMatchesFeedbackOrShortlist() {
        String id = postDraftAsLeader();
        var other = Logins.firm(r.changshu);
        other.get("/api/v1/needs/" + id).then().statusCode(404).contentType("application/problem+json");
        Logins.firm(r.changshu).get("/api/v1/needs/" + id + "/matches").then().statusCode(404);
        Logins.firm(r.changshu).get("/api/v1/needs/" + id + "/shortlist").then().statusCode(404);
        Logins.firm(r.changshu).get("/api/v1/needs/" + id + "/feedback").then().statusCode(404);
        Logins.firm(r.changshu).get("/api/v1/needs/" + id + "/consortia").then().statusCode(404);
        Logins.firm(r.changshu).contentType(ContentType.JSON).body("{\"status\": \"WITHDRAWN\"}")
                .patch("/api/v1/needs/" + id).then().statusCode(404);
        Logins.firm(r.changshu).contentType(ContentType.JSON)
                .body("{\"candidateId\": \"" + r.changshu + "\", \"action\": \"SHORTLIST\"}")
                .post("/api/v1/needs/" + id + "/feedback").then().statusCode(404);
        // the answer for an id that does not exist is the same
        Logins.firm(r.changshu).get("/api/v1/needs/NO-SUCH-NEED/matches").then().statusCode(404);
        // anonymous: the draft is not public
        io.restassured.RestAssured.given().get("/api/v1/needs/" + id).then().statusCode(404);
        // not listed to others, listed to the poster
        Logins.firm(r.changshu).queryParam("postedBy", r.leader).get("/api/v1/needs").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        Logins.firm(r.leader).queryParam("postedBy", r.leader).get("/api/v1/needs").then().statusCode(200)
                .body("items.id", hasItem(id));
        // the poster and its region's bureau still can
        Logins.firm(r.leader).get("/api/v1/needs/" + id + "/shortlist").then().statusCode(200);
        Logins.bureau("321100").get("/api/v1/needs/" + id).then().statusCode(200);
    }

    @Test
    void aFirmsOpportunitiesAreItsOwnAndItsRegionsBureaus() {
        Logins.firm(r.changshu).get("/api/v1/enterprises/" + r.leader + "/opportunities").then().statusCode(404);
        Logins.firm(r.leader).get("/api/v1/enterprises/" + r.leader + "/opportunities").then().statusCode(200);
        Logins.bureau("321100").get("/api/v1/enterprises/" + r.leader + "/opportunities").then().statusCode(200);
        Logins.bureau("320500").get("/api/v1/enterprises/" + r.leader + "/opportunities").then().statusCode(404);
    }

    @Test
    void aBureauEntersNeedsForFirmsOfItsRegionOnlyAndIsRecordedAsTheClerk() throws Exception {
        // 苏州 clerk for a 镇江 firm: 403
        Logins.bureau("320500").contentType(ContentType.JSON).body(r.needJson()).post("/api/v1/needs").then()
                .statusCode(403).contentType("application/problem+json");
        // a bureau must name the firm
        Logins.bureau("321100").contentType(ContentType.JSON)
                .body(r.needJson().replace("\"postedBy\": \"" + r.leader + "\",", ""))
                .post("/api/v1/needs").then().statusCode(403).body("detail", containsString("postedBy"));
        // 镇江 clerk (the city covers the leader's district 321102)
        String id = Logins.bureau("321100").contentType(ContentType.JSON).body(r.needJson()).post("/api/v1/needs").then()
                .statusCode(201).body("postedBy", equalTo(r.leader)).extract().path("id");
        try (var c = db.getConnection(); var ps = c.prepareStatement("SELECT entered_by FROM need WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                org.junit.jupiter.api.Assertions.assertEquals("b-321100", rs.getString(1));
            }
        }
    }

    @Test
    void aClerkCannotCreateAnEventInAnotherRegion() {
        String body = """
                {"kind": "SUPPLY_FAIR", "title": "对接会", "chainId": "%sC", "regionCode": "321100", "date": "2027-03-18",
                 "startTime": "09:00", "endTime": "12:00", "slotMinutes": 20, "tables": 5, "venue": "会展中心"}
                """.formatted(r.p);
        Logins.bureau("320500").contentType(ContentType.JSON).body(body).post("/api/v1/events").then().statusCode(403)
                .contentType("application/problem+json");
        Logins.firm(r.leader).contentType(ContentType.JSON).body(body).post("/api/v1/events").then().statusCode(403);
        Logins.bureau("321100").contentType(ContentType.JSON).body(body).post("/api/v1/events").then().statusCode(201)
                .body("createdBy.id", equalTo("b-321100"));
    }

    @Test
    void aFirmEditsOnlyItsOwnProfile() {
        String body = "{\"name\": \"常熟改名\", \"regionCode\": \"320581\", \"tier\": \"POOL\"}";
        Logins.firm(r.leader).contentType(ContentType.JSON).body(body).put("/api/v1/enterprises/" + r.changshu).then()
                .statusCode(403).contentType("application/problem+json");
        Logins.bureau("321100").contentType(ContentType.JSON).body(body).put("/api/v1/enterprises/" + r.changshu).then()
                .statusCode(403);
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(body)
                .put("/api/v1/enterprises/" + r.changshu).then().statusCode(401);
    }

    @Test
    void refusalsAreProblemsInChinese() {
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(r.needJson()).post("/api/v1/needs").then()
                .statusCode(401).contentType("application/problem+json").body("title", containsString("需要登录"));
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{}").post("/api/v1/accounts").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("局方"));
        Logins.firm(r.leader).get("/api/v1/accounts").then().statusCode(403);
        Logins.bureau("321100").get("/api/v1/accounts").then().statusCode(200)
                .body("items.regionCode", everyItem(org.hamcrest.Matchers.startsWith("3211")));
    }
}
