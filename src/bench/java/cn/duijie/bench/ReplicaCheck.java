package cn.duijie.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Two replicas on one pair of engines, outside the unit suite:
 * {@code replica-check [--writes 250] [--threads 4] [--probes 50] [--port 18660] [--visible-within-ms 1000]}.
 * Instance A runs the embedded engines on fixed ports of a fresh data directory (demo region loaded); instance B is
 * started with {@code NEO4J_URI} / {@code DB_URL} (and A's token keys) the moment A's engines accept connections, so
 * both start, migrate and seed at once. Then: (1) both ready, no ERROR in either log, each Flyway and Neo4j migration
 * applied once, the demo region loaded once; (2) needs posted and profiles edited through B show in A's reverse view
 * and matches, timed; (3) needs posted through both concurrently are in PostgreSQL once and in the graph once, the
 * outbox drained; (4) B SIGTERMed mid-writes loses nothing accepted; A stops gracefully. Exit 0 only when all hold.
 */
public final class ReplicaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final int writes;
    private final int threads;
    private final int probes;
    private final long visibleWithinMs;
    private final Path jar;
    private final Instance a;
    private final Instance b;
    private final int pgPort;
    private final int neo4jPort;
    private final String adminPassword = "rc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private final List<String> failures = new ArrayList<>();
    private String token;

    /** One replica: its HTTP port, its log and its process. */
    private static final class Instance {
        final String name;
        final int port;
        final Path log;
        Process process;

        Instance(String name, int port) {
            this.name = name;
            this.port = port;
            this.log = Path.of(System.getProperty("java.io.tmpdir"), "duijie-replica-" + name + ".log");
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    private ReplicaCheck(int writes, int threads, int probes, int port, long visibleWithinMs, Path jar) {
        this.writes = writes;
        this.threads = threads;
        this.probes = probes;
        this.visibleWithinMs = visibleWithinMs;
        this.jar = jar;
        this.a = new Instance("A", port);
        this.b = new Instance("B", port + 1);
        this.pgPort = port + 2;
        this.neo4jPort = port + 3;
    }

    public static void main(String... args) throws Exception {
        int writes = 250;
        int threads = 4;
        int probes = 50;
        int port = 18660;
        long within = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--writes" -> writes = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--probes" -> probes = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--visible-within-ms" -> within = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path jar = Path.of(ReplicaCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path runner = Path.of("target/quarkus-app/quarkus-run.jar");
        ReplicaCheck check = new ReplicaCheck(writes, threads, probes, port, within,
                Files.exists(runner) ? runner.toAbsolutePath() : jar);
        boolean ok;
        try {
            ok = check.run();
        } finally {
            check.cleanUp();
        }
        System.out.println(ok ? "REPLICA CHECK PASSED" : "REPLICA CHECK FAILED: " + String.join("; ", check.failures));
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception {
        if (!startTogether()) {
            return false;
        }
        token = AdminLogin.token(http, b.url(""), adminPassword);
        Fixture f = fixture();
        visibility(f);
        concurrentWrites(f);
        replicaStopped(f);
        stopA();
        return failures.isEmpty();
    }

    private void fail(String reason) {
        failures.add(reason);
        System.out.println("   FAIL: " + reason);
    }

    // ---- 1. start together ------------------------------------------------------------------------------------

    private boolean startTogether() throws Exception {
        System.out.println("== 1. A (embedded engines) and B (A's engines) started together");
        Path dataA = Files.createTempDirectory("duijie-replica-a-");
        Path dataB = Files.createTempDirectory("duijie-replica-b-");
        Map<String, String> envA = new HashMap<>();
        envA.put("DUIJIE_DATA_DIR", dataA.toString());
        envA.put("PORT", String.valueOf(a.port));
        envA.put("DUIJIE_POSTGRES_PORT", String.valueOf(pgPort));
        envA.put("DUIJIE_NEO4J_PORT", String.valueOf(neo4jPort));
        envA.put("DUIJIE_ADMIN_PASSWORD", adminPassword);
        long t0 = System.nanoTime();
        a.process = start(a, envA);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (!(accepts(pgPort) && accepts(neo4jPort))) {
            if (!a.process.isAlive() || Instant.now().isAfter(deadline)) {
                fail("A's engines never accepted connections (see " + a.log + ")");
                return false;
            }
            Thread.sleep(100);
        }
        Path keys = dataA.resolve("keys");
        Map<String, String> envB = new HashMap<>();
        envB.put("DUIJIE_DATA_DIR", dataB.toString());
        envB.put("PORT", String.valueOf(b.port));
        envB.put("NEO4J_URI", "bolt://127.0.0.1:" + neo4jPort);
        envB.put("DB_URL", "postgresql://127.0.0.1:" + pgPort + "/duijie");
        envB.put("DB_USERNAME", "postgres");
        envB.put("DUIJIE_ADMIN_PASSWORD", adminPassword);
        // replicas accept each other's tokens and cookies only with the same keys (README "Accounts")
        envB.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + keys.resolve("jwt-private.pem"));
        envB.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + keys.resolve("jwt-public.pem"));
        envB.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", Files.readString(keys.resolve("session.key")).strip());
        b.process = start(b, envB);
        long bStartedMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("   B started %d ms after A, as soon as A's engines accepted connections (A ready then: %s)%n",
                bStartedMs, readyStatus(a) == 200 ? "yes" : "no");
        boolean readyA = awaitReady(a, Duration.ofMinutes(8));
        boolean readyB = awaitReady(b, Duration.ofMinutes(8));
        System.out.printf("   ready: A %s, B %s (%d s after A was started)%n", readyA ? "yes" : "NO", readyB ? "yes" : "NO",
                (System.nanoTime() - t0) / 1_000_000_000);
        if (!readyA || !readyB) {
            fail("not ready: " + (readyA ? "" : "A ") + (readyB ? "" : "B") + " (logs " + a.log + ", " + b.log + ")");
            return false;
        }
        startupLogs();
        return failures.isEmpty();
    }

    private void startupLogs() throws Exception {
        List<String> logA = Files.readAllLines(a.log, StandardCharsets.UTF_8);
        List<String> logB = Files.readAllLines(b.log, StandardCharsets.UTF_8);
        int errors = errorLines("A", logA) + errorLines("B", logB);
        long flywayA = applied(logA), flywayB = applied(logB);
        long neoA = count(logA, "Applied Neo4j migration"), neoB = count(logB, "Applied Neo4j migration");
        long lockWaits = count(logA, "is migrating the Neo4j schema") + count(logB, "is migrating the Neo4j schema");
        long seedA = count(logA, "Empty graph: loading the demo region"), seedB = count(logB, "Empty graph: loading the demo region");
        long seedWaits = count(logA, "Another replica is deciding on or loading") + count(logB, "Another replica is deciding on or loading");
        long reseed = count(logA, "demo-region load was interrupted") + count(logB, "demo-region load was interrupted");
        System.out.printf("   logs: %d ERROR lines; Flyway versions applied by A %d, by B %d; Neo4j files applied by A %d, by B %d"
                + " (%d waits for the other's migration lock); demo region loaded by A %d, by B %d time(s) (%d waits for the"
                + " other's load), %d reloads of an 'interrupted' load%n",
                errors, flywayA, flywayB, neoA, neoB, lockWaits, seedA, seedB, seedWaits, reseed);
        if (errors > 0) {
            fail(errors + " ERROR lines in the start-up logs");
        }
        if (seedA + seedB != 1 || reseed > 0) {
            fail("the demo region was loaded " + (seedA + seedB + reseed) + " times (expected once)");
        }
        try (Connection c = pg()) {
            long rows = single(c, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL");
            long versions = single(c, "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL");
            long failed = single(c, "SELECT count(*) FROM flyway_schema_history WHERE NOT success");
            long seedJobs = single(c, "SELECT count(*) FROM import_job WHERE source = 'seed'");
            long seedFailed = single(c, "SELECT count(*) FROM import_job WHERE source = 'seed' AND status <> 'DONE'");
            long demo = single(c, "SELECT count(*) FROM account WHERE username IN ('admin', "
                    + cn.duijie.account.AccountBootstrap.DEMO.stream().map(d -> "'" + d.username() + "'").collect(Collectors.joining(", ")) + ")");
            System.out.printf("   PostgreSQL: %d Flyway versions in %d history rows, %d failed; %d seed import job(s), %d not DONE;"
                    + " %d bootstrap accounts%n", versions, rows, failed, seedJobs, seedFailed, demo);
            if (rows != versions || failed > 0 || flywayA + flywayB != versions) {
                fail("Flyway: " + rows + " history rows for " + versions + " versions, " + failed + " failed, "
                        + (flywayA + flywayB) + " applications logged (each version once expected)");
            }
            if (demo != 1 + cn.duijie.account.AccountBootstrap.DEMO.size()) {
                fail(demo + " bootstrap accounts (expected admin and " + cn.duijie.account.AccountBootstrap.DEMO.size() + " demo accounts)");
            }
            if (seedJobs != 1 || seedFailed > 0) {
                fail(seedJobs + " seed import jobs, " + seedFailed + " not DONE (expected one DONE)");
            }
        }
        try (Driver driver = neo4j(); var s = driver.session()) {
            var r = s.run("MATCH (m:__Neo4jMigration) RETURN count(m) AS n, count(DISTINCT m.version) AS v").single();
            long locks = s.run("MATCH (l:__Neo4jMigrationLock) RETURN count(l) AS n").single().get("n").asLong();
            System.out.printf("   Neo4j: %d migration versions in %d nodes, %d locks left%n", r.get("v").asLong(), r.get("n").asLong(), locks);
            if (r.get("n").asLong() != r.get("v").asLong() || neoA + neoB != r.get("v").asLong() || locks > 0) {
                fail("Neo4j migrations: " + r.get("n").asLong() + " nodes, " + r.get("v").asLong() + " versions, applied "
                        + (neoA + neoB) + " times, " + locks + " locks left");
            }
        }
    }

    private static int errorLines(String name, List<String> log) {
        List<String> errors = log.stream().filter(l -> l.contains(" ERROR ")).toList();
        errors.stream().limit(5).forEach(l -> System.out.println("   " + name + ": " + l));
        return errors.size();
    }

    /** Migrations Flyway reports as applied in one log ("Successfully applied 15 migrations to schema …"). */
    private static long applied(List<String> log) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("Successfully applied (\\d+) migration");
        return log.stream().map(p::matcher).filter(java.util.regex.Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).sum();
    }

    private static long count(List<String> log, String text) {
        return log.stream().filter(l -> l.contains(text)).count();
    }

    // ---- 2. write through B, read through A -----------------------------------------------------------------------

    /** A maker, a product it makes that ranks it in a need's matches, and a buyer posting the needs. */
    private record Fixture(String maker, String product, String buyer) {
    }

    private Fixture fixture() throws Exception {
        List<String> codes = new ArrayList<>();
        for (JsonNode e : items(json(get(a, "/api/v1/enterprises?size=50")))) {
            codes.add(e.get("creditCode").asText());
        }
        String buyer = codes.get(0);
        for (String code : codes.subList(1, codes.size())) {
            JsonNode firm = json(get(a, "/api/v1/enterprises/" + code));
            for (JsonNode p : firm.path("products")) {
                String product = p.get("code").asText();
                String id = "RC-" + tag + "-FIX-" + code.substring(code.length() - 6) + "-" + product.replaceAll("[^A-Za-z0-9]", "");
                if (postNeed(a, id, buyer, product) != 201) {
                    continue;
                }
                boolean ranked = candidate(json(get(a, "/api/v1/needs/" + id + "/matches?limit=100")), code) != null;
                withdraw(a, id);
                if (ranked) {
                    System.out.printf("   fixture: maker %s of %s, buyer %s%n", code, product, buyer);
                    return new Fixture(code, product, buyer);
                }
            }
        }
        throw new IllegalStateException("no demo firm ranks for a need of a product it makes");
    }

    private void visibility(Fixture f) throws Exception {
        System.out.printf("== 2. %d needs and %d profile edits through B, read through A%n", probes, probes);
        List<Long> needDelays = new ArrayList<>();
        for (int i = -WARM_UP; i < probes; i++) {
            String id = "RC-" + tag + "-VIS-" + i;
            int status = postNeed(b, id, f.buyer(), f.product());
            if (status != 201) {
                fail("need " + id + " through B: HTTP " + status);
                return;
            }
            long ms = untilVisible(() -> opportunityIds(f.maker()).contains(id));
            if (i >= 0) {
                needDelays.add(ms);
            }
            withdraw(b, id); // keeps the maker's opportunity list short
        }
        // a need whose matches show the maker, then its tier edited through B again and again
        String probeNeed = "RC-" + tag + "-TIER";
        postNeed(b, probeNeed, f.buyer(), f.product());
        List<Long> profileDelays = new ArrayList<>();
        ObjectNode profile = upsertBody(json(get(b, "/api/v1/enterprises/" + f.maker())));
        String original = profile.path("tier").asText("NONE");
        List<String> tiers = List.of(original.equals("INNOVATIVE") ? "POOL" : "INNOVATIVE", original);
        for (int i = -WARM_UP; i < probes; i++) {
            String tier = tiers.get(Math.floorMod(i, 2));
            profile.put("tier", tier);
            HttpResponse<String> put = send(b, "PUT", "/api/v1/enterprises/" + f.maker(), profile.toString());
            if (put.statusCode() != 200) {
                fail("profile edit through B: HTTP " + put.statusCode() + " " + put.body());
                return;
            }
            long ms = untilVisible(() -> {
                JsonNode m = candidate(json(get(a, "/api/v1/needs/" + probeNeed + "/matches?limit=100")), f.maker());
                return m != null && tier.equals(m.path("candidate").path("tier").asText());
            });
            if (i >= 0) {
                profileDelays.add(ms);
            }
        }
        report("needs posted through B in A's opportunities of the maker", needDelays);
        report("tier edits through B in A's need matches", profileDelays);
        List<Long> all = new ArrayList<>(needDelays);
        all.addAll(profileDelays);
        Collections.sort(all);
        visibleMax = all.get(all.size() - 1);
        visibleP95 = percentile(all, 0.95);
        long late = all.stream().filter(ms -> ms < 0 || ms > visibleWithinMs).count();
        if (late > 0) {
            fail(late + " of " + all.size() + " writes through B not visible on A within " + visibleWithinMs + " ms");
        }
    }

    /** Writes of each kind made and timed first but not counted: the code paths of both replicas are compiled then. */
    private static final int WARM_UP = 5;
    private long visibleMax;
    private long visibleP95;

    private static void report(String what, List<Long> delays) {
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        System.out.printf("   %s: visible after p50 %d ms, p95 %d ms, max %d ms (write #%d of %d; %d warm-up writes before)%n", what,
                percentile(sorted, 0.5), percentile(sorted, 0.95), sorted.get(sorted.size() - 1),
                delays.indexOf(sorted.get(sorted.size() - 1)) + 1, sorted.size(), WARM_UP);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Milliseconds from now until the condition holds (polled every 20 ms), or -1 after 10 s. */
    private static long untilVisible(java.util.concurrent.Callable<Boolean> visible) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 10_000_000_000L) {
            if (visible.call()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    private List<String> opportunityIds(String maker) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode o : json(get(a, "/api/v1/enterprises/" + maker + "/opportunities?kind=SUPPLY&limit=100"))) {
            ids.add(o.path("need").path("id").asText());
        }
        return ids;
    }

    private static JsonNode candidate(JsonNode matches, String id) {
        for (JsonNode m : matches) {
            if (id.equals(m.path("candidate").path("id").asText())) {
                return m;
            }
        }
        return null;
    }

    /** The PUT body of a firm, from its detail: every field the upsert takes, lists of codes from the linked nodes. */
    private static ObjectNode upsertBody(JsonNode detail) {
        ObjectNode body = JSON.createObjectNode();
        for (var c : cn.duijie.enterprise.EnterpriseApi.Upsert.class.getRecordComponents()) {
            JsonNode v = detail.get(c.getName());
            if (v != null && !v.isNull()) {
                body.set(c.getName(), v);
            }
        }
        body.set("productCodes", codes(detail.path("products"), "code"));
        body.set("technologyCodes", codes(detail.path("technologies"), "code"));
        body.set("leadsChainIds", codes(detail.path("leads"), "id"));
        return body;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode codes(JsonNode list, String field) {
        var out = JSON.createArrayNode();
        list.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    // ---- 3. concurrent writes through both ------------------------------------------------------------------------

    /** Outcome of one need post as the client saw it. */
    private record Write(String replica, String id, int status) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private void concurrentWrites(Fixture f) throws Exception {
        System.out.printf("== 3. %d needs through each replica, %d threads each, at once%n", writes, threads);
        List<Write> results = writeBoth(f, "CW", null);
        verify(results, "CW");
    }

    private List<Write> writeBoth(Fixture f, String run, Runnable killBHalfWay) throws Exception {
        List<Write> results = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
        AtomicBoolean killed = new AtomicBoolean();
        for (Instance target : List.of(a, b)) {
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < writes) {
                        if (target == b && killBHalfWay != null && i == writes / 2 && killed.compareAndSet(false, true)) {
                            killBHalfWay.run();
                        }
                        String id = "RC-" + tag + "-" + run + "-" + target.name + "-" + i;
                        int status;
                        try {
                            status = postNeed(target, id, f.buyer(), f.product());
                        } catch (Exception e) {
                            status = -1; // no answer: the outcome is unknown to the client
                        }
                        results.add(new Write(target.name, id, status));
                        if (status < 0) {
                            sleepQuietly(20);
                        }
                    }
                });
            }
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return results;
    }

    private void verify(List<Write> results, String run) throws Exception {
        Map<String, Long> stored = new HashMap<>();
        Map<String, Long> graph = new HashMap<>();
        long pending;
        long waitedMs;
        try (Connection c = pg()) {
            long start = System.nanoTime();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            do {
                pending = single(c, "SELECT count(*) FROM outbox WHERE processed_at IS NULL");
                if (pending > 0) {
                    Thread.sleep(250);
                }
            } while (pending > 0 && Instant.now().isBefore(deadline));
            waitedMs = (System.nanoTime() - start) / 1_000_000;
            try (var st = c.prepareStatement("SELECT id, count(*) FROM need WHERE id LIKE ? GROUP BY id")) {
                st.setString(1, "RC-" + tag + "-" + run + "-%");
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        try (Driver driver = neo4j(); var s = driver.session()) {
            s.run("MATCH (n:Need) WHERE n.id STARTS WITH $p RETURN n.id AS id, count(*) AS c", Map.of("p", "RC-" + tag + "-" + run + "-"))
                    .forEachRemaining(r -> graph.put(r.get("id").asString(), r.get("c").asLong()));
        }
        System.out.printf("   outbox: %d rows unprocessed after waiting %d ms for the relays%n", pending, waitedMs);
        if (pending > 0) {
            fail(pending + " outbox rows never projected");
        }
        Map<String, List<Write>> byReplica = results.stream().collect(Collectors.groupingBy(Write::replica, LinkedHashMap::new, Collectors.toList()));
        for (var e : byReplica.entrySet()) {
            long accepted = 0, present = 0, inGraph = 0, dupPg = 0, dupGraph = 0, lost = 0, unanswered = 0, unansweredPresent = 0, half = 0;
            for (Write w : e.getValue()) {
                long n = stored.getOrDefault(w.id(), 0L);
                long g = graph.getOrDefault(w.id(), 0L);
                if (w.accepted()) {
                    accepted++;
                    if (n == 0) {
                        lost++;
                    }
                } else {
                    unanswered++;
                    if (n > 0) {
                        unansweredPresent++;
                    }
                }
                present += n > 0 ? 1 : 0;
                inGraph += g > 0 ? 1 : 0;
                dupPg += n > 1 ? 1 : 0;
                dupGraph += g > 1 ? 1 : 0;
                if ((n > 0) != (g > 0)) {
                    half++; // in one store only
                }
            }
            System.out.printf("   %d accepted via %s, %d present in PostgreSQL, %d in the graph, %d duplicates (%d in PostgreSQL,"
                            + " %d in the graph), %d lost; %d refused or unanswered (%d of them complete, the rest absent), %d in one store only%n",
                    accepted, e.getKey(), present, inGraph, dupPg + dupGraph, dupPg, dupGraph, lost, unanswered, unansweredPresent, half);
            if (lost > 0 || dupPg > 0 || dupGraph > 0 || half > 0 || accepted == 0) {
                fail(run + " via " + e.getKey() + ": " + accepted + " accepted, " + lost + " lost, " + (dupPg + dupGraph)
                        + " duplicates, " + half + " in one store only");
            }
            summary.add((run.equals("CW") ? "together: " : "B stopped mid-writes: ") + "%d accepted via %s, %d present in PostgreSQL, %d in the graph, %d duplicates".formatted(
                    accepted, e.getKey(), present, inGraph, dupPg + dupGraph));
        }
    }

    private final List<String> summary = new ArrayList<>();

    // ---- 4. one replica stopped -----------------------------------------------------------------------------------

    private void replicaStopped(Fixture f) throws Exception {
        System.out.printf("== 4. %d needs through each replica again; B SIGTERMed after %d of its writes%n", writes, writes / 2);
        long[] stoppedIn = {-1};
        List<Write> results = writeBoth(f, "KB", () -> {
            long start = System.nanoTime();
            b.process.destroy(); // SIGTERM: a graceful stop, as a supervisor or a rolling deploy does it
            new Thread(() -> {
                try {
                    if (b.process.waitFor(60, TimeUnit.SECONDS)) {
                        stoppedIn[0] = (System.nanoTime() - start) / 1_000_000;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).start();
        });
        b.process.waitFor(60, TimeUnit.SECONDS);
        System.out.printf("   B stopped in %d ms, exit status %s%n", stoppedIn[0],
                b.process.isAlive() ? "(still running)" : String.valueOf(b.process.exitValue()));
        if (b.process.isAlive()) {
            fail("B did not stop within 60 s of SIGTERM");
        }
        verify(results, "KB");
        int errorsA = errorLines("A", Files.readAllLines(a.log, StandardCharsets.UTF_8));
        if (errorsA > 0) {
            fail(errorsA + " ERROR lines in A's log");
        }
        List<String> logB = Files.readAllLines(b.log, StandardCharsets.UTF_8);
        int errorsB = errorLines("B", logB);
        System.out.printf("   ERROR lines after all writes: A %d, B %d%n", errorsA, errorsB);
        if (errorsB > 0) {
            fail(errorsB + " ERROR lines in B's log (start, writes or SIGTERM)");
        }
    }

    private void stopA() throws Exception {
        long start = System.nanoTime();
        a.process.destroy();
        boolean stopped = a.process.waitFor(90, TimeUnit.SECONDS);
        System.out.printf("== A stopped gracefully in %d ms, exit status %s%n", (System.nanoTime() - start) / 1_000_000,
                stopped ? String.valueOf(a.process.exitValue()) : "(still running)");
        if (!stopped) {
            fail("A did not stop within 90 s of SIGTERM");
        }
        System.out.println("== " + String.join("; ", summary) + "; visible on A in max " + visibleMax + " ms (p95 " + visibleP95 + " ms)");
    }

    private void cleanUp() {
        for (Instance i : List.of(a, b)) {
            if (i.process != null && i.process.isAlive()) {
                i.process.destroyForcibly();
            }
        }
    }

    // ---- HTTP, processes, stores ----------------------------------------------------------------------------------

    private int postNeed(Instance target, String id, String buyer, String product) throws Exception {
        return send(target, "POST", "/api/v1/needs", """
                {"id":"%s","kind":"SUPPLY","postedBy":"%s","title":"副本核对需求 %s","productCodes":["%s"]}"""
                .formatted(id, buyer, id, product)).statusCode();
    }

    private void withdraw(Instance target, String id) throws Exception {
        int status = send(target, "PATCH", "/api/v1/needs/" + id, "{\"status\":\"WITHDRAWN\"}").statusCode();
        if (status != 200) {
            throw new IllegalStateException("withdrawing " + id + ": HTTP " + status);
        }
    }

    private HttpResponse<String> send(Instance target, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(target.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(Instance target, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target.url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + target.name + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    private static JsonNode items(JsonNode page) {
        return page.has("items") ? page.get("items") : page;
    }

    private int readyStatus(Instance target) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(target.url("/q/health/ready"))).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private boolean awaitReady(Instance target, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline) && target.process.isAlive()) {
            if (readyStatus(target) == 200) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process start(Instance target, Map<String, String> env) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(target.log.toFile());
        pb.environment().putAll(env);
        System.out.printf("   %s: http %d, log %s%n", target.name, target.port, target.log);
        return pb.start();
    }

    private Connection pg() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/duijie", "postgres", "");
    }

    private Driver neo4j() {
        return GraphDatabase.driver("bolt://127.0.0.1:" + neo4jPort, AuthTokens.none());
    }

    private static long single(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
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
