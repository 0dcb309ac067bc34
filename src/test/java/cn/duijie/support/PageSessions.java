package cn.duijie.support;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.URL;
import java.util.function.Supplier;

import io.restassured.specification.RequestSpecification;

/** A browser-like session for REST Assured: the form login's cookie, and this site as Origin for posts. */
public final class PageSessions {

    private PageSessions() {
    }

    /** Logs {@code username} in through the login form once; each call of the supplier is a fresh request with its cookie. */
    public static Supplier<RequestSpecification> as(URL base, String username) {
        String origin = origin(base);
        String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", username).formParam("j_password", Logins.PASSWORD)
                .header("Origin", origin).post("/j_security_check")
                .then().statusCode(302).extract().cookie("duijie-session");
        return () -> given().redirects().follow(false).cookie("duijie-session", cookie).header("Origin", origin);
    }

    public static String origin(URL base) {
        URI u = URI.create(base.toString());
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }
}
