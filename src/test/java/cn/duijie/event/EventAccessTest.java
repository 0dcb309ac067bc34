package cn.duijie.event;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Nobody acts for a party they are not at an event: a firm registers only itself, changes only its own participant,
 * asks for meetings only in its own name and lists only its own requests; staff of another region may not invite,
 * download the workbook or record outcomes; a participant's calendar is its own.
 */
@QuarkusTest
class EventAccessTest {

    @Inject
    Driver driver;

    @Test
    void partiesActOnlyForThemselvesAndStaffOnlyInTheirRegion() {
        Ready.await();
        int n = ThreadLocalRandom.current().nextInt(10, 99);
        String city = "38" + n + "00";
        String otherCity = "37" + n + "00";
        String p = TestData.prefix();
        String mine = TestData.creditCode(p + "mine");
        String theirs = TestData.creditCode(p + "theirs");
        try (var s = driver.session()) {
            s.run("""
                    MERGE (r:Region {code: $city}) SET r.name = '测试市', r.level = 'CITY'
                    MERGE (o:Region {code: $other}) SET o.name = '外市', o.level = 'CITY'
                    CREATE (:Chain {id: $chain, name: '测试链'})
                    CREATE (a:Enterprise {creditCode: $mine, name: '本方企业', tier: 'POOL', regionCode: $city})-[:LOCATED_IN]->(r)
                    CREATE (b:Enterprise {creditCode: $theirs, name: '他方企业', tier: 'POOL', regionCode: $city})-[:LOCATED_IN]->(r)
                    """, Map.of("city", city, "other", otherCity, "mine", mine, "theirs", theirs, "chain", p + "C")).consume();
        }
        Map<String, Object> event = EventFixtures.eventBody(p + "C", city, "09:00", "10:00", 20, 2);
        event.remove("actor");
        String eventId = Logins.bureau(city).contentType(ContentType.JSON).body(event).post("/api/v1/events")
                .then().statusCode(201).extract().path("id");
        String base = "/api/v1/events/" + eventId;

        // registering: a firm itself yes, another firm no; another region's staff may not invite
        String own = Logins.firm(mine).contentType(ContentType.JSON).body(party(mine)).post(base + "/participants")
                .then().statusCode(201).extract().path("id");
        Logins.firm(mine).contentType(ContentType.JSON).body(party(theirs)).post(base + "/participants")
                .then().statusCode(403).contentType("application/problem+json");
        Logins.bureau(otherCity).contentType(ContentType.JSON).body(party(theirs)).post(base + "/participants")
                .then().statusCode(403);
        String other = Logins.bureau(city).contentType(ContentType.JSON).body(party(theirs)).post(base + "/participants")
                .then().statusCode(201).extract().path("id");

        // changing a participant: its own yes, another's no
        Logins.firm(mine).contentType(ContentType.JSON).body(Map.of("maxMeetings", 3)).patch(base + "/participants/" + other)
                .then().statusCode(403);
        Logins.firm(mine).contentType(ContentType.JSON).body(Map.of("maxMeetings", 3)).patch(base + "/participants/" + own)
                .then().statusCode(200).body("maxMeetings", equalTo(3));

        // meeting requests: in one's own name only; listing only one's own
        Logins.firm(mine).contentType(ContentType.JSON).body(Map.of("fromParticipantId", other, "toParticipantId", own))
                .post(base + "/meeting-requests").then().statusCode(403);
        Logins.firm(mine).contentType(ContentType.JSON).body(Map.of("fromParticipantId", own, "toParticipantId", other))
                .post(base + "/meeting-requests").then().statusCode(201);
        Logins.firm(mine).get(base + "/meeting-requests").then().statusCode(403).contentType("application/problem+json");
        Logins.firm(mine).get(base + "/meeting-requests?participantId=" + other).then().statusCode(403);
        Logins.firm(mine).get(base + "/meeting-requests?participantId=" + own).then().statusCode(200)
                .body("items.fromParticipantId", everyItem(equalTo(own)));
        Logins.bureau(city).get(base + "/meeting-requests").then().statusCode(200);

        // staff-only downloads and records are the event's region's; a calendar is its participant's
        Logins.bureau(otherCity).get(base + "/schedule.xlsx").then().statusCode(403);
        Logins.firm(mine).get(base + "/participants/" + other + "/schedule.ics").then().statusCode(403);
        Logins.bureau(otherCity).contentType(ContentType.JSON)
                .body(Map.of("meetingId", java.util.UUID.randomUUID(), "kind", "INTENT", "reportedBy", EventFixtures.BUREAU))
                .post(base + "/outcomes").then().statusCode(403);
    }

    private static Map<String, Object> party(String creditCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyType", "ENTERPRISE");
        body.put("partyKey", creditCode);
        body.put("role", "GUEST");
        body.put("status", "REGISTERED");
        return body;
    }
}
