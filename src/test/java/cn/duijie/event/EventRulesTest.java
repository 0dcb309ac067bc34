package cn.duijie.event;

import cn.duijie.support.Logins;
import static cn.duijie.event.EventFixtures.BUREAU;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EventRulesTest {

    @Inject
    Driver driver;
    @Inject
    DataSource db;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    private long count(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void badEventInputIsAProblemAndWritesNothing() throws Exception {
        EventFixtures fx = new EventFixtures(driver);
        String title = "坏请求-" + fx.tag;
        Map<String, Object> unknownChain = EventFixtures.eventBody("no-such-chain-" + fx.tag, fx.city, "09:00", "12:00", 20, 10);
        unknownChain.put("title", title);
        Logins.admin().contentType(ContentType.JSON).body(unknownChain).post("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("chainId"))
                .body("detail", containsString("产业链"));
        Map<String, Object> endBeforeStart = EventFixtures.eventBody(fx.chain, fx.city, "12:00", "09:00", 20, 10);
        endBeforeStart.put("title", title);
        Logins.admin().contentType(ContentType.JSON).body(endBeforeStart).post("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("endTime"));
        Map<String, Object> noTables = EventFixtures.eventBody(fx.chain, fx.city, "09:00", "12:00", 20, 0);
        noTables.put("title", title);
        Logins.admin().contentType(ContentType.JSON).body(noTables).post("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("tables"));
        Map<String, Object> notStaff = EventFixtures.eventBody(fx.chain, fx.city, "09:00", "12:00", 20, 10);
        notStaff.put("title", title);
        notStaff.put("actor", Map.of("type", "PARTICIPANT", "id", "x"));
        Logins.admin().contentType(ContentType.JSON).body(notStaff).post("/api/v1/events").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(0, count("SELECT count(*) FROM event WHERE title = ?", title));
        Logins.admin().get("/api/v1/events/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void createdEventHasSlotsInShanghaiTime() {
        EventFixtures fx = new EventFixtures(driver);
        String id = fx.event(6, 10);
        Logins.admin().get("/api/v1/events/" + id).then().statusCode(200)
                .body("slots.size()", equalTo(6)).body("timeZone", equalTo("Asia/Shanghai"))
                .body("slots[0].startsAt", equalTo("2026-03-18T01:00:00Z"))
                .body("createdBy.type", equalTo("BUREAU"));
    }

    @Test
    void bulkInviteWithOneUnknownPartyInvitesNobody() throws Exception {
        EventFixtures fx = new EventFixtures(driver);
        String event = fx.event(3, 2);
        List<Map<String, Object>> body = List.of(
                Map.of("partyType", "ENTERPRISE", "partyKey", fx.localGuest, "role", "GUEST"),
                Map.of("partyType", "FUND", "partyKey", fx.fund, "role", "HOST"),
                Map.of("partyType", "ENTERPRISE", "partyKey", "missing-" + fx.tag, "role", "GUEST"));
        Logins.admin().contentType(ContentType.JSON).body(body).post("/api/v1/events/" + event + "/participants").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("[2].partyKey"));
        assertEquals(0, count("SELECT count(*) FROM event_participant WHERE event_id = ?", UUID.fromString(event)));
        Logins.admin().contentType(ContentType.JSON).body(body.subList(0, 2)).post("/api/v1/events/" + event + "/participants")
                .then().statusCode(201).body("items.size()", equalTo(2)).body("items[1].name", equalTo("测试产业基金"));
        // inviting the same party again is a conflict
        Logins.admin().contentType(ContentType.JSON).body(body.get(0)).post("/api/v1/events/" + event + "/participants")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void participantStatusFollowsInvitedRegisteredCheckedIn() {
        EventFixtures fx = new EventFixtures(driver);
        String event = fx.event(3, 2);
        String pid = Logins.admin().contentType(ContentType.JSON)
                .body(Map.of("partyType", "ENTERPRISE", "partyKey", fx.localGuest, "role", "GUEST",
                        "availableTimes", List.of(Map.of("from", "09:20", "to", "10:00"))))
                .post("/api/v1/events/" + event + "/participants").then().statusCode(201)
                .body("status", equalTo("INVITED")).body("availableSlots", equalTo(List.of(1, 2))).extract().path("id");
        String path = "/api/v1/events/" + event + "/participants/" + pid;
        Logins.admin().contentType(ContentType.JSON).body(Map.of("status", "CHECKED_IN")).patch(path).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("INVITED"));
        Logins.admin().contentType(ContentType.JSON).body(Map.of("status", "REGISTERED")).patch(path).then().statusCode(200)
                .body("status", equalTo("REGISTERED"));
        Logins.admin().contentType(ContentType.JSON).body(Map.of("status", "NO_SHOW")).patch(path).then().statusCode(200);
        Logins.admin().contentType(ContentType.JSON).body(Map.of("status", "REGISTERED")).patch(path).then().statusCode(409);
    }

    @Test
    void meetingRequestsNeedKnownParticipantsConsentAndNoDuplicates() throws Exception {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 3);
        String event = fx.event(3, 2);
        String a = EventFixtures.invite(event, firms.get(0), "HOST", null, null);
        String b = EventFixtures.invite(event, firms.get(1), "GUEST", null, null);
        String c = EventFixtures.invite(event, firms.get(2), "GUEST", null, null);
        String stranger = UUID.randomUUID().toString();
        Logins.admin().contentType(ContentType.JSON).body(Map.of("fromParticipantId", a, "toParticipantId", stranger))
                .post("/api/v1/events/" + event + "/meeting-requests").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(stranger));
        assertEquals(0, count("SELECT count(*) FROM meeting_request WHERE event_id = ?", UUID.fromString(event)));

        String rid = EventFixtures.request(event, a, b);
        Logins.admin().contentType(ContentType.JSON).body(Map.of("fromParticipantId", a, "toParticipantId", b))
                .post("/api/v1/events/" + event + "/meeting-requests").then().statusCode(409)
                .contentType("application/problem+json");
        // only the invited side (or staff) may answer
        Logins.admin().contentType(ContentType.JSON).body(Map.of("actor", Map.of("type", "PARTICIPANT", "id", c)))
                .post("/api/v1/events/" + event + "/meeting-requests/" + rid + "/accept").then().statusCode(403);
        // b asks a back: mutual interest, both agreed
        Logins.admin().contentType(ContentType.JSON).body(Map.of("fromParticipantId", b, "toParticipantId", a))
                .post("/api/v1/events/" + event + "/meeting-requests").then().statusCode(201)
                .body("mutual", equalTo(true)).body("status", equalTo("ACCEPTED"));
        Logins.admin().get("/api/v1/events/" + event + "/meeting-requests?participantId=" + a).then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items.mutual", equalTo(List.of(true, true)))
                .body("items.status", equalTo(List.of("ACCEPTED", "ACCEPTED")));
        // staff confirm directly; a pending request cannot be declined after it was confirmed
        String rc = EventFixtures.request(event, c, a);
        Logins.admin().contentType(ContentType.JSON).body(Map.of("actor", BUREAU))
                .post("/api/v1/events/" + event + "/meeting-requests/" + rc + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        Logins.admin().contentType(ContentType.JSON).body(Map.of("actor", Map.of("type", "PARTICIPANT", "id", a)))
                .post("/api/v1/events/" + event + "/meeting-requests/" + rc + "/decline").then().statusCode(409);
    }

    @Test
    void pendingRequestsPerSenderAreCapped() {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 22);
        String event = fx.event(3, 2);
        List<Map<String, Object>> all = firms.stream()
                .map(k -> Map.<String, Object>of("partyType", "ENTERPRISE", "partyKey", k, "role", "GUEST")).toList();
        List<String> ps = Logins.admin().contentType(ContentType.JSON).body(all).post("/api/v1/events/" + event + "/participants")
                .then().statusCode(201).extract().path("items.id");
        for (int i = 1; i <= 20; i++) {
            EventFixtures.request(event, ps.get(0), ps.get(i));
        }
        Logins.admin().contentType(ContentType.JSON).body(Map.of("fromParticipantId", ps.get(0), "toParticipantId", ps.get(21)))
                .post("/api/v1/events/" + event + "/meeting-requests").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("20"));
    }

    @Test
    void suggestedInviteesRankLeadersFundsLabsAndLocalGuestsFirst() {
        EventFixtures fx = new EventFixtures(driver);
        String event = fx.event(3, 2);
        EventFixtures.invite(event, fx.leader, "HOST", null, null);
        Logins.admin().get("/api/v1/events/" + event + "/suggested-invitees?limit=10").then().statusCode(200)
                .body("hosts[0].candidate.id", equalTo(fx.leader))
                .body("hosts[0].alreadyInvited", equalTo(true))
                .body("hosts[0].reasons.code", hasItem("OPEN_SUPPLY_NEEDS"))
                .body("hosts.candidate.id", hasItem(fx.fund))
                .body("hosts.candidate.id", hasItem(fx.institution))
                .body("guests.candidate.id", equalTo(List.of(fx.localGuest, fx.remoteGuest)))
                .body("guests[0].reasons.code", hasItem("LOCAL"))
                .body("guests[0].reasons.code", hasItem("MAKES_WANTED_PRODUCT"))
                .body("guests[0].reasons[0].text", containsString("正极材料"));
    }

    @Test
    void outcomesAreCountedAndBecomeMatchSignals() throws Exception {
        EventFixtures fx = new EventFixtures(driver);
        String event = fx.event(3, 2);
        String host = EventFixtures.invite(event, fx.leader, "HOST", null, null);
        String guest = EventFixtures.invite(event, fx.localGuest, "GUEST", null, null);
        EventFixtures.mutual(event, host, guest);
        String meeting = Logins.admin().contentType(ContentType.JSON).body(Map.of("actor", BUREAU))
                .post("/api/v1/events/" + event + "/schedule").then().statusCode(200).extract().path("meetings[0].id");
        String outcomes = "/api/v1/events/" + event + "/outcomes";
        Logins.admin().contentType(ContentType.JSON).body(Map.of("meetingId", meeting, "kind", "NO_SHOW", "reportedBy", BUREAU))
                .post(outcomes).then().statusCode(400).contentType("application/problem+json");
        Logins.admin().contentType(ContentType.JSON).body(Map.of("meetingId", meeting, "kind", "CONTRACT", "reportedBy", BUREAU))
                .post(outcomes).then().statusCode(400).body("errors.field", hasItem("amountWan"));
        Logins.admin().contentType(ContentType.JSON).body(Map.of("meetingId", UUID.randomUUID(), "kind", "INTENT", "reportedBy", BUREAU))
                .post(outcomes).then().statusCode(404);
        Logins.admin().contentType(ContentType.JSON).body(Map.of("meetingId", meeting, "kind", "CHECKED_IN", "reportedBy", BUREAU))
                .post(outcomes).then().statusCode(201);
        Logins.admin().contentType(ContentType.JSON).body(Map.of("meetingId", meeting, "kind", "INTENT", "reportedBy", BUREAU))
                .post(outcomes).then().statusCode(201);
        Logins.admin().contentType(ContentType.JSON).body(Map.of("meetingId", meeting, "kind", "CONTRACT", "amountWan", 350.5,
                "reportedBy", BUREAU)).post(outcomes).then().statusCode(201);
        Logins.admin().get(outcomes).then().statusCode(200)
                .body("meetingsScheduled", equalTo(1)).body("meetingsHeld", equalTo(1)).body("intents", equalTo(1))
                .body("contracts", equalTo(1)).body("contractAmountWan", equalTo(350.5f));
        Logins.admin().get("/api/v1/events/" + event + "/participants/" + host).then().body("status", equalTo("CHECKED_IN"));
        assertEquals(1, count("SELECT count(*) FROM match_signal WHERE source_event_id = ? AND kind = 'MET'", UUID.fromString(event)));
        assertEquals(1, count("SELECT count(*) FROM match_signal WHERE source_event_id = ? AND kind = 'DEAL'", UUID.fromString(event)));
    }
}
