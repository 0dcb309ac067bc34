package cn.duijie.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the checks and benchmarks log in: a bearer token of the admin account ({@code DUIJIE_ADMIN_PASSWORD}). */
public final class AdminLogin {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    private AdminLogin() {
    }

    /** {@code POST /api/v1/auth/token} as admin on {@code baseUrl}; the access token, or an exception naming the answer. */
    public static String token(HttpClient client, String baseUrl, String password) throws Exception {
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(res.body());
        if (res.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login as admin on " + baseUrl + ": HTTP " + res.statusCode() + " " + res.body());
        }
        return m.group(1);
    }
}
