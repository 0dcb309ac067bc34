package cn.duijie.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Kill test, outside the unit suite: {@code crash-check [--writes 1000] [--threads 8] [--port 18650]}. Runs this jar as
 * a service on a fresh data directory (demo region loaded), writes needs, feedback and events from several threads,
 * and (1) SIGKILLs the whole service half-way, starts it again and counts; (2) runs Neo4j as its own process, SIGKILLs
 * only it half-way while writes continue, starts it again and counts. Every write that got a 2xx must be in PostgreSQL
 * exactly once and (after the outbox relay) in the graph; a write that got an error must be wholly there or wholly
 * absent. Exit status 0 when nothing was lost, doubled or half-written.
 */
public final class CrashCheck {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"creditCode\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PRODUCT = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final int writes;
    private final int threads;
    private final int port;
    private final Path jar;
    /** The admin account's password on the services this check starts; every request it sends is logged in as admin. */
    private final String adminPassword = "ck-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private String bearer;

    private CrashCheck(int writes, int threads, int port, Path jar) {
        this.writes = writes;
        this.threads = threads;
        this.port = port;
        this.jar = jar;
    }

    public static void main(String... args) throws Exception {
        int writes = 1000;
        int threads = 8;
        int port = 18650;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--writes" -> writes = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path jar = Path.of(CrashCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path runner = Path.of("target/quarkus-app/quarkus-run.jar");
        CrashCheck check = new CrashCheck(writes, threads, port, Files.exists(runner) ? runner.toAbsolutePath() : jar);
        boolean ok = check.serviceKilled() & check.neo4jKilled();
        System.out.println(ok ? "CRASH CHECK PASSED" : "CRASH CHECK FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Outcome of one write as the client saw it. */
    private record Write(String kind, String key, int status) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private boolean serviceKilled() throws Exception {
        System.out.println("== 1. the whole service SIGKILLed half-way through the writes");
        Path data = Files.createTempDirectory("duijie-crash-");
        Map<String, String> env = engineEnv(data, port + 1, port + 2);
        Process service = startService(env);
        awaitReady(Duration.ofMinutes(6));
        Fixture f = fixture();
        List<Write> results = writeAndKill(f, "K", () -> service.destroyForcibly());
        service.waitFor(30, TimeUnit.SECONDS);
        Process again = startService(env);
        awaitReady(Duration.ofMinutes(6));
        boolean ok = verify(results, "K", "jdbc:postgresql://127.0.0.1:" + (port + 1) + "/duijie", "bolt://127.0.0.1:" + (port + 2));
        stop(again);
        return ok;
    }

    private boolean neo4jKilled() throws Exception {
        System.out.println("== 2. only Neo4j SIGKILLed half-way while the writes continue");
        Path graphData = Files.createTempDirectory("duijie-crash-neo4j-");
        Path data = Files.createTempDirectory("duijie-crash-svc-");
        int neo4jPort = port + 3;
        Map<String, String> neo4jEnv = new HashMap<>(Map.of("DUIJIE_DATA_DIR", graphData.toString(),
                "DUIJIE_NEO4J_PORT", String.valueOf(neo4jPort), "DB_URL", "postgresql://127.0.0.1:1/unused"));
        Process[] neo4j = {start(List.of("engines"), neo4jEnv, "neo4j")};
        Map<String, String> env = engineEnv(data, port + 4, 0);
        env.remove("DUIJIE_NEO4J_PORT");
        env.put("NEO4J_URI", "bolt://127.0.0.1:" + neo4jPort);
        Process service = startService(env);
        awaitReady(Duration.ofMinutes(6));
        Fixture f = fixture();
        List<Write> results = writeAndKill(f, "N", () -> {
            neo4j[0].destroyForcibly();
            return null;
        });
        neo4j[0].waitFor(30, TimeUnit.SECONDS);
        neo4j[0] = start(List.of("engines"), neo4jEnv, "neo4j");
        awaitReady(Duration.ofMinutes(6));
        boolean ok = verify(results, "N", "jdbc:postgresql://127.0.0.1:" + (port + 4) + "/duijie", "bolt://127.0.0.1:" + neo4jPort);
        stop(service);
        stop(neo4j[0]);
        return ok;
    }

    private Map<String, String> engineEnv(Path data, int pgPort, int neo4jPort) {
        Map<String, String> env = new HashMap<>();
        env.put("DUIJIE_DATA_DIR", data.toString());
        env.put("PORT", String.valueOf(port));
        env.put("DUIJIE_POSTGRES_PORT", String.valueOf(pgPort));
        env.put("DUIJIE_NEO4J_PORT", String.valueOf(neo4jPort));
        env.put("DUIJIE_ADMIN_PASSWORD", adminPassword);
        return env;
    }

    private Process startService(Map<String, String> env) throws Exception {
        return start(List.of(), env, "service");
    }

    private Process start(List<String> args, Map<String, String> env, String name) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(System.getProperty("java.io.tmpdir"), "duijie-crash-" + name + ".log")));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** Waits for readiness, then logs in as admin (again after a restart: the token keys live in the data directory). */
    private void awaitReady(Duration wait) throws Exception {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    bearer = "Bearer " + AdminLogin.token(http, "http://127.0.0.1:" + port, adminPassword);
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service not ready in " + wait);
    }

    /** What the writes refer to: a firm and a product it makes, a chain and a region (from the demo region). */
    private record Fixture(String firm, String product, String candidate, String chain, String region) {
    }

    private Fixture fixture() throws Exception {
        String list = get("/api/v1/enterprises?size=50").body();
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(list);
        while (m.find()) {
            codes.add(m.group(1));
        }
        String firm = null;
        String product = null;
        for (String code : codes) {
            String body = get("/api/v1/enterprises/" + code).body();
            int at = body.indexOf("\"products\"");
            Matcher p = at < 0 ? null : PRODUCT.matcher(body.substring(at));
            if (p != null && p.find()) {
                firm = code;
                product = p.group(1);
                break;
            }
        }
        String candidate = codes.stream().filter(c -> !c.equals(codes.get(0))).findFirst().orElseThrow();
        Matcher chain = ID.matcher(get("/api/v1/chains").body());
        chain.find();
        return new Fixture(firm, product, candidate, chain.group(1), "321100");
    }

    /** Writes from several threads; after half of them, runs {@code kill}; returns every write's outcome. */
    private List<Write> writeAndKill(Fixture f, String run, java.util.concurrent.Callable<?> kill) throws Exception {
        List<Write> results = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<String> killed = ConcurrentHashMap.newKeySet();
        String tag = run + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < writes) {
                    if (i == writes / 2 && killed.add("once")) {
                        try {
                            kill.call();
                            System.out.printf("   killed after %d writes were started%n", i);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    String needId = "CK-" + tag + "-" + i;
                    Write need = post("need", needId, "/api/v1/needs", """
                            {"id":"%s","kind":"SUPPLY","postedBy":"%s","title":"压测需求 %s","productCodes":["%s"]}"""
                            .formatted(needId, f.firm(), needId, f.product()));
                    results.add(need);
                    if (need.accepted()) {
                        results.add(post("feedback", needId, "/api/v1/needs/" + needId + "/feedback", """
                                {"candidateId":"%s","action":"SHORTLIST","note":"crash check"}""".formatted(f.candidate())));
                    }
                    if (i % 10 == 0) {
                        String title = "压测对接会 " + needId;
                        results.add(post("event", title, "/api/v1/events", """
                                {"kind":"SUPPLY_FAIR","title":"%s","chainId":"%s","regionCode":"%s","date":"2027-03-18",
                                 "startTime":"09:00","endTime":"12:00","slotMinutes":20,"tables":10,"venue":"镇江",
                                 "actor":{"type":"BUREAU","id":"zj-gxj"}}""".formatted(title, f.chain(), f.region())));
                    }
                    if (!killed.isEmpty() && results.size() % 50 == 0) {
                        sleepQuietly(20); // after the kill: keep writing (case 2) without spinning on refused connections
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return results;
    }

    private Write post(String kind, String key, String path, String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400 && r.statusCode() != 503) {
                if (kind.equals("need") || r.statusCode() == 401 || r.statusCode() == 403) {
                    System.out.println("   " + kind + " " + r.statusCode() + " " + r.body());
                }
            }
            return new Write(kind, key, r.statusCode());
        } catch (Exception e) {
            return new Write(kind, key, -1); // no answer: the outcome is unknown to the client
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            r.header("Authorization", bearer);
        }
        return http.send(r.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean verify(List<Write> results, String run, String jdbc, String bolt) throws Exception {
        Map<String, Long> pgNeeds = new HashMap<>();
        Map<String, Long> pgFeedback = new HashMap<>();
        Map<String, Long> pgEvents = new HashMap<>();
        Map<String, Long> graphNeeds = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            long pending;
            do {
                pending = single(c, "SELECT count(*) FROM outbox WHERE processed_at IS NULL");
                if (pending > 0) {
                    Thread.sleep(500);
                }
            } while (pending > 0 && Instant.now().isBefore(deadline));
            System.out.printf("   outbox rows still unprojected after the relay: %d%n", pending);
            count(c, "SELECT id, count(*) FROM need WHERE id LIKE 'CK-%' GROUP BY id", pgNeeds);
            count(c, "SELECT need_id, count(*) FROM match_feedback WHERE need_id LIKE 'CK-%' GROUP BY need_id", pgFeedback);
            count(c, "SELECT title, count(*) FROM event WHERE title LIKE '压测对接会 CK-%' GROUP BY title", pgEvents);
        }
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none()); var s = driver.session()) {
            s.run("MATCH (n:Need) WHERE n.id STARTS WITH 'CK-' RETURN n.id AS id, count(*) AS c")
                    .forEachRemaining(r -> graphNeeds.put(r.get("id").asString(), r.get("c").asLong()));
        }
        boolean ok = true;
        for (String kind : List.of("need", "feedback", "event")) {
            Map<String, Long> stored = kind.equals("need") ? pgNeeds : kind.equals("feedback") ? pgFeedback : pgEvents;
            Map<String, Integer> best = new HashMap<>();
            for (Write w : results) {
                if (w.kind().equals(kind)) {
                    best.merge(w.key(), w.status(), (a, b) -> a >= 200 && a < 300 ? a : b);
                }
            }
            long accepted = 0, present = 0, duplicates = 0, lost = 0, errored = 0, erroredPresent = 0, graphMissing = 0, graphDup = 0, halfWritten = 0;
            for (var e : best.entrySet()) {
                long n = stored.getOrDefault(e.getKey(), 0L);
                boolean ok2xx = e.getValue() >= 200 && e.getValue() < 300;
                if (ok2xx) {
                    accepted++;
                    if (n >= 1) {
                        present++;
                    } else {
                        lost++;
                    }
                } else {
                    errored++;
                    if (n >= 1) {
                        erroredPresent++;
                    }
                }
                if (n > 1) {
                    duplicates++;
                }
                if (kind.equals("need") && n >= 1) {
                    long g = graphNeeds.getOrDefault(e.getKey(), 0L);
                    if (g == 0) {
                        graphMissing++;
                    } else if (g > 1) {
                        graphDup++;
                    }
                }
                if (kind.equals("need") && n == 0 && graphNeeds.containsKey(e.getKey())) {
                    halfWritten++;
                }
            }
            System.out.printf("   %-8s %5d accepted, %5d present, %d lost, %d duplicates; %d errored or unanswered (%d of them complete, rest absent)%s%n",
                    kind, accepted, present, lost, duplicates, errored, erroredPresent,
                    kind.equals("need") ? "; graph: " + (present + erroredPresent - graphMissing) + " projected, " + graphMissing
                            + " missing, " + graphDup + " duplicated, " + halfWritten + " in the graph only" : "");
            ok &= lost == 0 && duplicates == 0 && graphMissing == 0 && graphDup == 0 && halfWritten == 0 && accepted > 0;
        }
        return ok;
    }

    private static long single(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void count(Connection c, String sql, Map<String, Long> into) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                into.put(rs.getString(1), rs.getLong(2));
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
