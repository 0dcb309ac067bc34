package cn.duijie.event;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
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
        List<String> firms = fourFirms(city, p);
        String asker = firms.get(0);
        String asked = firms.get(1);
        String third = firms.get(2);
        String fourth = firms.get(3);
        String base = newEvent(city, p + "C");
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
        Logins.firm(asker).get("/api/v1/contacts").then().statusCode(200).body("contact.email", org.hamcrest.Matchers.hasItem("firm2@fair.example"));
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
        noDetailsOf(Logins.firm(asked).get(base + "/meeting-requests?participantId=" + b).asString(), "13700000044", "firm4@fair.example");
        Logins.firm(fourth).get("/api/v1/contact-requests?direction=out").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].status", equalTo("DECLINED"));
    }

    @Test
    void answeringAMeetingsContactRequestInTheInboxAnswersTheMeetingRequest() throws Exception {
        Ready.await();
        String city = "36" + ThreadLocalRandom.current().nextInt(10, 99) + "00";
        String p = TestData.prefix();
        List<String> firms = fourFirms(city, p);
        String welcome = firms.get(0);
        String asked = firms.get(1);
        String unwelcome = firms.get(2);
        String booked = firms.get(3);
        String base = newEvent(city, p + "C");
        String b = register(base, asked);
        String w = register(base, welcome);
        String u = register(base, unwelcome);
        String k = register(base, booked);
        String wb = meetingRequest(base, welcome, w, b);
        String ub = meetingRequest(base, unwelcome, u, b);
        String kb = meetingRequest(base, booked, k, b);
        Logins.bureau(city).contentType(ContentType.JSON).body("{}").post(base + "/meeting-requests/" + kb + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));

        // the asked firm answers in its 对接请求 inbox, not on the fair's page
        Logins.firm(asked).contentType(ContentType.JSON).body("{}").post("/api/v1/contact-requests/" + inboxRequestFrom(asked, welcome) + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Logins.firm(asked).contentType(ContentType.JSON).body("{}").post("/api/v1/contact-requests/" + inboxRequestFrom(asked, unwelcome) + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        Logins.firm(asked).contentType(ContentType.JSON).body("{}").post("/api/v1/contact-requests/" + inboxRequestFrom(asked, booked) + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        // the meeting requests follow: accepted and declined as the asked firm, the staff-booked one stays booked
        Logins.bureau(city).get(base + "/meeting-requests").then().statusCode(200)
                .body("items.find { it.id == '" + wb + "' }.status", equalTo("ACCEPTED"))
                .body("items.find { it.id == '" + wb + "' }.decidedBy", equalTo("PARTICIPANT:" + b))
                .body("items.find { it.id == '" + ub + "' }.status", equalTo("DECLINED"))
                .body("items.find { it.id == '" + kb + "' }.status", equalTo("CONFIRMED"));
        Logins.firm(welcome).get(base + "/meeting-requests?participantId=" + w).then().statusCode(200)
                .body("items.find { it.id == '" + wb + "' }.contact.mobile", equalTo("13700000022"));
        noDetails(Logins.firm(unwelcome).get(base + "/meeting-requests?participantId=" + u).asString());
        // answered once: the fair's page cannot answer it again
        Logins.firm(asked).contentType(ContentType.JSON).body("{}").post(base + "/meeting-requests/" + wb + "/decline")
                .then().statusCode(409);
        Logins.firm(asked).contentType(ContentType.JSON).body("{}").post(base + "/meeting-requests/" + ub + "/accept")
                .then().statusCode(409);
    }

    /**
     * A city with a chain (prefix + "C") and four firms in it, each with contact details: mobiles 13700000011, …22,
     * …33, …44 in order, the second firm's contact named 钱受邀; all e-mails at fair.example.
     */
    private List<String> fourFirms(String city, String p) {
        List<String> codes = java.util.stream.IntStream.rangeClosed(1, 4).mapToObj(i -> TestData.creditCode(p + "firm" + i)).toList();
        try (var s = driver.session()) {
            s.run("""
                    MERGE (r:Region {code: $city}) SET r.name = '洽谈市', r.level = 'CITY'
                    CREATE (:Chain {id: $chain, name: '洽谈链'})
                    WITH r
                    UNWIND $firms AS f
                    CREATE (:Enterprise {creditCode: f, name: '洽谈企业' + f, tier: 'POOL', regionCode: $city})-[:LOCATED_IN]->(r)
                    """, Map.of("city", city, "chain", p + "C", "firms", codes)).consume();
        }
        String[] names = {"赵提出", "钱受邀", "孙第三", "李第四"};
        for (int i = 0; i < 4; i++) {
            contact(codes.get(i), names[i], "137000000" + (i + 1) + (i + 1), "firm" + (i + 1) + "@fair.example");
        }
        return codes;
    }

    /** The API address of a new fair of the city's bureau. */
    private static String newEvent(String city, String chain) {
        Map<String, Object> event = EventFixtures.eventBody(chain, city, "09:00", "11:00", 20, 2);
        event.remove("actor");
        return "/api/v1/events/" + Logins.bureau(city).contentType(ContentType.JSON).body(event).post("/api/v1/events")
                .then().statusCode(201).extract().path("id");
    }

    private static String meetingRequest(String base, String firm, String from, String to) {
        return Logins.firm(firm).contentType(ContentType.JSON).body(Map.of("fromParticipantId", from, "toParticipantId", to))
                .post(base + "/meeting-requests").then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
    }

    private static String inboxRequestFrom(String firm, String from) {
        return Logins.firm(firm).get("/api/v1/contact-requests?direction=in").then().statusCode(200)
                .extract().path("find { it.from.id == '" + from + "' }.id");
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
