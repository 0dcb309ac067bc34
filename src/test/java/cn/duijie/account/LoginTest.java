package cn.duijie.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.duijie.support.EmbeddedEnginesResource;
import cn.duijie.support.Logins;
import static cn.duijie.support.Logins.admin;
import cn.duijie.support.Ready;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(EmbeddedEnginesResource.class)
class LoginTest {

    @jakarta.inject.Inject
    TokenService tokens;
    @jakarta.inject.Inject
    AccountRepository accounts;
    @jakarta.inject.Inject
    cn.duijie.account.Logins logins;

    /** A fresh ADMIN-created account (role ADMIN needs no graph party). */
    private String newAccount() {
        String name = "t" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Logins.admin().contentType(ContentType.JSON).body(Map.of("username", name, "password", "right-password-1",
                "displayName", "测试", "role", "ADMIN")).post("/api/v1/accounts").then().statusCode(201);
        return name;
    }

    private io.restassured.response.ValidatableResponse token(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then();
    }

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void theTokenEndpointGivesABearerTokenThatSaysWhoTheCallerIs() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", Logins.ADMIN_PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", greaterThan(0))
                .body("accessToken", not(nullValue()));
        Logins.admin().get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("admin")).body("role", equalTo("ADMIN"));
    }

    @Test
    void writingWithoutALoginIs401ProblemInChinese() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/needs").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("请先登录"));
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = Logins.token("admin", Logins.ADMIN_PASSWORD);
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"admin\"", "\"root\"").getBytes()) + "." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("令牌无效"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Logins.token("admin", Logins.ADMIN_PASSWORD);
        Account admin = accounts.find("admin").orElseThrow();
        String expired = tokens.issue(admin, java.time.Duration.ofMinutes(-5)).accessToken();
        given().auth().oauth2(expired).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        String fresh = tokens.issue(admin, java.time.Duration.ofMinutes(5)).accessToken();
        given().auth().oauth2(fresh).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void wrongUsernameAndWrongPasswordGetTheSameAnswer() {
        String name = newAccount();
        String wrongPassword = token(name, "not-the-password").statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        String noSuchUser = token("nobody-" + name, "not-the-password").statusCode(401).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, noSuchUser);
    }

    @Test
    void sixWrongPasswordsLockTheAccountForAWhileWhetherOrNotItExists() {
        String name = newAccount();
        for (int i = 0; i < 5; i++) {
            token(name, "wrong-" + i).statusCode(401);
            token("ghost-" + name, "wrong-" + i).statusCode(401);
        }
        // cooling off: even the right password is refused, and an unknown name answers alike
        String real = token(name, "right-password-1").statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("分钟后再试")).extract().path("detail");
        String ghost = token("ghost-" + name, "right-password-1").statusCode(429).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(real.replaceAll("\\d+", "N"), ghost.replaceAll("\\d+", "N"));
        // an administrator's unlock ends it
        admin().contentType(ContentType.JSON).body(Map.of("status", "ACTIVE")).patch("/api/v1/accounts/" + name)
                .then().statusCode(200);
        token(name, "right-password-1").statusCode(200);
    }

    @Test
    void oneAddressCoolsOffAfterTooManyFailuresOverManyNames() {
        String address = "203.0.113." + (int) (Math.random() * 200);
        String name = newAccount();
        int max = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("duijie.accounts.throttle.max-failures-per-address", Integer.class);
        for (int i = 0; i < max; i++) {
            String n = "spray-" + i + "-" + name;
            org.junit.jupiter.api.Assertions.assertThrows(cn.duijie.common.DomainException.class,
                    () -> logins.check(n, "guess", address));
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(cn.duijie.common.DomainException.class,
                () -> logins.check(name, "right-password-1", address));
        org.junit.jupiter.api.Assertions.assertEquals(429, e.status());
        // the same account from another address is fine
        org.junit.jupiter.api.Assertions.assertEquals(name, logins.check(name, "right-password-1", "198.51.100.1").username());
    }

    @Test
    void aLockedAccountsTokenStopsWorkingAndAShortPasswordIsRefused() {
        String name = newAccount();
        String t = token(name, "right-password-1").statusCode(200).extract().path("accessToken");
        given().auth().oauth2(t).get("/api/v1/me").then().statusCode(200);
        admin().contentType(ContentType.JSON).body(Map.of("status", "LOCKED")).patch("/api/v1/accounts/" + name)
                .then().statusCode(200).body("status", equalTo("LOCKED"));
        given().auth().oauth2(t).get("/api/v1/me").then().statusCode(401);
        token(name, "right-password-1").statusCode(401).body("detail", containsString("锁定"));
        admin().contentType(ContentType.JSON).body(Map.of("username", "short-" + name, "password", "short",
                "displayName", "x", "role", "ADMIN")).post("/api/v1/accounts").then().statusCode(400)
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void theFormLoginSetsAnHttpOnlySameSiteCookieThatWorksForTheApiAndLogoutDropsIt() {
        String name = newAccount();
        var failed = given().redirects().follow(false).header("Origin", origin()).formParam("j_username", name).formParam("j_password", "wrong-password")
                .post("/j_security_check");
        org.junit.jupiter.api.Assertions.assertTrue(failed.getHeader("Location").endsWith("/login?error=1"), failed.getHeader("Location"));
        var ok = given().redirects().follow(false).header("Origin", origin()).formParam("j_username", name).formParam("j_password", "right-password-1")
                .post("/j_security_check");
        org.junit.jupiter.api.Assertions.assertEquals(302, ok.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(ok.getHeader("Location").endsWith("/"), ok.getHeader("Location"));
        String setCookie = ok.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("duijie-session="))
                .findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        org.junit.jupiter.api.Assertions.assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = ok.getCookie("duijie-session");
        given().cookie("duijie-session", cookie).get("/api/v1/me").then().statusCode(200).body("username", equalTo(name));
        var out = given().redirects().follow(false).cookie("duijie-session", cookie).get("/logout");
        org.junit.jupiter.api.Assertions.assertEquals(303, out.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(out.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("duijie-session=") && (c.contains("Max-Age=0") || c.contains("Expires"))));
    }
    private static String origin() {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }

    @Test
    void cookieAuthenticatedPostsFromAnotherSiteAreRefused() {
        String name = newAccount();
        String cookie = given().redirects().follow(false).header("Origin", origin()).formParam("j_username", name)
                .formParam("j_password", "right-password-1").post("/j_security_check").getCookie("duijie-session");
        String account = "{\"username\": \"c" + name + "\", \"password\": \"right-password-1\", \"displayName\": \"x\", \"role\": \"ADMIN\"}";
        // a forged cross-site post: the browser sends the cookie, but the origin is another site (or absent)
        given().cookie("duijie-session", cookie).header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(account).post("/api/v1/accounts").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("跨站"));
        given().cookie("duijie-session", cookie).contentType(ContentType.JSON).body(account).post("/api/v1/accounts")
                .then().statusCode(403);
        // the login form itself from another site
        given().redirects().follow(false).header("Origin", "https://evil.example").formParam("j_username", name)
                .formParam("j_password", "right-password-1").post("/j_security_check").then().statusCode(403);
        // the same post from a Duijie page goes through; a script with a bearer token needs no origin
        given().cookie("duijie-session", cookie).header("Origin", origin()).contentType(ContentType.JSON).body(account)
                .post("/api/v1/accounts").then().statusCode(201);
        admin().contentType(ContentType.JSON).body(account.replace("\"c" + name, "\"d" + name)).post("/api/v1/accounts")
                .then().statusCode(201);
    }
}
