package cn.duijie.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import cn.duijie.support.Logins;
import cn.duijie.support.PageSessions;
import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import cn.duijie.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Needs, events and an import's rejected rows sort on the server by a whitelisted {@code sort} parameter (the firm
 * search's mechanism), in the API and behind the pages' clickable column headers; an unknown key is a 400 problem.
 */
@QuarkusTest
class ListSortingTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Driver driver;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void needsSortByTitleInTheApiAndOnTheBureauPageAndAnUnknownKeyIsRefused(@TempDir Path dir) {
        SupplyRegion r = new SupplyRegion(dir);
        for (String n : new String[] {"2", "3", "1"}) {
            Logins.firm(r.leader).contentType(ContentType.JSON).body(r.needJson().replace("采购新能源车用精密轴承", "000-" + r.p + "-" + n))
                    .post("/api/v1/needs").then().statusCode(201);
        }
        String prefix = "000-" + r.p + "-";
        Logins.firm(r.leader).get("/api/v1/needs?postedBy=" + r.leader + "&sort=title").then().statusCode(200)
                .body("items.title", contains(prefix + "1", prefix + "2", prefix + "3"));
        Logins.firm(r.leader).get("/api/v1/needs?postedBy=" + r.leader).then().statusCode(200)
                .body("items.title", contains(prefix + "1", prefix + "3", prefix + "2"));
        // a leading '-' gives exactly the reverse list; the key without it means what it always meant
        Logins.firm(r.leader).get("/api/v1/needs?postedBy=" + r.leader + "&sort=-title").then().statusCode(200)
                .body("items.title", contains(prefix + "3", prefix + "2", prefix + "1"));
        Logins.firm(r.leader).get("/api/v1/needs?postedBy=" + r.leader + "&sort=-NEWEST").then().statusCode(200)
                .body("items.title", contains(prefix + "2", prefix + "3", prefix + "1"));
        Logins.firm(r.leader).get("/api/v1/needs?postedBy=" + r.leader + "&sort=--title").then().statusCode(400);
        Logins.firm(r.leader).get("/api/v1/needs?postedBy=" + r.leader + "&sort=createdAt;DROP").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("sort"))
                .body("detail", containsString("NEWEST"));

        var clerk = PageSessions.as(base, login("b-321100", () -> Logins.bureau("321100")));
        String page = clerk.get().get("/bureau?status=OPEN&sort=TITLE").then().statusCode(200).extract().asString();
        assertInOrder(page, prefix + "1", prefix + "2", prefix + "3");
        // the header in use links to the same column reversed, the others to their usual order
        assertTrue(page.contains("aria-sort=\"ascending\"><a href=\"/bureau?kind=&amp;status=OPEN&amp;sort=-TITLE#needs\""), page);
        assertTrue(page.contains("href=\"/bureau?kind=&amp;status=OPEN&amp;sort=EXPIRES#needs\""), page);
        // (the region's needs of other tests come first the other way round: the order itself is checked on /home below)
        String reversed = clerk.get().get("/bureau?status=OPEN&sort=-TITLE").then().statusCode(200).extract().asString();
        assertTrue(reversed.contains("aria-sort=\"descending\"><a href=\"/bureau?kind=&amp;status=OPEN&amp;sort=TITLE#needs\""), reversed);
        assertTrue(reversed.contains("name=\"sort\" value=\"-TITLE\""), reversed);

        // the firm's own needs on its home page sort by their headers too
        var leader = PageSessions.as(base, login("f-" + r.leader.toLowerCase(), () -> Logins.firm(r.leader)));
        String home = leader.get().get("/home?sort=TITLE").then().statusCode(200).extract().asString();
        assertInOrder(home, prefix + "1", prefix + "2", prefix + "3");
        assertTrue(home.contains("aria-sort=\"ascending\"><a href=\"/home?sort=-TITLE#my-needs\""), home);
        assertTrue(home.contains("aria-sort=\"none\"><a href=\"/home?sort=NEWEST#my-needs\""), home);
        assertInOrder(leader.get().get("/home?sort=-TITLE").then().statusCode(200).extract().asString(), prefix + "3", prefix + "2", prefix + "1");
        leader.get().get("/home?sort=bogus").then().statusCode(400);
        // the poster is named, not a bare credit code
        assertTrue(page.contains("镇江" + r.p + "汽车集团"), page);
        clerk.get().get("/bureau?status=OPEN&sort=bogus").then().statusCode(400);
    }

    @Test
    void eventsSortByTitleOrLatestDate() {
        String city = "35" + ThreadLocalRandom.current().nextInt(10, 99) + "00";
        String p = TestData.prefix();
        try (var s = driver.session()) {
            s.run("MERGE (r:Region {code: $city}) SET r.name = '排序市', r.level = 'CITY' CREATE (:Chain {id: $chain, name: '排序链'})",
                    Map.of("city", city, "chain", p + "C")).consume();
        }
        String[][] events = {{"B-" + p, "2026-05-01"}, {"C-" + p, "2026-03-01"}, {"A-" + p, "2026-04-01"}};
        for (String[] e : events) {
            Map<String, Object> body = cn.duijie.event.EventFixtures.eventBody(p + "C", city, "09:00", "10:00", 20, 2);
            body.remove("actor");
            body.put("title", e[0]);
            body.put("date", e[1]);
            Logins.bureau(city).contentType(ContentType.JSON).body(body).post("/api/v1/events").then().statusCode(201);
        }
        Logins.bureau(city).get("/api/v1/events?region=" + city + "&sort=TITLE").then().statusCode(200)
                .body("items.title", contains("A-" + p, "B-" + p, "C-" + p));
        Logins.bureau(city).get("/api/v1/events?region=" + city).then().statusCode(200)
                .body("items.title", contains("B-" + p, "A-" + p, "C-" + p));
        Logins.bureau(city).get("/api/v1/events?region=" + city + "&sort=-DATE").then().statusCode(200)
                .body("items.title", contains("C-" + p, "A-" + p, "B-" + p));
        Logins.bureau(city).get("/api/v1/events?region=" + city + "&sort=venue").then().statusCode(400)
                .body("errors.field", hasItem("sort"));

        var clerk = PageSessions.as(base, login("b-" + city, () -> Logins.bureau(city)));
        String page = clerk.get().get("/bureau/events?sort=title").then().statusCode(200).extract().asString();
        assertInOrder(page, "A-" + p, "B-" + p, "C-" + p);
        assertTrue(page.contains("aria-sort=\"ascending\"><a href=\"/bureau/events?sort=-TITLE\""), page);
        String reversed = clerk.get().get("/bureau/events?sort=-title").then().statusCode(200).extract().asString();
        assertInOrder(reversed, "C-" + p, "B-" + p, "A-" + p);
        assertTrue(reversed.contains("aria-sort=\"descending\"><a href=\"/bureau/events?sort=TITLE\""), reversed);
        assertInOrder(clerk.get().get("/bureau/events").then().statusCode(200).extract().asString(), "B-" + p, "A-" + p, "C-" + p);
    }

    @Test
    void anImportsRejectedRowsSortByColumnOrRow(@TempDir Path dir) {
        String p = TestData.prefix();
        String job = Logins.bureau("321100").queryParam("wait", true).multiPart("enterprises.csv", TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier
                        BAD%1$s,坏代码%1$s,321102,POOL
                        %2$s,坏梯度%1$s,321102,SUPERB
                        %3$s,,321102,POOL
                        """.formatted(p, TestData.creditCode(p + "x"), TestData.creditCode(p + "y"))).toFile())
                .post("/api/v1/imports").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> errors = Logins.bureau("321100").get("/api/v1/imports/" + job).then().statusCode(200)
                .extract().path("errors");
        assertTrue(errors.size() >= 3, errors.toString());
        var clerk = PageSessions.as(base, "b-321100");
        List<String> byColumn = rows(clerk.get().get("/bureau/imports/" + job + "?sort=COLUMN").then().statusCode(200).extract().asString());
        List<String> expected = errors.stream()
                .sorted(Comparator.comparing((Map<String, Object> e) -> e.get("column") == null ? "\uffff" : (String) e.get("column"))
                        .thenComparing(e -> (Integer) e.get("row")))
                .map(e -> e.get("row") + ":" + (e.get("column") == null ? "" : e.get("column"))).toList();
        assertEquals(expected, byColumn);
        List<String> byRow = rows(clerk.get().get("/bureau/imports/" + job + "?sort=ROW").then().statusCode(200).extract().asString());
        assertEquals(errors.stream().sorted(Comparator.comparing(e -> (Integer) e.get("row")))
                .map(e -> e.get("row") + ":" + (e.get("column") == null ? "" : e.get("column"))).toList(), byRow);
        // the two orders differ on this file, so the parameter really reached the list
        assertTrue(!byColumn.equals(byRow), byColumn + " vs " + byRow);
        clerk.get().get("/bureau/imports/" + job + "?sort=ROW").then().body(containsString("aria-sort=\"ascending\"><a href=\"/bureau/imports/" + job + "?sort=-ROW\""));
        List<String> reversed = new ArrayList<>(byRow);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, rows(clerk.get().get("/bureau/imports/" + job + "?sort=-ROW").then().statusCode(200)
                .body(containsString("aria-sort=\"descending\"><a href=\"/bureau/imports/" + job + "?sort=ROW\"")).extract().asString()));
    }

    @Test
    void anEventsParticipantsAndRequestsSortByHeaderBothWays() {
        String city = "34" + ThreadLocalRandom.current().nextInt(10, 99) + "00";
        String p = TestData.prefix();
        String[] firms = {TestData.creditCode(p + "b"), TestData.creditCode(p + "c"), TestData.creditCode(p + "a")};
        try (var s = driver.session()) {
            s.run("""
                    MERGE (r:Region {code: $city}) SET r.name = '排序市', r.level = 'CITY'
                    CREATE (:Chain {id: $chain, name: '排序链'})
                    WITH r
                    UNWIND range(0, size($firms) - 1) AS i
                    CREATE (:Enterprise {creditCode: $firms[i], name: $names[i], tier: 'POOL', regionCode: $city})-[:LOCATED_IN]->(r)
                    """, Map.of("city", city, "chain", p + "C", "firms", List.of(firms),
                    "names", List.of("B-" + p, "C-" + p, "A-" + p))).consume();
        }
        Map<String, Object> body = cn.duijie.event.EventFixtures.eventBody(p + "C", city, "09:00", "10:00", 20, 2);
        body.remove("actor");
        String event = Logins.bureau(city).contentType(ContentType.JSON).body(body).post("/api/v1/events").then().statusCode(201).extract().path("id");
        List<String> ids = new ArrayList<>();
        for (String f : firms) {
            ids.add(Logins.bureau(city).contentType(ContentType.JSON)
                    .body(Map.of("partyType", "ENTERPRISE", "partyKey", f, "role", "GUEST", "status", "REGISTERED"))
                    .post("/api/v1/events/" + event + "/participants").then().statusCode(201).extract().path("id"));
        }
        // B asks C, then A asks B: as listed B→C first; by the asking side A→B first
        for (int[] pair : new int[][] {{0, 1}, {2, 0}}) {
            Logins.bureau(city).contentType(ContentType.JSON).body(Map.of("fromParticipantId", ids.get(pair[0]), "toParticipantId", ids.get(pair[1])))
                    .post("/api/v1/events/" + event + "/meeting-requests").then().statusCode(201);
        }
        var clerk = PageSessions.as(base, login("b-" + city, () -> Logins.bureau(city)));
        String page = "/bureau/events/" + event;
        String listed = clerk.get().get(page + "?tab=participants").then().statusCode(200).extract().asString();
        assertInOrder(listed, "B-" + p, "C-" + p, "A-" + p);
        String byName = clerk.get().get(page + "?tab=participants&sort=NAME").then().statusCode(200).extract().asString();
        assertInOrder(byName, "A-" + p, "B-" + p, "C-" + p);
        assertTrue(byName.contains("aria-sort=\"ascending\"><a href=\"" + page + "?tab=participants&amp;sort=-NAME\""), byName);
        String reversed = clerk.get().get(page + "?tab=participants&sort=-NAME").then().statusCode(200).extract().asString();
        assertInOrder(reversed, "C-" + p, "B-" + p, "A-" + p);
        assertTrue(reversed.contains("aria-sort=\"descending\"><a href=\"" + page + "?tab=participants&amp;sort=NAME\""), reversed);

        String requestsTable = "data-testid=\"requests\"";
        String asked = clerk.get().get(page + "?tab=requests").then().statusCode(200).extract().asString();
        assertInOrder(asked.substring(asked.indexOf(requestsTable)), "B-" + p, "C-" + p, "A-" + p, "B-" + p);
        String byFrom = clerk.get().get(page + "?tab=requests&sort=FROM").then().statusCode(200).extract().asString();
        assertInOrder(byFrom.substring(byFrom.indexOf(requestsTable)), "A-" + p, "B-" + p, "B-" + p, "C-" + p);
        String byFromReversed = clerk.get().get(page + "?tab=requests&sort=-FROM").then().statusCode(200).extract().asString();
        assertInOrder(byFromReversed.substring(byFromReversed.indexOf(requestsTable)), "B-" + p, "C-" + p, "A-" + p, "B-" + p);
        assertTrue(byFromReversed.contains("aria-sort=\"descending\"><a href=\"" + page + "?tab=requests&amp;sort=FROM\""), byFromReversed);
        clerk.get().get(page + "?tab=requests&sort=NAME").then().statusCode(400);

        // the firm search reverses too
        Logins.bureau(city).get("/api/v1/enterprises?region=" + city + "&sort=NAME").then().statusCode(200)
                .body("items.name", contains("A-" + p, "B-" + p, "C-" + p));
        Logins.bureau(city).get("/api/v1/enterprises?region=" + city + "&sort=-NAME").then().statusCode(200)
                .body("items.name", contains("C-" + p, "B-" + p, "A-" + p));
    }

    @Test
    void anEventsSuggestedInviteesSortByNameOrTypeAndARowButtonKeepsTheTabsOrder() {
        cn.duijie.event.EventFixtures f = new cn.duijie.event.EventFixtures(driver);
        // the fixture's chain, in a region a bureau login covers
        String city = "33" + ThreadLocalRandom.current().nextInt(10, 99) + "00";
        try (var s = driver.session()) {
            s.run("MERGE (r:Region {code: $city}) SET r.name = '邀请市', r.level = 'CITY'", Map.of("city", city)).consume();
        }
        Map<String, Object> body = cn.duijie.event.EventFixtures.eventBody(f.chain, city, "09:00", "10:00", 20, 2);
        body.remove("actor");
        String event = Logins.bureau(city).contentType(ContentType.JSON).body(body).post("/api/v1/events").then().statusCode(201).extract().path("id");
        // the fixture's hosts: a chain leader (ENTERPRISE), a fund (FUND) and a university (INSTITUTION)
        List<String> api = Logins.admin().get("/api/v1/events/" + event + "/suggested-invitees").then().statusCode(200)
                .extract().jsonPath().getList("hosts.candidate.name", String.class);
        assertEquals(3, api.size(), api.toString());
        var clerk = PageSessions.as(base, login("b-" + city, () -> Logins.bureau(city)));
        String page = "/bureau/events/" + event;
        assertInOrder(hosts(clerk.get().get(page).then().statusCode(200).extract().asString()), api.toArray(String[]::new));
        String byName = clerk.get().get(page + "?tab=invitees&sort=NAME").then().statusCode(200).extract().asString();
        assertInOrder(hosts(byName), "测试产业基金", "测试大学", "测试链主电池");
        assertTrue(byName.contains("href=\"" + page + "?tab=invitees&amp;sort=-NAME\""), byName);
        assertInOrder(hosts(clerk.get().get(page + "?tab=invitees&sort=-NAME").then().statusCode(200).extract().asString()),
                "测试链主电池", "测试大学", "测试产业基金");
        assertInOrder(hosts(clerk.get().get(page + "?tab=invitees&sort=TYPE").then().statusCode(200).extract().asString()),
                "测试链主电池", "测试产业基金", "测试大学");
        clerk.get().get(page + "?tab=invitees&sort=SIZE").then().statusCode(400);
        // each invite button sends the order back: the page comes back sorted as it was
        assertTrue(byName.contains("name=\"sort\" value=\"NAME\""), byName);
        String origin = PageSessions.origin(base);
        clerk.get().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("Origin", origin)
                .formParam("party", "HOST:FUND:" + f.fund).formParam("sort", "-NAME").post(page + "/invite")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(page + "?tab=invitees&sort=-NAME"));
        // an unknown order or a malformed party is a 400 page, and nothing is invited
        clerk.get().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("Origin", origin)
                .formParam("party", "HOST:ENTERPRISE:" + f.leader).formParam("sort", "BOGUS").post(page + "/invite").then().statusCode(400);
        clerk.get().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("Origin", origin)
                .formParam("party", "CHIEF:ENTERPRISE:" + f.leader).post(page + "/invite").then().statusCode(400);
        Logins.admin().get("/api/v1/events/" + event + "/participants").then().statusCode(200)
                .body("items.partyKey", contains(f.fund));
        // a participant's status button comes back to the participants tab in its order, at the row
        String pid = Logins.admin().get("/api/v1/events/" + event + "/participants").then().extract().path("items[0].id");
        clerk.get().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("Origin", origin)
                .formParam("status", "REGISTERED").formParam("sort", "-STATUS").post(page + "/participants/" + pid + "/status")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(page + "?tab=participants&sort=-STATUS#p-" + pid));
        clerk.get().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("Origin", origin)
                .formParam("status", "SLEEPING").post(page + "/participants/" + pid + "/status").then().statusCode(400);
    }

    @Test
    void theFirmSearchSortMenuSaysTheDirectionAndKeepsAReversedOrder() {
        // a reversed order chosen by a column header stays selected in the menu, which says which way each entry runs
        String page = io.restassured.RestAssured.given().get("/firms?sort=-name").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<option value=\"-NAME\" selected>名称（降序）</option>")
                || page.matches("(?s).*<option value=\"-NAME\" selected>[^<]*（降序）</option>.*"), page);
        assertTrue(page.matches("(?s).*<option value=\"NAME\">[^<]*（升序）</option>.*"), page);
        assertTrue(page.matches("(?s).*<option value=\"-EMPLOYEES\">[^<]*（升序）</option>.*"), "employees run largest first, reversed smallest first: " + page);
        assertTrue(page.contains("<option value=\"RELEVANCE\">"), page);
        assertTrue(!page.contains("value=\"-RELEVANCE\""), page);
        io.restassured.RestAssured.given().get("/firms?sort=-bogus").then().statusCode(400);
    }

    private static String hosts(String html) {
        int from = html.indexOf("data-testid=\"hosts\"");
        return html.substring(from, html.indexOf("data-testid=\"guests\""));
    }

    /** "row:column" of each rejected row of the job page's table, top to bottom. */
    private static List<String> rows(String html) {
        Matcher m = Pattern.compile("<tr><td>[^<]*</td><td>(\\d+)</td><td>([^<]*)</td>").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) + ":" + m.group(2));
        }
        return out;
    }

    private static String login(String username, Runnable ensure) {
        ensure.run();
        return username;
    }

    private static void assertInOrder(String html, String... texts) {
        int at = -1;
        for (String t : texts) {
            int next = html.indexOf(t, at + 1);
            assertTrue(next > at, t + " after position " + at + " in " + html);
            at = next;
        }
    }
}
