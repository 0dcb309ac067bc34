package cn.duijie.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for errors answered below JAX-RS: requests the router cannot read, paths no route serves, bodies over
 * the size limit, and failures in non-REST routes.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    private final ObjectMapper json;
    private final String maxBody;
    private final long maxBodyBytes;

    HttpErrorRoutes(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") String maxBody,
                    @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBody = maxBody;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // before the body handler: refuse a declared oversize body with a problem, without reading it
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
                ctx.response().putHeader("Connection", "close");
                ctx.response().endHandler(v -> ctx.request().connection().close());
                write(ctx, ProblemMappers.problem(413, "payload-too-large", Messages.get("problem.too-large"),
                        Messages.get("detail.too-large", maxBody)));
            } else {
                ctx.next();
            }
        });
        // the router itself refuses a request it cannot route (a path whose %xx it cannot decode, no Host header)
        router.errorHandler(400, ctx -> {
            boolean encoding = !RequestGuard.wellFormed(ctx.request().uri());
            write(ctx, ProblemMappers.problem(400, encoding ? "bad-encoding" : "bad-request", Messages.get("problem.bad-request"),
                    Messages.get(encoding ? "detail.bad-encoding" : "detail.unreadable-request")));
        });
        router.errorHandler(404, ctx -> write(ctx, ProblemMappers.problem(404, "not-found",
                Messages.get("problem.not-found"), Messages.get("detail.path-not-found", ctx.normalizedPath()))));
        router.errorHandler(405, ctx -> write(ctx, ProblemMappers.problem(405, "method-not-allowed",
                Messages.get("problem.method"),
                Messages.get("detail.method-not-allowed", ctx.normalizedPath(), ctx.request().method().name()))));
        router.errorHandler(413, ctx -> write(ctx, ProblemMappers.problem(413, "payload-too-large",
                Messages.get("problem.too-large"), Messages.get("detail.too-large", maxBody))));
        router.errorHandler(500, ctx -> write(ctx, ProblemMappers.problem(500, "internal",
                Messages.get("problem.internal"), Messages.get("detail.internal", "-"))));
    }

    private void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            return;
        }
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (Exception e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
