package cn.duijie.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What-if (断供推演) timing against a running Duijie:
 * {@code bench-whatif [--url http://localhost:8080] [--password ADMIN_PASSWORD] [--region 320000] [--city 320500]
 * [--rounds 5]}. Three scenarios, each warmed up once and then timed {@code rounds} times, one request at a time, as
 * ADMIN: a whole city taken out for the province ({@code --region}); the same city for a city's bureau (the first
 * other city of the province); and 50 firms of that city taken out one by one in one request. Prints wall-clock
 * p50 / max, the server's own {@code tookMs} and what the report found.
 */
public final class WhatIfBench {

    private static final Pattern TOOK = Pattern.compile("\"tookMs\":(\\d+)");
    private static final Pattern CONSIDERED = Pattern.compile("\"leadersConsidered\":(\\d+)");
    private static final Pattern REMOVED = Pattern.compile("\"firmsRemoved\":(\\d+)");

    private WhatIfBench() {
    }

    public static void main(String... args) throws Exception {
        String url = "http://localhost:8080";
        String password = System.getenv().getOrDefault("DUIJIE_ADMIN_PASSWORD", "");
        String region = "320000";
        String city = "320500";
        String other = "321100";
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--password" -> password = args[++i];
                case "--region" -> region = args[++i];
                case "--city" -> city = args[++i];
                case "--other" -> other = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!URI.create(url).getHost().equals("localhost") && !URI.create(url).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("bench-whatif only targets this machine (localhost)");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = AdminLogin.token(client, url, password);
        // 50 firms of the city, from the public firm search
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/enterprises?region=" + city + "&size=50"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> firms = new ArrayList<>();
        Matcher m = Pattern.compile("\"creditCode\":\"([0-9A-Z]{18})\"").matcher(page.body());
        while (m.find() && firms.size() < 50) {
            if (!firms.contains(m.group(1))) {
                firms.add(m.group(1));
            }
        }
        String firmList = String.join(",", firms.stream().map(f -> "\"" + f + "\"").toList());
        System.out.printf("%-58s %8s %8s %9s %8s %9s %7s%n", "scenario", "p50 ms", "max ms", "server ms", "leaders", "removed", "errors");
        run(client, url, token, region, "{\"regions\": [\"" + city + "\"]}", "city " + city + " out, province " + region, rounds);
        run(client, url, token, other, "{\"regions\": [\"" + city + "\"]}", "city " + city + " out, city " + other, rounds);
        run(client, url, token, region, "{\"firms\": [" + firmList + "]}", firms.size() + " firms of " + city + " out, province " + region, rounds);
    }

    private static void run(HttpClient client, String url, String token, String region, String body, String name, int rounds)
            throws Exception {
        double[] wall = new double[rounds];
        long server = 0;
        String leaders = "?";
        String removed = "?";
        int errors = 0;
        for (int i = -1; i < rounds; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/api/v1/regions/" + region + "/what-if"))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i < 0) {
                continue;
            }
            wall[i] = ms;
            if (res.statusCode() != 200) {
                errors++;
                continue;
            }
            server = Math.max(server, value(TOOK, res.body()));
            leaders = String.valueOf(value(CONSIDERED, res.body()));
            removed = String.valueOf(value(REMOVED, res.body()));
        }
        Arrays.sort(wall);
        System.out.printf("%-58s %8.0f %8.0f %9d %8s %9s %7d%n", name, wall[(rounds - 1) / 2], wall[rounds - 1], server, leaders, removed, errors);
    }

    private static long value(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
