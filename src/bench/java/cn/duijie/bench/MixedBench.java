package cn.duijie.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads under writes, against a running Duijie over loopback: {@code bench-mixed [--url http://localhost:8080]
 * [--kind SUPPLY] [--connections 16] [--seconds 60] [--need-every-ms 1000] [--edit-every-ms 5000] [--deal-every-ms 5000]}.
 * N clients read {@code /needs/{id}/matches?limit=10} while one writer posts a SUPPLY need every second (and times
 * until it shows in a maker's opportunities), one edits a firm's profile every 5 s (and times until the new tier shows
 * in a need's matches), and one posts a DEAL every 5 s. Prints read latency and throughput and write-to-visible times.
 * With {@code --write-url URL} of a second replica on the same engines, the writes go through that one while the reads
 * and the probes stay on {@code --url}: the times are then those of the change feed between replicas.
 *
 * <p>As a soak ({@code --kind SUPPLY,TECH,FINANCE --seconds 1800 --sample-every-s 60 --import-every-s 300 --pid PID}):
 * reads of several kinds interleaved, a 100-firm {@code enterprises.csv} import through {@code POST /api/v1/imports}
 * every N seconds (firms of the matches, re-imported with a changed head count), and every sample period a row of
 * reads, p95, errors, the service's heap (from {@code /q/metrics}) and resident memory (from {@code /proc/PID}); at the
 * end whether heap and RSS stayed on the plateau of the first ten minutes.
 */
public final class MixedBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MixedBench() {
    }

    public static void main(String... args) throws Exception {
        String url = "http://localhost:8080";
        String kind = "SUPPLY";
        int connections = 16;
        int seconds = 60;
        long needEvery = 1000;
        long editEvery = 5000;
        long dealEvery = 5000;
        String password = System.getenv().getOrDefault("DUIJIE_ADMIN_PASSWORD", "");
        long sampleEvery = 0;
        long importEvery = 0;
        long pid = 0;
        String writeUrl = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--kind" -> kind = args[++i];
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--need-every-ms" -> needEvery = Long.parseLong(args[++i]);
                case "--edit-every-ms" -> editEvery = Long.parseLong(args[++i]);
                case "--deal-every-ms" -> dealEvery = Long.parseLong(args[++i]);
                case "--password" -> password = args[++i];
                case "--sample-every-s" -> sampleEvery = Long.parseLong(args[++i]);
                case "--import-every-s" -> importEvery = Long.parseLong(args[++i]);
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--write-url" -> writeUrl = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (String u : writeUrl == null ? List.of(url) : List.of(url, writeUrl)) {
            if (!List.of("localhost", "127.0.0.1", "[::1]").contains(URI.create(u).getHost())) {
                throw new IllegalArgumentException("bench-mixed only targets this machine (localhost)");
            }
        }
        String base = url;
        // two replicas: the writes go through the other one, reads and the write-to-visible probes stay on --url
        String writes = writeUrl == null ? url : writeUrl;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpBench.bearer = "Bearer " + AdminLogin.token(client, base, password); // reads and writes need a login
        // several kinds (SUPPLY,TECH,FINANCE) are read interleaved
        List<List<String>> byKind = new ArrayList<>();
        for (String k : kind.split(",")) {
            byKind.add(HttpBench.needIds(client, base, k.strip()));
        }
        List<String> reads = new ArrayList<>();
        for (int i = 0; byKind.stream().anyMatch(l -> !l.isEmpty()) && reads.size() < byKind.stream().mapToInt(List::size).sum(); i++) {
            for (List<String> l : byKind) {
                if (i < l.size()) {
                    reads.add(l.get(i));
                }
            }
        }
        List<String> supply = kind.equals("SUPPLY") ? reads : HttpBench.needIds(client, base, "SUPPLY");
        if (reads.isEmpty() || supply.isEmpty()) {
            throw new IllegalStateException("no open needs at " + base);
        }
        // templates for the writers: SUPPLY needs with their buyer, products and ranked candidates
        record Template(String id, String buyer, JsonNode products, List<String> candidates, List<String> tiers, String maker) {
        }
        List<Template> templates = new ArrayList<>();
        for (int i = 0; i < supply.size() && templates.size() < 40; i += Math.max(1, supply.size() / 40)) {
            JsonNode need = get(client, base + "/api/v1/needs/" + supply.get(i));
            JsonNode matches = get(client, base + "/api/v1/needs/" + supply.get(i) + "/matches?limit=10");
            List<String> ids = new ArrayList<>();
            List<String> tiers = new ArrayList<>();
            matches.forEach(m -> {
                ids.add(m.get("candidate").get("id").asText());
                tiers.add(m.get("candidate").path("tier").asText("NONE"));
            });
            // a maker whose opportunities list is not full, so a new need for its product must show in it
            String maker = null;
            for (String c : ids.subList(0, Math.min(3, ids.size()))) {
                if (get(client, base + "/api/v1/enterprises/" + c + "/opportunities?kind=SUPPLY&limit=100").size() < 100) {
                    maker = c;
                    break;
                }
            }
            if (ids.size() >= 3 && maker != null) {
                templates.add(new Template(supply.get(i), need.get("postedBy").asText(), need.get("productCodes"), ids, tiers, maker));
            }
        }
        if (templates.isEmpty()) {
            // the probe looks for a new need in a maker's first 100 opportunities: a list already full cannot show it
            throw new IllegalStateException("no SUPPLY need at " + base + " has a top-3 maker with fewer than 100 opportunities;"
                    + " the write-to-visible probe could not see a new need (at 1,000,000 firms every maker's list is full)");
        }
        System.out.printf("%d open %s needs to read, %d SUPPLY templates for writes; warming up%n", reads.size(), kind, templates.size());
        List<URI> targets = reads.stream().map(id -> URI.create(base + "/api/v1/needs/" + id + "/matches?limit=10")).toList();
        for (int i = 0; i < Math.min(300, targets.size() * 2); i++) {
            HttpBench.send(client, targets.get(i % targets.size()));
        }

        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.concurrent.ConcurrentLinkedQueue<Long> period = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<long[]> perClient = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections + 5); // readers, three writers, the import and the sampler
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int offset = c;
            int streams = connections;
            pool.execute(() -> {
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] lat = new long[2_000_000];
                int n = 0;
                int i = offset * targets.size() / streams; // each reader walks its own stretch of the needs (as bench-http)
                while (System.nanoTime() < deadline && n < lat.length) {
                    long t0 = System.nanoTime();
                    try {
                        if (HttpBench.send(own, targets.get(i++ % targets.size())) != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    lat[n++] = System.nanoTime() - t0;
                    period.add(lat[n - 1]);
                }
                perClient.add(Arrays.copyOf(lat, n));
            });
        }
        List<Long> needVisible = Collections.synchronizedList(new ArrayList<>());
        List<Long> editVisible = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger deals = new AtomicInteger();
        AtomicInteger writeErrors = new AtomicInteger();
        long tag = System.currentTimeMillis() % 1_000_000;
        long needPeriod = needEvery;
        pool.execute(() -> every(needPeriod, deadline, k -> {
            Template t = templates.get(k % templates.size());
            String maker = t.maker();
            String id = "MIXED-" + tag + "-" + k;
            String body = "{\"id\":\"" + id + "\",\"kind\":\"SUPPLY\",\"postedBy\":\"" + t.buyer() + "\",\"title\":\"混合负载采购 " + k
                    + "\",\"productCodes\":" + t.products() + "}";
            long t0 = System.nanoTime();
            if (send(client, "POST", writes + "/api/v1/needs", body) != 201) {
                writeErrors.incrementAndGet();
                return;
            }
            long ms = waitFor(() -> get(client, base + "/api/v1/enterprises/" + maker + "/opportunities?kind=SUPPLY&limit=100")
                    .findValuesAsText("id").contains(id), t0);
            needVisible.add(ms);
        }));
        long editPeriod = editEvery;
        pool.execute(() -> every(editPeriod, deadline, k -> {
            Template t = templates.get((k * 7 + 3) % templates.size());
            int pick = -1;
            for (int j = 1; j < t.candidates().size(); j++) {
                if (!t.tiers().get(j).equals("CHAMPION")) {
                    pick = j;
                    break;
                }
            }
            if (pick < 0) {
                return;
            }
            String firm = t.candidates().get(pick);
            t.tiers().set(pick, "CHAMPION");
            JsonNode d = get(client, base + "/api/v1/enterprises/" + firm);
            if (!d.hasNonNull("name")) {
                writeErrors.incrementAndGet();
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", d.get("name").asText());
            body.put("regionCode", d.get("regionCode").asText());
            body.put("tier", "CHAMPION");
            body.put("isChainLeader", d.path("isChainLeader").asBoolean(false));
            body.put("employees", d.path("employees").isNumber() ? d.get("employees").asLong() : null);
            body.put("certifications", d.path("certifications"));
            body.put("productCodes", d.path("products").findValuesAsText("code"));
            body.put("technologyCodes", d.path("technologies").findValuesAsText("code"));
            body.put("leadsChainIds", d.path("leads").findValuesAsText("id"));
            if (d.hasNonNull("description")) {
                body.put("description", d.get("description").asText());
            }
            if (d.hasNonNull("lat") && d.hasNonNull("lon")) {
                body.put("lat", d.get("lat").asDouble());
                body.put("lon", d.get("lon").asDouble());
            }
            long t0 = System.nanoTime();
            if (send(client, "PUT", writes + "/api/v1/enterprises/" + firm, JSON.writeValueAsString(body)) != 200) {
                writeErrors.incrementAndGet();
                return;
            }
            long ms = waitFor(() -> {
                for (JsonNode m : get(client, base + "/api/v1/needs/" + t.id() + "/matches?limit=100")) {
                    if (m.get("candidate").get("id").asText().equals(firm)) {
                        return m.get("candidate").path("tier").asText().equals("CHAMPION");
                    }
                }
                return false;
            }, t0);
            editVisible.add(ms);
        }));
        long dealPeriod = dealEvery;
        pool.execute(() -> every(dealPeriod, deadline, k -> {
            Template t = templates.get((k * 11 + 5) % templates.size());
            String candidate = t.candidates().get(k % t.candidates().size());
            int status = send(client, "POST", writes + "/api/v1/needs/" + t.id() + "/feedback",
                    "{\"candidateId\":\"" + candidate + "\",\"action\":\"DEAL\"}");
            if (status == 201 || status == 200) {
                deals.incrementAndGet();
            } else if (status != 409) {
                writeErrors.incrementAndGet();
            }
        }));
        AtomicInteger imports = new AtomicInteger();
        if (importEvery > 0) {
            String csv = importCsv(client, base, templates.stream().flatMap(t -> t.candidates().stream()).distinct().limit(100).toList());
            long importMs = importEvery * 1000;
            pool.execute(() -> every(importMs, deadline, k -> {
                if (k == 0) {
                    return; // the first import after one period
                }
                int status = importFirms(client, writes, csv.replace(",__EMPLOYEES__,", "," + (100 + k) + ","));
                if (status == 201 || status == 202) {
                    imports.incrementAndGet();
                } else {
                    writeErrors.incrementAndGet();
                    System.out.println("import answered " + status);
                }
            }));
        }
        List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
        if (sampleEvery > 0) {
            long samplePid = pid;
            long sampleS = sampleEvery;
            long periodMs = sampleEvery * 1000;
            System.out.println("minute  reads  p95 ms  read errors  write errors  heap MB  RSS MB");
            pool.execute(() -> every(periodMs, deadline + periodMs * 1_000_000L / 2, k -> {
                if (k == 0) {
                    period.clear();
                    return;
                }
                long[] lat = drain(period);
                double heap = heapMb(client, base);
                double rss = rssMb(samplePid);
                samples.add(new double[] {heap, rss});
                System.out.printf(java.util.Locale.ROOT, "%6d %6d %7.1f %12d %13d %8.0f %7.0f%n", k * sampleS / 60, lat.length,
                        pct(lat, 0.95), failed.get(), writeErrors.get(), heap, rss);
            }));
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("reads: %d connections, %.0f s, %d requests, %.0f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d%n",
                connections, elapsed, all.length, all.length / elapsed, pct(all, 0.5), pct(all, 0.95), pct(all, 0.99), failed.get());
        System.out.printf("need posted → in a maker's opportunities: %s%n", summary(needVisible));
        System.out.printf("profile edited → in a need's matches: %s%n", summary(editVisible));
        System.out.printf("deals posted: %d; imports: %d; write errors: %d%n", deals.get(), imports.get(), writeErrors.get());
        if (sampleEvery > 0 && !samples.isEmpty()) {
            plateau(samples, (int) Math.max(1, 600 / sampleEvery));
        }
    }

    /** Whether heap and RSS after the first {@code first} samples stayed within the peak of those samples (+10 %). */
    private static void plateau(List<double[]> samples, int first) {
        for (int m = 0; m < 2; m++) {
            String what = m == 0 ? "heap" : "RSS";
            int col = m;
            double early = samples.subList(0, Math.min(first, samples.size())).stream().mapToDouble(x -> x[col]).max().orElse(0);
            double late = samples.size() <= first ? Double.NaN : samples.subList(first, samples.size()).stream().mapToDouble(x -> x[col]).max().orElse(0);
            System.out.printf(java.util.Locale.ROOT, "%s: peak of the first %d samples %.0f MB, peak after them %.0f MB: %s%n", what, first, early, late,
                    Double.isNaN(late) ? "run too short to tell" : late <= early * 1.1 ? "on the plateau" : "GREW");
        }
    }

    private static long[] drain(java.util.Queue<Long> q) {
        List<Long> out = new ArrayList<>();
        for (Long x; (x = q.poll()) != null; ) {
            out.add(x);
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Heap used by the service in MB, the sum of jvm_memory_used_bytes{area="heap"} of /q/metrics; NaN when unread. */
    private static double heapMb(HttpClient client, String base) {
        try {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).header("Authorization", HttpBench.bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : body.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum / 1e6;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** Resident memory of a process in MB (VmRSS of /proc/PID/status); NaN without a pid. */
    private static double rssMb(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** enterprises.csv of these firms as the service has them, with __EMPLOYEES__ in place of the head count. */
    private static String importCsv(HttpClient client, String base, List<String> firms) throws Exception {
        StringBuilder csv = new StringBuilder("creditCode,name,regionCode,tier,isChainLeader,employees,certifications,productCodes,technologyCodes\n");
        for (String f : firms) {
            JsonNode d = get(client, base + "/api/v1/enterprises/" + f);
            if (!d.hasNonNull("name")) {
                continue;
            }
            csv.append(String.join(",", f, quote(d.get("name").asText()), d.get("regionCode").asText(), d.path("tier").asText("NONE"),
                    String.valueOf(d.path("isChainLeader").asBoolean(false)), "__EMPLOYEES__",
                    texts(d.path("certifications")), String.join("|", d.path("products").findValuesAsText("code")),
                    String.join("|", d.path("technologies").findValuesAsText("code")))).append('\n');
        }
        return csv.toString();
    }

    private static String texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return String.join("|", out);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** POST /api/v1/imports with one enterprises.csv part; the status code. */
    private static int importFirms(HttpClient client, String base, String csv) throws Exception {
        String boundary = "duijie-soak-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"enterprises.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports")).header("Authorization", HttpBench.bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    interface Step {
        void run(int k) throws Exception;
    }

    private static void every(long periodMs, long deadline, Step step) {
        int k = 0;
        while (System.nanoTime() < deadline) {
            long t0 = System.currentTimeMillis();
            try {
                step.run(k++);
            } catch (Exception e) {
                System.out.println("write step failed: " + e);
            }
            long sleep = periodMs - (System.currentTimeMillis() - t0);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Milliseconds from t0 until the check holds (polled every 20 ms, at most 10 s; -1 when it never did). */
    private static long waitFor(Check check, long t0) throws Exception {
        while (System.nanoTime() - t0 < 10_000_000_000L) {
            if (check.ok()) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    private static String summary(List<Long> ms) {
        long never = ms.stream().filter(x -> x < 0).count();
        long[] seen = ms.stream().filter(x -> x >= 0).mapToLong(Long::longValue).sorted().toArray();
        if (seen.length == 0) {
            return "no samples" + (never > 0 ? ", " + never + " never visible within 10 s" : "");
        }
        return String.format("n %d, p50 %d ms, p95 %d ms, max %d ms, never visible within 10 s: %d", seen.length,
                seen[seen.length / 2], seen[Math.min(seen.length - 1, (int) (seen.length * 0.95))], seen[seen.length - 1], never);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static JsonNode get(HttpClient client, String uri) throws Exception {
        return JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", HttpBench.bearer).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static int send(HttpClient client, String method, String uri, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .header("Authorization", HttpBench.bearer).method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
