package cn.duijie.event;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import io.restassured.http.ContentType;

/** Builds the small graph and event a test needs, with unique keys so tests never share data. */
public final class EventFixtures {

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    public final String chain = "chain-" + tag;
    public final String city = "C" + tag;
    final String otherCity = "O" + tag;
    public final String leader = "L" + tag;
    public final String fund = "F" + tag;
    final String institution = "I" + tag;
    final String localGuest = "G1" + tag;
    final String remoteGuest = "G2" + tag;

    static final Map<String, Object> BUREAU = Map.of("type", "BUREAU", "id", "staff-1", "name", "工信局张科长");

    public EventFixtures(Driver driver) {
        try (Session s = driver.session()) {
            s.run("""
                    CREATE (r:Region {code: $city, name: '测试市', level: 'CITY'})
                    CREATE (o:Region {code: $otherCity, name: '外市', level: 'CITY'})
                    CREATE (c:Chain {id: $chain, name: '测试新能源汽车'})
                    CREATE (up:Segment {id: $chain + '-up', chainId: $chain, name: '正极材料', stage: 'UPSTREAM'})
                    CREATE (mid:Segment {id: $chain + '-mid', chainId: $chain, name: '动力电池', stage: 'MIDSTREAM'})
                    CREATE (c)-[:HAS_SEGMENT]->(up), (c)-[:HAS_SEGMENT]->(mid), (up)-[:FEEDS]->(mid)
                    CREATE (p1:Product {code: $chain + '-p1', name: '三元正极'})-[:IN_SEGMENT]->(up)
                    CREATE (p2:Product {code: $chain + '-p2', name: '电池包'})-[:IN_SEGMENT]->(mid)
                    CREATE (l:Enterprise {creditCode: $leader, name: '测试链主电池', tier: 'CHAMPION', isChainLeader: true,
                                          employees: 5000, regionCode: $city})-[:LEADS]->(c)
                    CREATE (l)-[:MAKES]->(p2), (l)-[:LOCATED_IN]->(r)
                    CREATE (l)-[:POSTED]->(:Need {id: $chain + '-need', kind: 'SUPPLY', status: 'OPEN', title: '采购正极材料'})-[:WANTS]->(p1)
                    CREATE (g1:Enterprise {creditCode: $localGuest, name: '本地材料', tier: 'SPECIALIZED', regionCode: $city})
                    CREATE (g1)-[:MAKES]->(p1), (g1)-[:LOCATED_IN]->(r)
                    CREATE (g2:Enterprise {creditCode: $remoteGuest, name: '外地材料', tier: 'CHAMPION', regionCode: $otherCity})
                    CREATE (g2)-[:MAKES]->(p1), (g2)-[:LOCATED_IN]->(o)
                    CREATE (:Fund {id: $fund, name: '测试产业基金'})-[:FOCUSES_ON]->(c)
                    CREATE (i:Institution {id: $institution, name: '测试大学', kind: 'UNIVERSITY', regionCode: $city})
                    CREATE (i)-[:EXPERT_IN]->(:Technology {code: $chain + '-t', name: '电池管理'})-[:USED_IN]->(mid)
                    """, Map.of("city", city, "otherCity", otherCity, "chain", chain, "leader", leader,
                    "localGuest", localGuest, "remoteGuest", remoteGuest, "fund", fund, "institution", institution));
        }
    }

    /** n more firms in the graph, keys returned in order. */
    List<String> firms(Driver driver, int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("E" + i + "-" + tag);
        }
        try (Session s = driver.session()) {
            s.run("UNWIND $keys AS k CREATE (:Enterprise {creditCode: k, name: '企业' + k, tier: 'INNOVATIVE', regionCode: $city})",
                    Map.of("keys", keys, "city", city));
        }
        return keys;
    }

    public static Map<String, Object> eventBody(String chain, String region, String start, String end, int slotMinutes, int tables) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "SUPPLY_FAIR");
        body.put("title", "测试采购对接洽谈会");
        body.put("chainId", chain);
        body.put("regionCode", region);
        body.put("date", "2026-03-18");
        body.put("startTime", start);
        body.put("endTime", end);
        body.put("slotMinutes", slotMinutes);
        body.put("tables", tables);
        body.put("venue", "测试会展中心 A 馆");
        body.put("actor", BUREAU);
        return body;
    }

    /** An event from 09:00 with the given number of 20-minute slots. */
    public String event(int slots, int tables) {
        String end = String.format("%02d:%02d", 9 + slots * 20 / 60, slots * 20 % 60);
        return Logins.admin().contentType(ContentType.JSON).body(eventBody(chain, city, "09:00", end, 20, tables))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
    }

    static String invite(String eventId, String key, String role, List<Integer> slots, Integer max) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyType", "ENTERPRISE");
        body.put("partyKey", key);
        body.put("role", role);
        body.put("status", "REGISTERED");
        if (slots != null) {
            body.put("availableSlots", slots);
        }
        if (max != null) {
            body.put("maxMeetings", max);
        }
        return Logins.admin().contentType(ContentType.JSON).body(body).post("/api/v1/events/" + eventId + "/participants")
                .then().statusCode(201).extract().path("id");
    }

    static String request(String eventId, String from, String to) {
        return Logins.admin().contentType(ContentType.JSON).body(Map.of("fromParticipantId", from, "toParticipantId", to, "note", "想谈谈配套"))
                .post("/api/v1/events/" + eventId + "/meeting-requests").then().statusCode(201).extract().path("id");
    }

    static void accept(String eventId, String requestId, String by) {
        Logins.admin().contentType(ContentType.JSON).body(Map.of("actor", Map.of("type", "PARTICIPANT", "id", by)))
                .post("/api/v1/events/" + eventId + "/meeting-requests/" + requestId + "/accept").then().statusCode(200);
    }

    /** Both sides ask for each other: a mutual, agreed pair. */
    static void mutual(String eventId, String a, String b) {
        request(eventId, a, b);
        request(eventId, b, a);
    }
}
