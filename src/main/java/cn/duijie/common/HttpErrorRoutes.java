package cn.duijie.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for errors answered below JAX-RS: requests the router cannot read, paths no route serves, bodies over
 * the size limit, and failures in non-REST routes.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    private final ObjectMapper json;
    private final BodyLimits bodies;

    HttpErrorRoutes(ObjectMapper json, BodyLimits bodies) {
        this.json = json;
        this.bodies = bodies;
    }

    void install(@Observes Router router) {
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
        // a body read here past its limit (RequestGuard's chunked read) fails with 413 before Quarkus' failure handler,
        // which would answer it with no body
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                write(ctx, bodies.tooLarge(ctx.request().method().name(), ctx.request().path()));
            } else if (ctx.failure() != null && ctx.failure().getClass().getName().startsWith("io.netty.handler.codec.http.multipart")) {
                // a form Netty's decoder cannot read (a field over its size, a broken encoding): a reason, not a trace
                write(ctx, ProblemMappers.problem(400, "bad-form", Messages.get("problem.bad-request"), Messages.get("detail.bad-form")));
            } else {
                ctx.next();
            }
        });
        router.errorHandler(413, ctx -> write(ctx, bodies.tooLarge(ctx.request().method().name(), ctx.request().path())));
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
