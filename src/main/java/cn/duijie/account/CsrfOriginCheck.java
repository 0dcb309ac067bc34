package cn.duijie.account;

import java.net.URI;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.common.Messages;
import cn.duijie.common.ProblemMappers;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection for everything a browser posts with the session cookie: OWASP's "verifying origin with standard
 * headers" — an unsafe request (POST, PUT, PATCH, DELETE) that carries the form-login cookie, or posts the login form,
 * must come with an {@code Origin} (or, failing that, {@code Referer}) of this very host; otherwise 403 problem.
 * Together with the SameSite=Strict cookie. Bearer-token requests are not affected (a script's token is not sent by a
 * browser on its own). quarkus-rest-csrf (the token-based filter) does not resolve here at 3.34.3 or 3.34.2.
 */
@ApplicationScoped
public class CsrfOriginCheck {

    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final String cookieName;
    private final String loginPost;
    private final ObjectMapper json;

    CsrfOriginCheck(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
                    @ConfigProperty(name = "quarkus.http.auth.form.post-location") String loginPost, ObjectMapper json) {
        this.cookieName = cookieName;
        this.loginPost = loginPost.startsWith("/") ? loginPost : "/" + loginPost;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    void check(RoutingContext ctx) {
        if (!UNSAFE.contains(ctx.request().method()) || ctx.request().getHeader("Authorization") != null
                || (ctx.request().getCookie(cookieName) == null && !ctx.normalizedPath().equals(loginPost))) {
            ctx.next();
            return;
        }
        String source = ctx.request().getHeader("Origin");
        if (source == null || source.equals("null")) {
            source = ctx.request().getHeader("Referer");
        }
        if (source != null && sameHost(source, ctx)) {
            ctx.next();
            return;
        }
        try {
            ctx.response().setStatusCode(403).putHeader("Content-Type", cn.duijie.common.Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(ProblemMappers.problem(403, "csrf", Messages.get("problem.forbidden"),
                            Messages.get("access.csrf"))));
        } catch (Exception e) {
            ctx.response().setStatusCode(403).end();
        }
    }

    private static boolean sameHost(String url, RoutingContext ctx) {
        try {
            URI u = URI.create(url);
            String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
            if (u.getHost() == null || host == null) {
                return false;
            }
            String origin = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            String hostOnly = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
            return origin.equalsIgnoreCase(host) || (u.getPort() < 0 && u.getHost().equalsIgnoreCase(hostOnly)
                    && (host.endsWith(":80") || host.endsWith(":443")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
