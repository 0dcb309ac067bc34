package cn.duijie.common;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, before any resource runs, requests no endpoint can serve: a JSON body declared larger than
 * {@code duijie.limits.max-json-body}, a URI longer than
 * {@code duijie.limits.max-uri-length}, a query parameter longer than {@code duijie.limits.max-param-length}, a NUL byte
 * or broken percent-encoding in the path or query. Each gets a problem+json answer (Netty's own 414 has no body, so
 * the HTTP line limit is set above this one).
 */
@ApplicationScoped
public class RequestGuard {

    private final ObjectMapper json;
    private final int maxUri;
    private final int maxParam;

    private final io.quarkus.runtime.configuration.MemorySize maxJsonBody;

    RequestGuard(ObjectMapper json, ServiceConfig config) {
        this.maxJsonBody = config.limits().maxJsonBody();
        this.json = json;
        this.maxUri = config.limits().maxUriLength();
        this.maxParam = config.limits().maxParamLength();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.length() > maxUri) {
            refuse(ctx, 414, "uri-too-long", Messages.get("problem.uri-too-long"), Messages.get("detail.uri-too-long", maxUri));
            return;
        }
        String type = ctx.request().getHeader("Content-Type");
        String length = ctx.request().getHeader("Content-Length");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json") && length != null
                && length.matches("\\d{1,18}") && Long.parseLong(length) > maxJsonBody.asLongValue()) {
            ctx.response().putHeader("Connection", "close");
            refuse(ctx, 413, "payload-too-large", Messages.get("problem.too-large"),
                    Messages.get("detail.json-too-large", maxJsonBody.asLongValue() / 1024 + " KB"));
            return;
        }
        String path;
        try {
            path = ctx.normalizedPath();
            for (Map.Entry<String, String> p : ctx.queryParams()) {
                if (p.getValue().indexOf('\0') >= 0 || p.getKey().indexOf('\0') >= 0) {
                    refuse(ctx, 400, "bad-parameter", Messages.get("problem.bad-request"), Messages.get("detail.param-nul", p.getKey()));
                    return;
                }
                if (p.getValue().length() > maxParam) {
                    refuse(ctx, 400, "bad-parameter", Messages.get("problem.bad-request"),
                            Messages.get("detail.param-too-long", p.getKey(), maxParam));
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            refuse(ctx, 400, "bad-parameter", Messages.get("problem.bad-request"), Messages.get("detail.bad-encoding"));
            return;
        }
        if (path != null && (path.indexOf('\0') >= 0 || path.contains("%00"))) {
            refuse(ctx, 400, "bad-parameter", Messages.get("problem.bad-request"), Messages.get("detail.path-nul"));
            return;
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(ProblemMappers.problem(status, type, title, detail)));
        } catch (Exception e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
