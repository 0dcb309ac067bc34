package cn.duijie.event;

import cn.duijie.support.Logins;
import static cn.duijie.event.EventFixtures.BUREAU;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
class EventScheduleTest {

    @Inject
    Driver driver;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    private static JsonPath schedule(String eventId) {
        return Logins.admin().contentType(ContentType.JSON).body(Map.of("actor", BUREAU))
                .post("/api/v1/events/" + eventId + "/schedule").then().statusCode(200).extract().jsonPath();
    }

    /** participantId -> slots they sit in; fails on a double booking. */
    private static Map<String, List<Integer>> seats(JsonPath s) {
        Map<String, List<Integer>> seats = new HashMap<>();
        Set<String> slotTable = new HashSet<>();
        for (Map<String, Object> m : s.<Map<String, Object>>getList("meetings")) {
            int slot = (Integer) m.get("slot");
            assertTrue(slotTable.add(slot + "/" + m.get("tableNo")), "two meetings at one table in slot " + slot);
            for (String side : List.of("a", "b")) {
                String pid = (String) ((Map<?, ?>) m.get(side)).get("participantId");
                List<Integer> mine = seats.computeIfAbsent(pid, k -> new ArrayList<>());
                assertTrue(!mine.contains(slot), pid + " double-booked in slot " + slot);
                mine.add(slot);
            }
        }
        return seats;
    }

    @Test
    void everyPlaceableMutualRequestIsPlacedAndNobodyIsDoubleBooked() {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 6);
        String event = fx.event(4, 3);
        List<String> ps = firms.stream().map(k -> EventFixtures.invite(event, k, "GUEST", null, null)).toList();
        // 9 mutual pairs among 6 firms, 4 slots x 3 tables: each firm has 3 pairs, all fit
        int pairs = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 3; j < 6; j++) {
                EventFixtures.mutual(event, ps.get(i), ps.get(j));
                pairs++;
            }
        }
        JsonPath s = schedule(event);
        assertEquals(pairs, s.getInt("agreedPairs"));
        assertEquals(pairs, s.getInt("placed"), s.prettify());
        assertEquals(0, s.getList("unplaced").size());
        seats(s);
        assertTrue(s.<Boolean>getList("meetings.mutual").stream().allMatch(b -> b));
    }

    @Test
    void unavailableSlotsStayEmptyAndImpossiblePairsAreReportedWithReasons() {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 5);
        String event = fx.event(4, 3);
        String host = EventFixtures.invite(event, firms.get(0), "HOST", List.of(1, 2), null);
        String g1 = EventFixtures.invite(event, firms.get(1), "GUEST", null, null);
        String g2 = EventFixtures.invite(event, firms.get(2), "GUEST", null, null);
        String noOverlap = EventFixtures.invite(event, firms.get(3), "GUEST", List.of(0, 3), null);
        String capped = EventFixtures.invite(event, firms.get(4), "GUEST", null, 1);
        EventFixtures.mutual(event, host, g1);
        EventFixtures.mutual(event, host, g2);
        EventFixtures.mutual(event, host, noOverlap);
        EventFixtures.mutual(event, capped, g1);
        EventFixtures.mutual(event, capped, g2);

        JsonPath s = schedule(event);
        Map<String, List<Integer>> seats = seats(s);
        assertTrue(Set.of(1, 2).containsAll(seats.get(host)), "host only in its free slots: " + seats.get(host));
        assertEquals(2, seats.get(host).size());
        assertEquals(1, seats.get(capped).size());
        assertEquals(4, s.getInt("agreedPairs") - 1);
        List<Map<String, Object>> unplaced = s.getList("unplaced");
        assertEquals(2, unplaced.size(), s.prettify());
        Set<String> reasons = unplaced.stream().map(u -> (String) u.get("reason")).collect(Collectors.toSet());
        assertEquals(Set.of("双方没有共同的空闲时段", "超过每人洽谈上限"), reasons);

        // GET answers the same schedule
        Logins.admin().get("/api/v1/events/" + event + "/schedule").then().statusCode(200)
                .body("placed", equalTo(s.getInt("placed"))).body("unplaced.size()", equalTo(2));
    }

    @Test
    void reschedulingKeepsPublishedMeetingsWhereTheyAre() {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 4);
        String event = fx.event(3, 2);
        List<String> ps = firms.stream().map(k -> EventFixtures.invite(event, k, "GUEST", null, null)).toList();
        EventFixtures.mutual(event, ps.get(0), ps.get(1));
        EventFixtures.mutual(event, ps.get(2), ps.get(3));
        JsonPath first = schedule(event);
        Logins.admin().contentType(ContentType.JSON).body(Map.of("actor", BUREAU))
                .post("/api/v1/events/" + event + "/schedule/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("meetings.status", org.hamcrest.Matchers.everyItem(equalTo("PUBLISHED")));
        EventFixtures.mutual(event, ps.get(0), ps.get(2));
        JsonPath second = schedule(event);
        assertEquals(3, second.getInt("placed"));
        for (Map<String, Object> m : first.<Map<String, Object>>getList("meetings")) {
            Map<String, Object> again = second.<Map<String, Object>>getList("meetings").stream()
                    .filter(x -> x.get("id").equals(m.get("id"))).findFirst().orElseThrow();
            assertEquals(m.get("slot"), again.get("slot"));
            assertEquals(m.get("tableNo"), again.get("tableNo"));
        }
        seats(second);
    }

    @Test
    void participantCalendarParsesWithIcal4jAndMatchesTheSchedule() throws Exception {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 3);
        String event = fx.event(3, 2);
        List<String> ps = firms.stream().map(k -> EventFixtures.invite(event, k, "GUEST", null, null)).toList();
        EventFixtures.mutual(event, ps.get(0), ps.get(1));
        EventFixtures.mutual(event, ps.get(0), ps.get(2));
        JsonPath s = schedule(event);
        String ics = Logins.admin().get("/api/v1/events/" + event + "/participants/" + ps.get(0) + "/schedule.ics")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/calendar")).extract().asString();
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = cal.getComponents("VEVENT");
        assertEquals(2, events.size());
        for (Map<String, Object> m : s.<Map<String, Object>>getList("meetings")) {
            VEvent ev = events.stream().filter(v -> v.getUid().orElseThrow().getValue().startsWith((String) m.get("id")))
                    .findFirst().orElseThrow();
            ZonedDateTime start = ZonedDateTime.from(ev.getDateTimeStart().getDate());
            assertEquals(java.time.OffsetDateTime.parse((String) m.get("startsAt")).toInstant(), start.toInstant());
            assertTrue(ics.contains("TZID=Asia/Shanghai"), "times in Asia/Shanghai");
            assertTrue(ev.getLocation().getValue().contains("第 " + m.get("tableNo") + " 桌"));
            assertTrue(ev.getSummary().getValue().contains("企业"));
        }
        byte[] xlsx = Logins.admin().get("/api/v1/events/" + event + "/schedule.xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(2, wb.getSheets().count());
            assertEquals(3, wb.getFirstSheet().read().size(), "header + 2 meetings");
        }
    }
}
