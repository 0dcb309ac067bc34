package cn.duijie.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;

/**
 * {@code /logout}: expires the form-login session cookie and returns to the login page. (Quarkus'
 * {@code FormAuthenticationMechanism.logout(RoutingContext)} fails with a NullPointerException from a plain route at
 * 3.34.3, so the cookie Quarkus set is expired here, with the same name and path.)
 */
@ApplicationScoped
public class LogoutRoute {

    private final String cookieName;

    LogoutRoute(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.cookieName = cookieName;
    }

    void install(@Observes Router router) {
        router.route("/logout").handler(ctx -> {
            ctx.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL()));
            ctx.response().setStatusCode(303).putHeader("Location", "/login").putHeader("Cache-Control", "no-store").end();
        });
    }
}
