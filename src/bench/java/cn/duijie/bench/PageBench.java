package cn.duijie.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Server-side render time of web pages against a running Duijie:
 * {@code bench-pages [--url http://localhost:8080] [--requests 200] [--cookie duijie-session=…] PATH…}. Each path is
 * requested after a warm-up, one client at a time; the figures are the server's own Server-Timing (page;dur) p50 / p95
 * / max, and the client's wall time p95. A non-200 counts as an error.
 */
public final class PageBench {

    private PageBench() {
    }

    public static void main(String... args) throws Exception {
        String url = "http://localhost:8080";
        int requests = 200;
        String cookie = null;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--cookie" -> cookie = args[++i];
                default -> paths.add(args[i]);
            }
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("%-60s %8s %8s %8s %10s %6s%n", "page", "p50 ms", "p95 ms", "max ms", "wall p95", "errors");
        for (String path : paths) {
            double[] server = new double[requests];
            double[] wall = new double[requests];
            int errors = 0;
            for (int i = -20; i < requests; i++) {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url + ascii(path))).timeout(Duration.ofSeconds(30)).GET();
                if (cookie != null) {
                    req.header("Cookie", cookie);
                }
                long t0 = System.nanoTime();
                HttpResponse<String> res = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - t0) / 1e6;
                if (i < 0) {
                    continue;
                }
                if (res.statusCode() != 200) {
                    errors++;
                }
                wall[i] = ms;
                server[i] = res.headers().firstValue("Server-Timing").map(PageBench::duration).orElse(Double.NaN);
            }
            Arrays.sort(server);
            Arrays.sort(wall);
            System.out.printf("%-60s %8.1f %8.1f %8.1f %10.1f %6d%n", path, at(server, 0.50), at(server, 0.95), server[requests - 1],
                    at(wall, 0.95), errors);
        }
    }

    /** Percent-encodes what is not ASCII, so paths can be given as typed (q=轴承). */
    static String ascii(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().forEach(c -> {
            if (c < 128) {
                out.append((char) c);
            } else {
                out.append(java.net.URLEncoder.encode(new String(Character.toChars(c)), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private static double duration(String header) {
        int i = header.indexOf("dur=");
        return i < 0 ? Double.NaN : Double.parseDouble(header.substring(i + 4).split("[,;]")[0]);
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
