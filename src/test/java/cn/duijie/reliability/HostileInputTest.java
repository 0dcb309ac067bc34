package cn.duijie.reliability;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A hostile-input corpus over every write endpoint and the search parameters: each input gets a 4xx
 * application/problem+json within a second, with no class name or stack trace, and leaves both stores unchanged.
 */
@QuarkusTest
class HostileInputTest {

    private static final List<String> LEAKS = List.of("Exception", "java.", "org.", "io.vertx", "at cn.", "neo4j.driver",
            "Hibernate", "jackson", "\tat ");

    @TempDir
    Path dir;
    @Inject
    Driver driver;
    @Inject
    Pool pool;

    /** One hostile request: what it is, and how to send it. */
    record Case(String name, Function<RequestSpecification, Response> send, String[] raw) {
        Case(String name, Function<RequestSpecification, Response> send) {
            this(name, send, null);
        }
    }

    @Test
    void everyHostileInputIsA4xxProblemFastAndChangesNothing() throws Exception {
        Ready.await();
        SupplyRegion r = new SupplyRegion(dir);
        String needId = Logins.admin().contentType("application/json").body(r.needJson()).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
        String eventId = Logins.admin().contentType("application/json").body(event(r))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
        String pid = Logins.admin().contentType("application/json").body(Map.of("partyType", "ENTERPRISE", "partyKey", r.nearCertified,
                        "role", "GUEST", "actor", Map.of("type", "BUREAU", "id", "staff-h")))
                .post("/api/v1/events/{id}/participants", eventId).then().statusCode(201).extract().path("id");

        List<Case> cases = new ArrayList<>();
        String validNeed = r.needJson();
        Map<String, String> jsonEndpoints = new LinkedHashMap<>();
        jsonEndpoints.put("POST /api/v1/needs", "/api/v1/needs");
        jsonEndpoints.put("PATCH /api/v1/needs/{id}", "/api/v1/needs/" + needId);
        jsonEndpoints.put("POST /api/v1/needs/{id}/feedback", "/api/v1/needs/" + needId + "/feedback");
        jsonEndpoints.put("PUT /api/v1/enterprises/{code}", "/api/v1/enterprises/" + TestData.creditCode(r.p + "NEW"));
        jsonEndpoints.put("POST /api/v1/events", "/api/v1/events");
        jsonEndpoints.put("POST /api/v1/events/{id}/participants", "/api/v1/events/" + eventId + "/participants");
        jsonEndpoints.put("PATCH /api/v1/events/{id}/participants/{pid}", "/api/v1/events/" + eventId + "/participants/" + pid);
        jsonEndpoints.put("POST /api/v1/events/{id}/meeting-requests", "/api/v1/events/" + eventId + "/meeting-requests");
        jsonEndpoints.put("POST /api/v1/events/{id}/meetings", "/api/v1/events/" + eventId + "/meetings");
        jsonEndpoints.put("POST /api/v1/events/{id}/outcomes", "/api/v1/events/" + eventId + "/outcomes");
        jsonEndpoints.put("POST /api/v1/events/{id}/schedule/publish", "/api/v1/events/" + eventId + "/schedule/publish");
        jsonEndpoints.put("POST /api/v1/events/{id}/meeting-requests/{rid}/accept",
                "/api/v1/events/" + eventId + "/meeting-requests/" + java.util.UUID.randomUUID() + "/accept");

        // 1. malformed bodies, to every JSON endpoint (12 endpoints × 11 bodies)
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("empty body", "");
        malformed.put("truncated", "{\"title\": ");
        malformed.put("not an object", "[1,2,3]");
        malformed.put("null", "null");
        malformed.put("bare string", "\"需求\"");
        malformed.put("trailing garbage", "{} xyz");
        malformed.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        malformed.put("deep objects", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        malformed.put("duplicated key", "{\"kind\":\"SUPPLY\",\"kind\":\"TECH\"}");
        malformed.put("NaN literal", "{\"amountWan\": NaN}");
        malformed.put("comment", "/* x */ {}");
        jsonEndpoints.forEach((label, path) -> malformed.forEach((what, body) -> cases.add(new Case(label + " · " + what,
                s -> s.contentType("application/json").body(body).request(label.substring(0, label.indexOf(' ')), path),
                new String[] {label.substring(0, label.indexOf(' ')), path, body, "application/json"}))));
        cases.add(new Case("POST /api/v1/needs · binary body", s -> s.contentType("application/json")
                .body(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80}).post("/api/v1/needs")));
        cases.add(new Case("POST /api/v1/needs · text/plain", s -> s.contentType("text/plain").body(validNeed).post("/api/v1/needs")));

        // 2. wrong values in an otherwise valid need
        Map<String, Object> base = new com.fasterxml.jackson.databind.ObjectMapper().readValue(validNeed, Map.class);
        Map<String, Object> bad = new LinkedHashMap<>();
        addAll(bad, "kind", 0, "kind", "BOGUS", "kind", "供应", "kind", "0");
        addAll(bad, "quantity", 1.5, "quantity", "很多", "quantity", -1, "quantity", 1e30, "quantity", true);
        addAll(bad, "amountWan", 1e20, "amountWan", -5, "amountWan", "1e309x", "maxDistanceKm", 0, "maxDistanceKm", new java.math.BigDecimal("1e309"));
        addAll(bad, "expiresAt", "+294300-01-01T00:00:00Z", "expiresAt", "1800-01-01T00:00:00Z", "expiresAt", "明天",
                "expiresAt", "2020-01-01T00:00:00Z", "status", "EXPIRED", "status", "FULFILLED", "status", 3);
        addAll(bad, "title", "", "title", "需求\u0000标题", "title", "长".repeat(201), "title", List.of("a"),
                "description", "x\u0000y", "description", "描".repeat(5001));
        addAll(bad, "postedBy", "", "postedBy", "../../etc/passwd", "postedBy", "' OR 1=1 --", "postedBy", "９１３２１１００ＭＡ１ＸＸＸＸＸＸ",
                "postedBy", TestData.withWrongCheck(r.leader), "postedBy", "<script>alert(1)</script>",
                "postedBy", "MATCH (n) DETACH DELETE n", "postedBy", "9132\u0000", "postedBy", 91321100);
        addAll(bad, "id", "../../etc/passwd", "id", "a b", "id", "x".repeat(65), "id", "<img src=x>", "id", "id\u0000");
        addAll(bad, "productCodes", "P1", "productCodes", List.of(""), "productCodes", java.util.Collections.nCopies(51, "P"),
                "productCodes", List.of("' OR 1=1"), "technologyCodes", Map.of("a", 1),
                "requiredCertifications", java.util.Collections.nCopies(21, "ISO"));
        for (var e : pairs(bad)) {
            Map<String, Object> body = new LinkedHashMap<>(base);
            body.put(e.getKey().strip(), e.getValue());
            cases.add(new Case("POST /api/v1/needs · " + e.getKey() + "=" + abbreviate(e.getValue()),
                    s -> s.contentType("application/json").body(body).post("/api/v1/needs")));
        }

        // 3. wrong values in patches, feedback, firms, events, participants, outcomes
        String needPath = "/api/v1/needs/" + needId;
        List<Map<String, Object>> patches = List.of(Map.of("expiresAt", "+294300-01-01T00:00:00Z"), Map.of("status", "EXPIRED"),
                Map.of("status", 0), Map.of("quantity", 2.5), Map.of("amountWan", 1e20), Map.of("title", "a\u0000"),
                Map.of("actor", "ROBOT:x"), Map.of("actor", "ENTERPRISE:"), Map.of("actor", "BUREAU:\u0000"),
Map.of("expiresAt", "+10000-01-01T00:00:00Z"), Map.of("maxDistanceKm", -1));
        patches.forEach(p -> cases.add(new Case("PATCH need · " + p, s -> s.contentType("application/json").body(p).patch(needPath))));
        List<Map<String, Object>> feedback = List.of(Map.of("candidateId", r.nearCertified, "action", "LIKE"),
                Map.of("candidateId", r.nearCertified, "action", 1), Map.of("candidateId", "", "action", "DISMISS"),
                Map.of("candidateId", r.nearCertified, "action", "DISMISS", "actor", "ALIEN:1"),
                Map.of("candidateId", r.nearCertified, "action", "DISMISS", "note", "x\u0000"),
                Map.of("candidateId", "c".repeat(65), "action", "DISMISS"),
                Map.of("candidateId", r.nearCertified, "action", "DISMISS", "candidateType", "PLANET"),
                Map.of("candidateId", r.nearCertified, "action", "DISMISS", "note", "n".repeat(2001)));
        feedback.forEach(f -> cases.add(new Case("feedback · " + abbreviate(f),
                s -> s.contentType("application/json").body(f).post(needPath + "/feedback"))));
        cases.add(new Case("feedback on a missing need", s -> s.contentType("application/json")
                .body(Map.of("candidateId", r.nearCertified, "action", "DISMISS")).post("/api/v1/needs/NOPE-" + r.p + "/feedback")));
        cases.add(new Case("feedback on a traversal id", s -> s.contentType("application/json")
                .body(Map.of("candidateId", r.nearCertified, "action", "DISMISS")).post("/api/v1/needs/..%2F..%2Fetc%2Fpasswd/feedback")));
        String newFirm = "/api/v1/enterprises/" + TestData.creditCode(r.p + "NEW2");
        List<Map<String, Object>> firms = List.of(Map.of("name", "x", "regionCode", "321102", "tier", 3),
                Map.of("name", "x", "regionCode", "321102", "tier", "EMPEROR"),
                Map.of("name", "x\u0000", "regionCode", "321102"), Map.of("name", "x", "regionCode", "999999"),
                Map.of("name", "x", "regionCode", "321102", "employees", 1.5), Map.of("name", "x", "regionCode", "321102", "revenueWan", 1e20),
                Map.of("name", "x", "regionCode", "321102", "lat", 91), Map.of("name", "x", "regionCode", "321102", "rdRatio", "NaN"),
                Map.of("name", "名".repeat(201), "regionCode", "321102"),
                Map.of("name", "x", "regionCode", "321102", "productCodes", java.util.Collections.nCopies(1001, "P")),
                Map.of("name", "x", "regionCode", "321102", "description", "d\u0000"));
        firms.forEach(f -> cases.add(new Case("PUT firm · " + abbreviate(f), s -> s.contentType("application/json").body(f).put(newFirm))));
        for (String code : List.of("../../etc/passwd", "９１３２１１００ＭＡ１ＸＸＸＸＸＸ", TestData.withWrongCheck(r.leader), "' OR '1'='1",
                "%00", "<script>", "x".repeat(300))) {
            cases.add(new Case("PUT firm at " + abbreviate(code), s -> s.contentType("application/json")
                    .body(Map.of("name", "x", "regionCode", "321102")).put("/api/v1/enterprises/{c}", code)));
        }
        Map<String, Object> bureau = Map.of("type", "BUREAU", "id", "staff-h");
        List<Map<String, Object>> events = List.of(with(event(r), "kind", 1), with(event(r), "title", "t\u0000"),
                with(event(r), "date", "+99999-05-20"), with(event(r), "startTime", "25:00"), with(event(r), "slotMinutes", 20.5),
                with(event(r), "tables", 1e12), with(event(r), "actor", Map.of("type", "KING", "id", "x")),
                with(event(r), "regionCode", "' OR 1=1 --"), with(event(r), "chainId", "c\u0000"));
        events.forEach(e -> cases.add(new Case("POST event · " + abbreviate(e), s -> s.contentType("application/json").body(e).post("/api/v1/events"))));
        String participants = "/api/v1/events/" + eventId + "/participants";
        List<Map<String, Object>> parts = List.of(Map.of("partyType", "PLANET", "partyKey", r.champion, "role", "GUEST", "actor", bureau),
                Map.of("partyType", "ENTERPRISE", "partyKey", "k\u0000", "role", "GUEST", "actor", bureau),
                Map.of("partyType", "ENTERPRISE", "partyKey", r.champion, "role", 0, "actor", bureau),
                Map.of("partyType", "ENTERPRISE", "partyKey", r.champion, "role", "GUEST", "maxMeetings", 1e10, "actor", bureau),
                Map.of("partyType", "ENTERPRISE", "partyKey", r.champion, "role", "GUEST", "availableSlots", List.of(-1), "actor", bureau),
                Map.of("partyType", "ENTERPRISE", "partyKey", "../../etc/passwd", "role", "GUEST", "actor", bureau));
        parts.forEach(p -> cases.add(new Case("POST participant · " + abbreviate(p), s -> s.contentType("application/json").body(p).post(participants))));
        String outcomes = "/api/v1/events/" + eventId + "/outcomes";
        List<Map<String, Object>> outs = List.of(
                Map.of("meetingId", java.util.UUID.randomUUID(), "kind", "CONTRACT", "amountWan", 1e20, "reportedBy", bureau),
                Map.of("meetingId", "not-a-uuid", "kind", "CONTRACT", "reportedBy", bureau),
                Map.of("meetingId", java.util.UUID.randomUUID(), "kind", "CONTRACT", "amountWan", 10, "note", "n\u0000", "reportedBy", bureau),
                Map.of("meetingId", java.util.UUID.randomUUID(), "kind", 2, "reportedBy", bureau));
        outs.forEach(o -> cases.add(new Case("POST outcome · " + abbreviate(o), s -> s.contentType("application/json").body(o).post(outcomes))));

        // 4. search and list parameters
        String longQ = "轴".repeat(3500);
        List<String[]> queries = List.of(new String[] {"/api/v1/enterprises", "q", longQ},
                new String[] {"/api/v1/enterprises", "page", "-1"}, new String[] {"/api/v1/enterprises", "page", "1e309"},
                new String[] {"/api/v1/enterprises", "size", "abc"}, new String[] {"/api/v1/enterprises", "size", "100000"},
                new String[] {"/api/v1/enterprises", "tier", "EMPEROR"}, new String[] {"/api/v1/enterprises", "q", "a\u0000b"},
                new String[] {"/api/v1/enterprises", "page", "99999999999999999999"},
                new String[] {"/api/v1/needs", "postedBy", "x\u0000"}, new String[] {"/api/v1/needs", "status", "SLEEPING"},
                new String[] {"/api/v1/needs", "kind", "0"}, new String[] {"/api/v1/needs", "size", "-5"},
                new String[] {"/api/v1/institutions", "q", longQ}, new String[] {"/api/v1/institutions", "kind", "CASTLE"},
                new String[] {"/api/v1/achievements", "minTrl", "abc"}, new String[] {"/api/v1/achievements", "q", "x".repeat(600)},
                new String[] {"/api/v1/funds", "stage", "\u0000"}, new String[] {"/api/v1/funds", "size", "1e3"},
                new String[] {needPath + "/matches", "limit", "-1"}, new String[] {needPath + "/matches", "limit", "1000000"},
                new String[] {needPath + "/matches", "limit", "ten"}, new String[] {needPath + "/consortia", "limit", "999999"},
                new String[] {"/api/v1/enterprises/" + r.changshu + "/opportunities", "kind", "LOVE"},
                new String[] {"/api/v1/enterprises/" + r.changshu + "/opportunities", "limit", "100000"},
                new String[] {needPath + "/feedback", "action", "HUG"},
                new String[] {"/api/v1/chains/" + r.p + "C/gaps", "min", "-3"});
        for (String[] q : queries) {
            cases.add(new Case("GET " + q[0] + "?" + q[1] + "=" + abbreviate(q[2]), s -> s.queryParam(q[1], q[2]).get(q[0])));
        }
        cases.add(new Case("GET need %00 in path", s -> s.urlEncodingEnabled(false).get("/api/v1/needs/abc%00def")));
        cases.add(new Case("GET firm traversal", s -> s.urlEncodingEnabled(false).get("/api/v1/enterprises/..%2F..%2Fetc%2Fpasswd")));

        // 5. imports: broken multipart and files the importer cannot read
        cases.add(new Case("import · no files", s -> s.multiPart("wait", "true").post("/api/v1/imports?wait=true")));
        cases.add(new Case("import · json instead of multipart", s -> s.contentType("application/json").body("{}").post("/api/v1/imports")));
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        cases.add(upload("import · binary CSV", "enterprises.csv", binary));
        byte[] gbk = ("\uFEFFcreditCode,name,regionCode\n" + r.leader + ",镇江汽车集团,321102\n").getBytes(Charset.forName("GBK"));
        cases.add(upload("import · GBK CSV with a BOM", "enterprises.csv", gbk));
        cases.add(upload("import · corrupt XLSX", "enterprises.xlsx", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.UTF_8)));
        cases.add(upload("import · XLSX that is a CSV", "enterprises.xlsx", "creditCode,name\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(upload("import · unknown file name", "passwords.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(upload("import · traversal file name", "../../etc/passwd", "a,b\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(upload("import · empty file", "enterprises.csv", new byte[0]));
        // RestAssured sends it chunked, so the service reads up to the limit first; curl declares the length and asks first
        cases.add(new Case("import · over the upload limit", s -> s.header("Connection", "close")
                .multiPart("file", "enterprises.csv", new byte[5 * 1024 * 1024]).post("/api/v1/imports?wait=true"),
                new String[] {"POST", "/api/v1/imports?wait=true", "", "multipart/form-data; boundary=b\r\nExpect: 100-continue",
                    String.valueOf(5 * 1024 * 1024)}));
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("GET with %00 in the query", "GET /api/v1/needs?postedBy=a%00b HTTP/1.1\r\n\r\n");
        // broken percent escapes and characters a URI may not hold: Quarkus' bare 400 is replaced by RequestGuard's problem
        raw.put("GET with a broken %xx escape in the query", "GET /api/v1/enterprises?q=%E4%ZZ HTTP/1.1\r\n\r\n");
        raw.put("GET with a truncated UTF-8 escape in the query", "GET /api/v1/enterprises?q=%E4%B8 HTTP/1.1\r\n\r\n");
        raw.put("GET with a lone % in the query", "GET /api/v1/needs?postedBy=% HTTP/1.1\r\n\r\n");
        raw.put("GET with a broken %xx escape in the path", "GET /api/v1/enterprises/%E4%Z HTTP/1.1\r\n\r\n");
        raw.put("GET need %zz in the path", "GET /api/v1/needs/%zz HTTP/1.1\r\n\r\n");
        raw.put("GET need with an overlong UTF-8 escape", "GET /api/v1/needs/%C0%AF HTTP/1.1\r\n\r\n");
        raw.put("GET with | in the query", "GET /api/v1/enterprises?q=a|b HTTP/1.1\r\n\r\n");
        raw.put("GET unknown path with %zz", "GET /nothing/%zz HTTP/1.1\r\n\r\n");
        raw.put("POST feedback with %zz in the path", "POST /api/v1/needs/%zz/feedback HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        String wrong = "--BBB\r\nContent-Disposition: form-data; name=\"f\"; filename=\"needs.csv\"\r\n\r\nid\r\n--BBB--\r\n";
        raw.put("import · boundary mismatch", "POST /api/v1/imports?wait=true HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=AAA\r\n"
                + "Content-Length: " + wrong.length() + "\r\n\r\n" + wrong);
        raw.put("import · multipart without boundary", "POST /api/v1/imports?wait=true HTTP/1.1\r\nContent-Type: multipart/form-data\r\n"
                + "Content-Length: 7\r\n\r\ngarbage");
        raw.put("POST need · declared length beyond the body limit", "POST /api/v1/needs HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 999999999999\r\n\r\n{}");
        raw.forEach((name, request) -> cases.add(new Case(name, s -> rawRequest(request))));
        cases.add(new Case("import · job id not a uuid", s -> s.get("/api/v1/imports/../../etc")));
        cases.add(new Case("import · job id SQL", s -> s.get("/api/v1/imports/{id}", "1' OR '1'='1")));

        assertTrue(cases.size() >= 150, "corpus has " + cases.size() + " inputs");
        Map<String, Long> before = snapshot();
        long bound = Long.getLong("duijie.hostile.max-ms", 1000);
        Pass admin = run(cases, () -> Logins.admin().urlEncodingEnabled(true), Logins.token("admin", Logins.ADMIN_PASSWORD), bound);
        // the same inputs without a login (raw-socket cases never carry one): refused the same clean way
        Pass anonymous = run(cases, () -> given().urlEncodingEnabled(true), null, bound);
        System.out.println(admin.summary("with an admin login", bound));
        System.out.println(anonymous.summary("without a login", bound));
        assertEquals(List.of(), admin.failures, admin.failures.size() + " of " + cases.size()
                + " hostile inputs with a login were not a clean 4xx problem");
        assertEquals(List.of(), anonymous.failures, anonymous.failures.size() + " of " + cases.size()
                + " hostile inputs without a login were not a clean 4xx problem");
        assertEquals(before, snapshot(), "hostile inputs changed stored data");
        // most of the corpus writes, and every write needs a login: without one, mostly 401 before the body is read
        assertTrue(anonymous.statuses.getOrDefault(401, 0) * 2 > cases.size(), "without a login: " + anonymous.statuses);
        // each within a second, as #17 asks. A pause (GC, another build on the shared machine) slows one answer once; a
        // slow path is slow every time: an answer over the bound is sent twice more and only its best time counts
        assertEquals(Map.of(), admin.slow, "best of three over " + bound + " ms, with a login");
        assertEquals(Map.of(), anonymous.slow, "best of three over " + bound + " ms, without a login");
    }

    /** What one pass over the corpus found. */
    private static final class Pass {
        final List<String> failures = new ArrayList<>();
        final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        /** Cases over the bound at the first try: first time → best of three, in ms. */
        final Map<String, String> overOnce = new LinkedHashMap<>();
        /** Cases over the bound even at their best of three, in ms. */
        final Map<String, Long> slow = new LinkedHashMap<>();
        long slowest;
        String slowestCase = "";
        long total;

        String summary(String how, long bound) {
            return String.format("hostile corpus %s: %d inputs, %d failures, statuses %s, %d ms in all, slowest first answer %d ms (%s);"
                    + " over %d ms at the first try: %s", how, statuses.values().stream().mapToInt(i -> i).sum() + failures.size(),
                    failures.size(), statuses, total, slowest, slowestCase, bound, overOnce);
        }
    }

    private Pass run(List<Case> cases, java.util.function.Supplier<RequestSpecification> as, String token, long bound) {
        Pass pass = new Pass();
        for (Case c : cases) {
            long start = System.nanoTime();
            Response resp;
            try {
                resp = c.send().apply(as.get());
            } catch (RuntimeException e) {
                pass.failures.add(c.name() + ": no answer (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            String body = resp.asString();
            long ms = (System.nanoTime() - start) / 1_000_000;
            pass.total += ms;
            int status = resp.statusCode();
            pass.statuses.merge(status, 1, Integer::sum);
            if (status < 400 || status >= 500) {
                pass.failures.add(c.name() + ": status " + status + " " + abbreviate(body));
            } else if (!String.valueOf(resp.contentType()).startsWith("application/problem+json")) {
                pass.failures.add(c.name() + ": " + status + " content type " + resp.contentType());
            } else if (LEAKS.stream().anyMatch(body::contains)) {
                pass.failures.add(c.name() + ": leaks internals " + abbreviate(body));
            } else if (!body.matches("(?s).*\\p{IsHan}.*")) {
                pass.failures.add(c.name() + ": no Chinese reason " + abbreviate(body));
            }
            if (ms > pass.slowest) {
                pass.slowest = ms;
                pass.slowestCase = c.name();
            }
            if (ms > bound) {
                long best = ms;
                for (int i = 0; i < 2 && best > bound; i++) {
                    long again = System.nanoTime();
                    c.send().apply(as.get()).asString();
                    best = Math.min(best, (System.nanoTime() - again) / 1_000_000);
                }
                String how = "";
                if (best > bound && c.raw() != null) {
                    // RestAssured (in this JVM) takes seconds over some requests (the 5,000-deep array) that the service
                    // answers in milliseconds: time the service's answer itself, the same request over a socket
                    for (int i = 0; i < 3; i++) {
                        long again = System.nanoTime();
                        int rawStatus = raw(c.raw(), token).statusCode();
                        long rawMs = (System.nanoTime() - again) / 1_000_000;
                        best = i == 0 ? rawMs : Math.min(best, rawMs);
                        how = " (raw socket, " + rawStatus + ")";
                    }
                }
                pass.overOnce.put(c.name(), ms + " → " + best + how);
                if (best > bound) {
                    pass.slow.put(c.name(), best);
                }
            }
        }
        return pass;
    }

    @Test
    void eachEndpointRefusesABodyOverItsOwnLimitNamingIt() throws Exception {
        Ready.await();
        // the JSON and form endpoints: 1 MB (duijie.limits.max-json-body), declared or sent chunked, whatever the type
        byte[] big = ("{\"title\":\"" + "长".repeat(600_000) + "\"}").getBytes(StandardCharsets.UTF_8); // 1.8 MB
        // declared length, over a raw socket that reads the answer: the service may answer 413 and close before the
        // client has written the whole body (REST Assured then failed with a broken pipe in a landing)
        Response declared = overSocket("POST", "/api/v1/needs", "application/json", big, false, Logins.token("admin", Logins.ADMIN_PASSWORD));
        assertTooLarge(declared, "1 MB");
        assertTooLarge(chunked("POST", "/api/v1/needs", "application/json", big), "1 MB");
        assertTooLarge(chunked("PUT", "/api/v1/enterprises/" + TestData.creditCode("BIGBODY"), "application/json", big), "1 MB");
        // a form: Netty's form decoder refuses the 1.8 MB field first (its 2 KB field limit), as a clean 400 problem
        Response form = chunked("POST", "/login", "application/x-www-form-urlencoded", big);
        assertTrue(form.statusCode() == 400 || form.statusCode() == 413, form.statusCode() + " " + form.asString());
        assertTrue(String.valueOf(form.contentType()).startsWith("application/problem+json") && form.asString().contains("表单")
                || form.asString().contains("上限"), form.asString());
        assertTooLarge(Logins.admin().multiPart("file", "enterprises.csv", new byte[2 * 1024 * 1024]).post("/api/v1/needs"), "1 MB");
        // without a login, over a raw socket: the service may answer and close before the client has written it all
        // (REST Assured's client then fails with a broken pipe instead of reading the answer)
        assertTooLarge(overSocket("POST", "/api/v1/events", "application/json", big, false, null), "1 MB");
        // under the limit, a chunked body still reaches the endpoint (here: the need's validation)
        Response small = chunked("POST", "/api/v1/needs", "application/json", "{}".getBytes(StandardCharsets.UTF_8), Logins.token("admin", Logins.ADMIN_PASSWORD));
        assertEquals(400, small.statusCode(), small.asString());
        assertTrue(small.asString().contains("\"field\":\"kind\""), small.asString());
        // the uploads: their own limit (DUIJIE_MAX_UPLOAD, 4 MB in the tests); a 2 MB file is read, a 5 MB one refused
        Response file = Logins.admin().multiPart("file", "enterprises.csv", ("creditCode,name,regionCode\n" + "x".repeat(2 * 1024 * 1024))
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports?wait=true");
        assertTrue(file.statusCode() != 413 && file.statusCode() < 500, file.statusCode() + " " + file.asString());
        assertTooLarge(Logins.admin().header("Connection", "close").multiPart("file", "enterprises.csv", new byte[5 * 1024 * 1024])
                .post("/api/v1/imports?wait=true"), "4 MB");
        // (RestAssured sends that multipart chunked: the upload's own limit holds for bodies of unknown length too)
    }

    private static void assertTooLarge(Response r, String limit) {
        String body = r.asString();
        assertEquals(413, r.statusCode(), body);
        assertTrue(String.valueOf(r.contentType()).startsWith("application/problem+json"), r.contentType());
        assertTrue(body.contains("上限") && body.contains(limit), body);
    }

    private static Response chunked(String method, String path, String type, byte[] body) throws Exception {
        return chunked(method, path, type, body, null);
    }

    /** A body of unknown length (Transfer-Encoding: chunked, 64 KB chunks), written while the answer is read. */
    private static Response chunked(String method, String path, String type, byte[] body, String token) throws Exception {
        return overSocket(method, path, type, body, true, token);
    }

    /**
     * A request over a raw socket, the body written while the answer is read: chunked (Transfer-Encoding: chunked,
     * 64 KB chunks) or with its Content-Length declared.
     */
    private static Response overSocket(String method, String path, String type, byte[] body, boolean chunkedBody, String token)
            throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(20_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                    + (chunkedBody ? "\r\nTransfer-Encoding: chunked\r\n" : "\r\nContent-Length: " + body.length + "\r\n")
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            Thread writer = new Thread(() -> {
                try {
                    var out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    if (!chunkedBody) {
                        out.write(body);
                        out.flush();
                        return;
                    }
                    for (int i = 0; i < body.length; i += 65536) {
                        int n = Math.min(65536, body.length - i);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (java.io.IOException e) {
                    // the server may stop reading once it has answered
                }
            });
            writer.start();
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            StringBuilder headers = new StringBuilder();
            while (!headers.toString().endsWith("\r\n\r\n")) {
                headers.append((char) in.readUnsignedByte());
            }
            java.util.regex.Matcher len = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(headers);
            byte[] answer = new byte[len.find() ? Integer.parseInt(len.group(1)) : 0];
            in.readFully(answer);
            java.util.regex.Matcher ct = java.util.regex.Pattern.compile("(?i)content-type:\\s*([^\r\n]+)").matcher(headers);
            writer.join(5_000);
            return new io.restassured.builder.ResponseBuilder().setStatusCode(Integer.parseInt(headers.substring(9, 12)))
                    .setContentType(ct.find() ? ct.group(1) : "").setBody(new String(answer, StandardCharsets.UTF_8)).build();
        }
    }

    @Test
    void concurrentDuplicateWritesGiveOneWinnerAndConflictsNever5xx() throws Exception {
        Ready.await();
        SupplyRegion r = new SupplyRegion(dir);
        String needId = "DUP-" + r.p;
        Map<String, Object> need = new com.fasterxml.jackson.databind.ObjectMapper().readValue(r.needJson(), Map.class);
        need.put("id", needId);
        List<Integer> needs = concurrently(10, () -> Logins.admin().contentType("application/json").body(need).post("/api/v1/needs").statusCode());
        assertEquals(1, needs.stream().filter(s -> s == 201).count(), "one need created: " + needs);
        assertTrue(needs.stream().allMatch(s -> s == 201 || s == 409), "the others conflict: " + needs);

        String code = TestData.creditCode(r.p + "RACE");
        List<Integer> firms = concurrently(10, () -> Logins.admin().contentType("application/json")
                .body(Map.of("name", "并发登记企业", "regionCode", "321102")).put("/api/v1/enterprises/{c}", code).statusCode());
        assertTrue(firms.stream().allMatch(s -> s == 200 || s == 201 || s == 409), "PUT race: " + firms);
        try (var s = driver.session()) {
            assertEquals(1L, s.run("MATCH (e:Enterprise {creditCode: $c}) RETURN count(e) AS n", Map.of("c", code)).single().get("n").asLong());
        }

        Map<String, Object> fb = Map.of("candidateId", r.nearCertified, "action", "SHORTLIST");
        List<Integer> feedback = concurrently(10, () -> Logins.admin().contentType("application/json").body(fb)
                .post("/api/v1/needs/{id}/feedback", needId).statusCode());
        assertTrue(feedback.stream().allMatch(s -> s < 500 && s != 400), "feedback race: " + feedback);
        long stored = pool.preparedQuery("SELECT count(*) FROM match_feedback WHERE need_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(needId)).await().indefinitely().iterator().next().getLong(0);
        assertEquals(1, stored, "one SHORTLIST stored");
    }

    @Test
    void hostileButValidTextIsStoredVerbatimAndReturnedAsJson() {
        Ready.await();
        SupplyRegion r = new SupplyRegion(dir);
        for (String text : List.of("<script>alert('x')</script>", "'; DROP TABLE need; --", "MATCH (n) DETACH DELETE n",
                "{{7*7}} ${7*7}", "\u202Eevil")) {
            Map<String, Object> need;
            try {
                need = new com.fasterxml.jackson.databind.ObjectMapper().readValue(r.needJson(), Map.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            need.put("title", text);
            String id = Logins.admin().contentType("application/json").body(need).post("/api/v1/needs").then().statusCode(201)
                    .extract().path("id");
            assertEquals(text, Logins.admin().get("/api/v1/needs/{id}", id).then().statusCode(200).extract().path("title"));
            Logins.admin().queryParam("q", text).get("/api/v1/enterprises").then().statusCode(200);
        }
        // a header of 10,000 unknown columns is read, and rejected whole with the reason (the importer's contract)
        Logins.admin().multiPart("file", "enterprises.csv", (String.join(",", java.util.Collections.nCopies(10_000, "c")) + "\n")
                        .getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports?wait=true")
                .then().statusCode(201).body("errors[0].reason", org.hamcrest.Matchers.containsString("缺少必需的列"));
    }

    private static Map<String, Object> event(SupplyRegion r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", "SUPPLY_FAIR");
        e.put("title", "敌意输入测试会");
        e.put("chainId", r.p + "C");
        e.put("regionCode", "321100");
        e.put("date", "2027-05-20");
        e.put("startTime", "09:00");
        e.put("endTime", "11:00");
        e.put("slotMinutes", 20);
        e.put("tables", 4);
        e.put("venue", "镇江");
        e.put("actor", Map.of("type", "BUREAU", "id", "staff-h"));
        return e;
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }

    private static List<Integer> concurrently(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A case sent over a socket as it is (method, path, body, content type[, declared length]), with the token if any. */
    private static Response raw(String[] c, String token) {
        byte[] bytes = c[2].getBytes(StandardCharsets.UTF_8);
        String head = c[0] + " " + c[1] + " HTTP/1.1\r\nContent-Type: " + c[3] + "\r\nContent-Length: "
                + (c.length > 4 ? c[4] : String.valueOf(bytes.length))
                + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        return rawRequest(head + new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Sends bytes as they are (RestAssured refuses to send these) and reads the answer as a RestAssured response. */
    private static Response rawRequest(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = request.replaceFirst("\r\n", "\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String headers = answer.contains("\r\n\r\n") ? answer.substring(0, answer.indexOf("\r\n\r\n")) : answer;
            String body = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
            java.util.regex.Matcher ct = java.util.regex.Pattern.compile("(?i)content-type:\\s*([^\r\n]+)").matcher(headers);
            return new io.restassured.builder.ResponseBuilder().setStatusCode(status)
                    .setContentType(ct.find() ? ct.group(1) : "").setBody(body).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Case upload(String name, String fileName, byte[] content) {
        return new Case(name, s -> s.multiPart("file", fileName, content).post("/api/v1/imports?wait=true"));
    }

    /** Row counts of what people write (PostgreSQL) and node and relationship counts (Neo4j); import jobs excluded. */
    private Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("need", "outbox", "match_feedback", "event", "event_participant", "meeting_request",
                "meeting", "meeting_outcome")) {
            counts.put(table, pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely()
                    .iterator().next().getLong(0));
        }
        try (var s = driver.session()) {
            counts.put("nodes", s.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong());
            counts.put("relationships", s.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong());
        }
        return counts;
    }

    private static void addAll(Map<String, Object> into, Object... kv) {
        for (int i = 0; i < kv.length; i += 2) {
            String key = (String) kv[i];
            while (into.containsKey(key)) {
                key = key + " "; // same field, another value: keys padded, stripped when used
            }
            into.put(key, kv[i + 1]);
        }
    }

    private static List<Map.Entry<String, Object>> pairs(Map<String, Object> m) {
        return new ArrayList<>(m.entrySet());
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o).replace("\u0000", "\\0");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
