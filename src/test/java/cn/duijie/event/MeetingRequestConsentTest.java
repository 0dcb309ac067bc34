package cn.duijie.event;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A fair's 洽谈请求 shares contact details by the same consent as a 对接请求: nothing before the asked side accepts
 * (a staff confirmation is nobody's consent), both sides' details after, each showing audited.
 */
@QuarkusTest
class MeetingRequestConsentTest {

    @Inject
    Driver driver;
    @Inject
    DataSource db;

    @Test
    void aMeetingRequestShowsTheOtherSidesDetailsOnlyAfterTheAskedSideAccepts() throws Exception {
        Ready.await();
        String city = "36" + ThreadLocalRandom.current().nextInt(10, 99) + "00";
        String p = TestData.prefix();
        String asker = TestData.creditCode(p + "asker");
        String asked = TestData.creditCode(p + "asked");
        String third = TestData.creditCode(p + "third");
        String fourth = TestData.creditCode(p + "fourth");
        try (var s = driver.session()) {
            s.run("""
                    MERGE (r:Region {code: $city}) SET r.name = '洽谈市', r.level = 'CITY'
                    CREATE (:Chain {id: $chain, name: '洽谈链'})
                    CREATE (:Enterprise {creditCode: $asker, name: '提出方企业', tier: 'POOL', regionCode: $city})-[:LOCATED_IN]->(r)
                    CREATE (:Enterprise {creditCode: $asked, name: '受邀方企业', tier: 'POOL', regionCode: $city})-[:LOCATED_IN]->(r)
                    CREATE (:Enterprise {creditCode: $third, name: '第三方企业', tier: 'POOL', regionCode: $city})-[:LOCATED_IN]->(r)
                    CREATE (:Enterprise {creditCode: $fourth, name: '第四方企业', tier: 'POOL', regionCode: $city})-[:LOCATED_IN]->(r)
                    """, Map.of("city", city, "chain", p + "C", "asker", asker, "asked", asked, "third", third, "fourth", fourth)).consume();
        }
        contact(asker, "赵提出", "13700000011", "asker@fair.example");
        contact(asked, "钱受邀", "13700000022", "asked@fair.example");
        contact(third, "孙第三", "13700000033", "third@fair.example");
        contact(fourth, "李第四", "13700000044", "fourth@fair.example");

        Map<String, Object> event = EventFixtures.eventBody(p + "C", city, "09:00", "11:00", 20, 2);
        event.remove("actor");
        String base = "/api/v1/events/" + Logins.bureau(city).contentType(ContentType.JSON).body(event).post("/api/v1/events")
                .then().statusCode(201).extract().path("id");
        String a = register(base, asker);
        String b = register(base, asked);
        String c = register(base, third);

        String ab = Logins.firm(asker).contentType(ContentType.JSON).body(Map.of("fromParticipantId", a, "toParticipantId", b, "note", "想谈谈配套"))
                .post(base + "/meeting-requests").then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        String cb = Logins.firm(third).contentType(ContentType.JSON).body(Map.of("fromParticipantId", c, "toParticipantId", b))
                .post(base + "/meeting-requests").then().statusCode(201).extract().path("id");
        // staff confirm the third firm's meeting: booked, but the asked firm has not consented to show its details
        Logins.bureau(city).contentType(ContentType.JSON).body("{}").post(base + "/meeting-requests/" + cb + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));

        // before acceptance: no details anywhere either side looks, and the consent waits in the 对接请求 inbox
        noDetails(Logins.firm(asker).get(base + "/meeting-requests?participantId=" + a).asString());
        noDetails(Logins.firm(asked).get(base + "/meeting-requests?participantId=" + b).asString());
        noDetails(Logins.firm(third).get(base + "/meeting-requests?participantId=" + c).asString());
        noDetails(Logins.bureau(city).get(base + "/meeting-requests").asString());
        noDetails(Logins.firm(asker).get("/api/v1/contacts").asString());
        noDetails(Logins.firm(asked).get("/api/v1/contact-requests?direction=in").asString());
        Logins.firm(asked).get("/api/v1/contact-requests?direction=in").then().statusCode(200)
                .body("$", hasSize(2)).body("status", org.hamcrest.Matchers.everyItem(equalTo("PENDING")));
        Assertions.assertEquals(0, reveals("ENTERPRISE:" + asked));
        // the asker cannot accept its own request
        Logins.firm(asker).contentType(ContentType.JSON).body("{}").post(base + "/meeting-requests/" + ab + "/accept")
                .then().statusCode(403);
        noDetails(Logins.firm(asker).get(base + "/meeting-requests?participantId=" + a).asString());

        // the asked firm accepts: both see each other's details on the request and among their contacts
        Logins.firm(asked).contentType(ContentType.JSON).body("{}").post(base + "/meeting-requests/" + ab + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Logins.firm(asker).get(base + "/meeting-requests?participantId=" + a).then().statusCode(200)
                .body("items.find { it.id == '" + ab + "' }.contact.mobile", equalTo("13700000022"))
                .body("items.find { it.id == '" + ab + "' }.contact.name", equalTo("钱受邀"));
        Logins.firm(asked).get(base + "/meeting-requests?participantId=" + b).then().statusCode(200)
                .body("items.find { it.id == '" + ab + "' }.contact.mobile", equalTo("13700000011"))
                .body("items.find { it.id == '" + cb + "' }.contact", org.hamcrest.Matchers.nullValue());
        Logins.firm(asker).get("/api/v1/contacts").then().statusCode(200).body("contact.email", org.hamcrest.Matchers.hasItem("asked@fair.example"));
        // the third firm, only confirmed by staff, still sees nothing; staff lists carry no details
        noDetails(Logins.firm(third).get(base + "/meeting-requests?participantId=" + c).asString());
        noDetails(Logins.bureau(city).get(base + "/meeting-requests").asString());
        Assertions.assertTrue(reveals("ENTERPRISE:" + asked) >= 1);

        // asking each other is each side's consent
        Logins.firm(third).contentType(ContentType.JSON).body(Map.of("fromParticipantId", c, "toParticipantId", a))
                .post(base + "/meeting-requests").then().statusCode(201).body("status", equalTo("PENDING"));
        noDetails(Logins.firm(third).get(base + "/meeting-requests?participantId=" + c).asString());
        Logins.firm(asker).contentType(ContentType.JSON).body(Map.of("fromParticipantId", a, "toParticipantId", c))
                .post(base + "/meeting-requests").then().statusCode(201).body("status", equalTo("ACCEPTED")).body("mutual", equalTo(true));
        Logins.firm(third).get(base + "/meeting-requests?participantId=" + c + "&status=ACCEPTED").then().statusCode(200)
                .body("items", hasSize(2)).body("items.contact.mobile", org.hamcrest.Matchers.everyItem(equalTo("13700000011")));

        // a declined request shows nothing
        String d = register(base, fourth);
        String declined = Logins.firm(fourth).contentType(ContentType.JSON).body(Map.of("fromParticipantId", d, "toParticipantId", b))
                .post(base + "/meeting-requests").then().statusCode(201).extract().path("id");
        Logins.firm(asked).contentType(ContentType.JSON).body("{}").post(base + "/meeting-requests/" + declined + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        noDetails(Logins.firm(fourth).get(base + "/meeting-requests?participantId=" + d).asString());
        noDetailsOf(Logins.firm(asked).get(base + "/meeting-requests?participantId=" + b).asString(), "13700000044", "fourth@fair.example");
        Logins.firm(fourth).get("/api/v1/contact-requests?direction=out").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].status", equalTo("DECLINED"));
    }

    private static void noDetails(String body) {
        for (String secret : new String[] {"13700000011", "13700000022", "13700000033", "13700000044", "@fair.example"}) {
            Assertions.assertFalse(body.contains(secret), body);
        }
    }

    private static void noDetailsOf(String body, String mobile, String email) {
        Assertions.assertFalse(body.contains(mobile) || body.contains(email), body);
    }

    private static void contact(String firm, String name, String mobile, String email) {
        Logins.firm(firm).contentType(ContentType.JSON).body(Map.of("name", name, "mobile", mobile, "email", email))
                .put("/api/v1/me/contact").then().statusCode(200);
    }

    private static String register(String base, String firm) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyType", "ENTERPRISE");
        body.put("partyKey", firm);
        body.put("role", "GUEST");
        body.put("status", "REGISTERED");
        return Logins.firm(firm).contentType(ContentType.JSON).body(body).post(base + "/participants")
                .then().statusCode(201).extract().path("id");
    }

    private long reveals(String party) throws Exception {
        try (var conn = db.getConnection(); var ps = conn.prepareStatement("SELECT count(*) FROM contact_reveal WHERE party = ?")) {
            ps.setString(1, party);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
