package cn.duijie.event;

import cn.duijie.support.Logins;
import static cn.duijie.event.EventFixtures.BUREAU;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class EventConcurrencyTest {

    @Inject
    Driver driver;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    /** Runs the calls at once (released by one latch) and returns the responses. */
    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void exactlyOneWins(List<Response> responses, int winStatus) {
        long wins = responses.stream().filter(r -> r.statusCode() == winStatus).count();
        assertEquals(1, wins, "exactly one succeeds: " + responses.stream().map(Response::statusCode).toList());
        for (Response r : responses) {
            if (r.statusCode() != winStatus) {
                assertEquals(409, r.statusCode(), r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"));
                assertTrue(r.jsonPath().getString("title").contains("冲突"), r.asString());
            }
        }
    }

    @Test
    void twentyParallelBookingsIntoTheSameSlotNeverDoubleBookTheHost() throws Exception {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 21);
        String event = fx.event(3, 40);
        String host = EventFixtures.invite(event, firms.get(0), "HOST", null, null);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String guest = EventFixtures.invite(event, firms.get(i), "GUEST", null, null);
            String rid = EventFixtures.request(event, guest, host);
            EventFixtures.accept(event, rid, host);
            calls.add(() -> Logins.admin().contentType(ContentType.JSON)
                    .body(Map.of("requestId", rid, "slot", 1, "actor", BUREAU))
                    .post("/api/v1/events/" + event + "/meetings"));
        }
        exactlyOneWins(race(calls), 201);
        Logins.admin().get("/api/v1/events/" + event + "/schedule").then().statusCode(200)
                .body("meetings.size()", org.hamcrest.Matchers.equalTo(1))
                .body("meetings[0].slot", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void twentyParallelAcceptsOfOneRequestSucceedOnce() throws Exception {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 2);
        String event = fx.event(3, 2);
        String a = EventFixtures.invite(event, firms.get(0), "HOST", null, null);
        String b = EventFixtures.invite(event, firms.get(1), "GUEST", null, null);
        String rid = EventFixtures.request(event, a, b);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> Logins.admin().contentType(ContentType.JSON)
                    .body(Map.of("actor", Map.of("type", "PARTICIPANT", "id", b)))
                    .post("/api/v1/events/" + event + "/meeting-requests/" + rid + "/accept"));
        }
        exactlyOneWins(race(calls), 200);
    }

    @Test
    void parallelScheduleRunsAndBookingsLeaveNoDoubleBooking() throws Exception {
        EventFixtures fx = new EventFixtures(driver);
        List<String> firms = fx.firms(driver, 6);
        String event = fx.event(2, 2);
        List<String> ps = firms.stream().map(k -> EventFixtures.invite(event, k, "GUEST", null, null)).toList();
        List<String> rids = new ArrayList<>();
        for (int i = 1; i < 6; i++) {
            String rid = EventFixtures.request(event, ps.get(i), ps.get(0));
            EventFixtures.accept(event, rid, ps.get(0));
            rids.add(rid);
        }
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(() -> Logins.admin().contentType(ContentType.JSON).body(Map.of("actor", BUREAU))
                    .post("/api/v1/events/" + event + "/schedule"));
        }
        for (String rid : rids) {
            calls.add(() -> Logins.admin().contentType(ContentType.JSON).body(Map.of("requestId", rid, "slot", 0, "actor", BUREAU))
                    .post("/api/v1/events/" + event + "/meetings"));
        }
        for (Response r : race(calls)) {
            assertTrue(List.of(200, 201, 409).contains(r.statusCode()), r.asString());
        }
        List<Integer> hostSlots = new ArrayList<>();
        for (Map<String, Object> m : Logins.admin().get("/api/v1/events/" + event + "/schedule").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("meetings")) {
            hostSlots.add((Integer) m.get("slot"));
        }
        assertEquals(hostSlots.stream().distinct().count(), hostSlots.size(), "host double-booked: " + hostSlots);
    }
}
