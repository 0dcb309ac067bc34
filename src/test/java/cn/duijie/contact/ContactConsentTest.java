package cn.duijie.contact;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
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

/** Contact details appear only after the other side accepts; every showing is audited. */
@QuarkusTest
@QuarkusTestResource(EmbeddedEnginesResource.class)
class ContactConsentTest {

    @TempDir
    Path dir;
    @Inject
    DataSource db;
    SupplyRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new SupplyRegion(dir);
        Logins.firm(r.leader).contentType(ContentType.JSON)
                .body("{\"name\": \"张采购\", \"mobile\": \"13800000001\", \"email\": \"buyer@leader.example\"}")
                .put("/api/v1/me/contact").then().statusCode(200).body("mobile", equalTo("13800000001"));
        Logins.firm(r.nearCertified).contentType(ContentType.JSON)
                .body("{\"name\": \"李销售\", \"mobile\": \"13900000002\", \"email\": \"sales@supplier.example\", \"phone\": \"0511-88886666\"}")
                .put("/api/v1/me/contact").then().statusCode(200);
    }

    private long reveals(String party) throws Exception {
        try (var c = db.getConnection(); var ps = c.prepareStatement("SELECT count(*) FROM contact_reveal WHERE party = ?")) {
            ps.setString(1, party);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aSupplierAsksTheDetailsShowOnlyAfterTheLeaderAcceptsAndEachShowingIsAudited() throws Exception {
        String needId = Logins.firm(r.leader).contentType(ContentType.JSON).body(r.needJson()).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
        // "I can serve this need" from the supplier's opportunities
        String id = Logins.firm(r.nearCertified).contentType(ContentType.JSON)
                .body("{\"toParty\": {\"type\": \"ENTERPRISE\", \"id\": \"" + r.leader + "\"}, \"needId\": \"" + needId + "\", \"note\": \"我们可配套\"}")
                .post("/api/v1/contact-requests").then().statusCode(201).body("status", equalTo("PENDING"))
                .body("contact", nullValue()).extract().path("id");
        // before consent: nobody sees the other's details, not in the need, matches or lists
        Logins.firm(r.nearCertified).get("/api/v1/contacts").then().statusCode(200).body("$", hasSize(0));
        Logins.firm(r.leader).get("/api/v1/contacts").then().statusCode(200).body("$", hasSize(0));
        for (String body : new String[] {
                Logins.firm(r.leader).get("/api/v1/needs/" + needId).asString(),
                Logins.firm(r.leader).get("/api/v1/needs/" + needId + "/matches").asString(),
                Logins.firm(r.leader).get("/api/v1/contact-requests?direction=in").asString(),
                Logins.firm(r.nearCertified).get("/api/v1/contact-requests?direction=out").asString(),
                Logins.firm(r.leader).get("/api/v1/enterprises/" + r.nearCertified).asString()}) {
            Assertions.assertFalse(body.contains("13900000002") || body.contains("13800000001"), body);
        }
        // a third firm cannot accept it; the sender cannot accept its own request
        Logins.firm(r.changshu).post("/api/v1/contact-requests/" + id + "/accept").then().statusCode(404);
        Logins.firm(r.nearCertified).post("/api/v1/contact-requests/" + id + "/accept").then().statusCode(404);
        Assertions.assertEquals(0, reveals("ENTERPRISE:" + r.nearCertified));

        Logins.firm(r.leader).post("/api/v1/contact-requests/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("contact.mobile", equalTo("13900000002"));
        Logins.firm(r.nearCertified).get("/api/v1/contacts").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].contact.name", equalTo("张采购")).body("[0].needId", equalTo(needId));
        Logins.firm(r.leader).get("/api/v1/contacts").then().statusCode(200).body("[0].contact.phone", equalTo("0511-88886666"));
        Logins.firm(r.changshu).get("/api/v1/contacts").then().statusCode(200).body("$", hasSize(0));
        Assertions.assertEquals(2, reveals("ENTERPRISE:" + r.nearCertified));
        Assertions.assertEquals(1, reveals("ENTERPRISE:" + r.leader));
        // decided once
        Logins.firm(r.leader).post("/api/v1/contact-requests/" + id + "/decline").then().statusCode(409);
    }

    @Test
    void declinedAndWithdrawnRequestsRevealNothing() {
        String declined = Logins.firm(r.nearCertified).contentType(ContentType.JSON)
                .body("{\"toParty\": {\"type\": \"ENTERPRISE\", \"id\": \"" + r.leader + "\"}}")
                .post("/api/v1/contact-requests").then().statusCode(201).extract().path("id");
        // one open request per pair
        Logins.firm(r.nearCertified).contentType(ContentType.JSON)
                .body("{\"toParty\": {\"type\": \"ENTERPRISE\", \"id\": \"" + r.leader + "\"}}")
                .post("/api/v1/contact-requests").then().statusCode(409).contentType("application/problem+json");
        Logins.firm(r.leader).post("/api/v1/contact-requests/" + declined + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("contact", nullValue());
        String withdrawn = Logins.firm(r.nearCertified).contentType(ContentType.JSON)
                .body("{\"toParty\": {\"type\": \"ENTERPRISE\", \"id\": \"" + r.leader + "\"}}")
                .post("/api/v1/contact-requests").then().statusCode(201).extract().path("id");
        Logins.firm(r.leader).post("/api/v1/contact-requests/" + withdrawn + "/withdraw").then().statusCode(404);
        Logins.firm(r.nearCertified).post("/api/v1/contact-requests/" + withdrawn + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        Logins.firm(r.leader).post("/api/v1/contact-requests/" + withdrawn + "/accept").then().statusCode(409);
        Logins.firm(r.nearCertified).get("/api/v1/contacts").then().statusCode(200).body("$", hasSize(0));
        Logins.firm(r.leader).get("/api/v1/contact-requests?direction=in").then().statusCode(200)
                .body("contact", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void aPostersContactRequestedFeedbackCreatesTheRequest() {
        String needId = Logins.firm(r.leader).contentType(ContentType.JSON).body(r.needJson()).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
        Logins.firm(r.leader).contentType(ContentType.JSON)
                .body("{\"candidateId\": \"" + r.nearCertified + "\", \"action\": \"CONTACT_REQUESTED\"}")
                .post("/api/v1/needs/" + needId + "/feedback").then().statusCode(201);
        Logins.firm(r.nearCertified).get("/api/v1/contact-requests?direction=in").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].from.id", equalTo(r.leader)).body("[0].needId", equalTo(needId))
                .body("[0].status", equalTo("PENDING"));
    }

    @Test
    void badContactDetailsAreRefusedWithReasons() {
        Logins.firm(r.leader).contentType(ContentType.JSON).body("{\"name\": \"张\", \"mobile\": \"12345\", \"email\": \"not-an-email\"}")
                .put("/api/v1/me/contact").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("mobile", "email"));
        Logins.firm(r.leader).get("/api/v1/me/contact").then().statusCode(200).body("mobile", equalTo("13800000001"));
        Logins.bureau("321100").contentType(ContentType.JSON)
                .body("{\"toParty\": {\"type\": \"ENTERPRISE\", \"id\": \"" + r.leader + "\"}}")
                .post("/api/v1/contact-requests").then().statusCode(403).body("detail", containsString("局方"));
        Logins.firm(r.leader).contentType(ContentType.JSON)
                .body("{\"toParty\": {\"type\": \"ENTERPRISE\", \"id\": \"" + r.leader + "\"}}")
                .post("/api/v1/contact-requests").then().statusCode(400);
        Logins.firm(r.leader).contentType(ContentType.JSON)
                .body("{\"toParty\": {\"type\": \"INSTITUTION\", \"id\": \"NO-SUCH-LAB\"}}")
                .post("/api/v1/contact-requests").then().statusCode(422).body("detail", not(containsString("Exception")));
    }
}
