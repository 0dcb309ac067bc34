package cn.duijie.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency and throughput of a recommendation endpoint against a running Duijie, over loopback only:
 * {@code bench-http [--url http://localhost:8080] [--password ADMIN_PASSWORD] [--kind SUPPLY]
 * [--path /api/v1/needs/{id}/matches?limit=10] [--requests 2000] [--connections 16] [--seconds 20]}. It logs in as
 * admin (matches need a login; the password defaults to DUIJIE_ADMIN_PASSWORD), reads open needs of the kind, then
 * runs one client for p50/p95/p99 and N concurrent clients for requests per second, counting every non-200 as an
 * error; it stops at once when the first request is refused, so a run never reports the speed of refusals.
 */
public final class HttpBench {

    private HttpBench() {
    }

    public static void main(String... args) throws Exception {
        String url = "http://localhost:8080";
        String kind = "SUPPLY";
        String path = "/api/v1/needs/{id}/matches?limit=10";
        int requests = 2000;
        int connections = 16;
        int seconds = 20;
        String password = System.getenv().getOrDefault("DUIJIE_ADMIN_PASSWORD", "");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--kind" -> kind = args[++i];
                case "--path" -> path = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--password" -> password = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        URI base = URI.create(url);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("bench-http only targets this machine (localhost)");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> ids = needIds(client, url, kind);
        if (ids.isEmpty()) {
            throw new IllegalStateException("no open " + kind + " needs at " + url);
        }
        List<URI> targets = new ArrayList<>();
        for (String id : ids) {
            targets.add(URI.create(url + path.replace("{id}", id)));
        }
        bearer = "Bearer " + AdminLogin.token(client, url, password);
        int first = send(client, targets.get(0));
        if (first != 200) {
            throw new IllegalStateException("GET " + targets.get(0) + " answered HTTP " + first);
        }
        System.out.printf("%d open %s needs; warming up%n", ids.size(), kind);
        for (int i = 0; i < Math.min(300, targets.size() * 2); i++) {
            send(client, targets.get(i % targets.size()));
        }
        long[] lat = new long[requests];
        int errors = 0;
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            // spread over all the needs: some titles cost more than others, the first thousand are no sample
            if (send(client, targets.get((int) ((long) i * targets.size() / requests))) != 200) {
                errors++;
            }
            lat[i] = System.nanoTime() - t0;
        }
        Arrays.sort(lat);
        System.out.printf("one client, %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n", requests,
                lat[requests / 2] / 1e6, lat[(int) (requests * 0.95)] / 1e6, lat[(int) (requests * 0.99)] / 1e6,
                lat[requests - 1] / 1e6, errors);

        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int offset = c;
            int streams = connections;
            pool.execute(() -> {
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int i = offset * targets.size() / streams; // each connection walks its own stretch of the needs
                while (System.nanoTime() < deadline) {
                    try {
                        if (send(own, targets.get(i++ % targets.size())) == 200) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d connections, %.0f s: %d requests, %.0f requests/s, errors %d%n", connections, elapsed,
                done.get(), done.get() / elapsed, failed.get());
    }

    /** "Bearer …" of the admin login, set once before the runs (MixedBench sets it too). */
    static String bearer;

    static int send(HttpClient client, URI uri) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).GET();
        if (bearer != null) {
            req.header("Authorization", bearer);
        }
        return client.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static List<String> needIds(HttpClient client, String url, String kind) throws Exception {
        List<String> ids = new ArrayList<>();
        Pattern p = Pattern.compile("\"id\":\"([^\"]+)\",\"kind\"");
        for (int page = 0; page < 20; page++) {
            String body = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/needs?status=OPEN&size=100&kind=" + kind
                    + "&page=" + page)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = p.matcher(body);
            int before = ids.size();
            while (m.find()) {
                ids.add(m.group(1));
            }
            if (ids.size() == before) {
                break;
            }
        }
        return ids;
    }
}
