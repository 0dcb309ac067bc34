package cn.duijie.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Logs tests in through the real token endpoint, per role: {@code Logins.admin()} for the operator, and
 * {@code firm(..)}, {@code institution(..)}, {@code investor(..)}, {@code bureau(..)} for an account of that party,
 * created (once per running app) by the admin through POST /api/v1/accounts.
 */
public final class Logins {

    /** %test.duijie.accounts.admin-password in application.properties. */
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "test-password-123";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /** Accounts made, apart from the tokens: making one logs in as admin, and a map must not update itself inside computeIfAbsent. */
    private static final Map<String, String> CREATED = new ConcurrentHashMap<>();

    private Logins() {
    }

    /** A request as {@code admin}. */
    public static RequestSpecification admin() {
        return as("admin", ADMIN_PASSWORD);
    }

    /** A request as the account of a firm (the firm must be in the graph). */
    public static RequestSpecification firm(String creditCode) {
        return as(ensure("f-" + creditCode.toLowerCase(), "ENTERPRISE", creditCode, null, null), PASSWORD);
    }

    public static RequestSpecification institution(String id) {
        return as(ensure("i-" + id.toLowerCase(), "INSTITUTION", id, null, null), PASSWORD);
    }

    public static RequestSpecification investor(String id) {
        return as(ensure("v-" + id.toLowerCase(), "INVESTOR", id, null, null), PASSWORD);
    }

    /** Bureau staff (工信局) of a region that exists in the graph. */
    public static RequestSpecification bureau(String regionCode) {
        return as(ensure("b-" + regionCode, "BUREAU", null, regionCode, "工信局"), PASSWORD);
    }

    /** A request with the bearer token of a username and password (logged in once per running app). */
    public static RequestSpecification as(String username, String password) {
        return given().auth().oauth2(token(username, password));
    }

    public static String token(String username, String password) {
        return TOKENS.computeIfAbsent(RestAssured.port + ":" + username, k -> {
            // admin is created right after the schemas are migrated: give a just-started app a moment
            java.util.function.Supplier<io.restassured.response.Response> login = () -> given().contentType(ContentType.JSON)
                    .body(Map.of("username", username, "password", password)).post("/api/v1/auth/token");
            io.restassured.response.Response res = !username.equals("admin") ? login.get()
                    : org.awaitility.Awaitility.await("admin account created").atMost(java.time.Duration.ofSeconds(60))
                            .pollInterval(java.time.Duration.ofMillis(500)).until(login::get, r -> r.statusCode() != 401);
            return res.then().statusCode(200).extract().path("accessToken");
        });
    }

    private static String ensure(String username, String role, String partyKey, String regionCode, String department) {
        String key = RestAssured.port + ":created:" + username;
        CREATED.computeIfAbsent(key, k -> {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("username", username);
            body.put("password", PASSWORD);
            body.put("displayName", username);
            body.put("role", role);
            body.put("partyKey", partyKey);
            body.put("regionCode", regionCode);
            body.put("department", department);
            int status = admin().contentType(ContentType.JSON).body(body).post("/api/v1/accounts").then().extract().statusCode();
            if (status != 201 && status != 409) {
                throw new AssertionError("could not create test account " + username + ": HTTP " + status);
            }
            return "yes";
        });
        return username;
    }
}
