package cn.duijie.common;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses, before any resource runs, requests no endpoint can serve: a body larger than the endpoint takes
 * ({@link BodyLimits}), a URI longer than
 * {@code duijie.limits.max-uri-length}, a query parameter longer than {@code duijie.limits.max-param-length}, a NUL byte
 * or broken percent-encoding in the path or query. Each gets a problem+json answer (Netty's own 414 has no body, so
 * the HTTP line limit is set above this one).
 *
 * <p>Quarkus checks the request target with {@code java.net.URI} before any router sees it and answers a bare 400
 * (VertxHttpRecorder); {@link #URI_VALIDATION_OFF} turns that check off (DuijieMain, and surefire for the tests) so
 * that the same check is made here, with a reason. Percent escapes must also decode as UTF-8: Vert.x would turn a
 * truncated one ({@code %E4%B8}) into U+FFFD silently.
 */
@ApplicationScoped
public class RequestGuard {

    /** The system property that makes Quarkus leave URI validation to this guard; read once, before Quarkus starts. */
    public static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private final ObjectMapper json;
    private final int maxUri;
    private final int maxParam;

    private final BodyLimits bodies;

    RequestGuard(ObjectMapper json, ServiceConfig config, BodyLimits bodies) {
        this.bodies = bodies;
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
        if (!wellFormed(uri)) {
            refuse(ctx, 400, "bad-encoding", Messages.get("problem.bad-request"), Messages.get("detail.bad-encoding"));
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
        checkBody(ctx, path);
    }

    /**
     * The endpoint's body limit ({@link BodyLimits}): a declared length over it is refused unread, and the connection
     * closed; a body of unknown length (chunked) to an endpoint other than the uploads is read here with the limit
     * (Vert.x answers 413 once it passes it, HttpErrorRoutes makes that a problem); the uploads' own limit is
     * Quarkus' max-body-size.
     */
    private void checkBody(RoutingContext ctx, String path) {
        String method = ctx.request().method().name();
        long limit = bodies.limit(method, path);
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
            ctx.response().putHeader("Connection", "close");
            ctx.response().endHandler(v -> ctx.request().connection().close());
            write(ctx, bodies.tooLarge(method, path));
            return;
        }
        // the form login reads its own body (Quarkus' FormAuthenticationMechanism): left to it, under Quarkus' limit
        if (length == null && !bodies.isUpload(method, path) && !"/j_security_check".equals(path) && !ctx.request().isEnded()
                && (ctx.request().headers().contains("Transfer-Encoding")
                    || ctx.request().version() == io.vertx.core.http.HttpVersion.HTTP_2)) {
            BodyHandler.create(false).setBodyLimit(limit).handle(ctx);
            return;
        }
        ctx.next();
    }

    /**
     * Whether a request target is what Quarkus' own check accepts ({@code java.net.URI}) and every run of percent
     * escapes in it is well-formed UTF-8.
     */
    static boolean wellFormed(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new java.net.URI(uri);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        int i = uri.indexOf('%');
        while (i >= 0) {
            java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
            while (i + 2 < uri.length() && uri.charAt(i) == '%') {
                int hi = Character.digit(uri.charAt(i + 1), 16);
                int lo = Character.digit(uri.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                run.write(hi * 16 + lo);
                i += 3;
            }
            if (i < uri.length() && uri.charAt(i) == '%') {
                return false; // a '%' without two hex digits after it
            }
            try {
                java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(run.toByteArray()));
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            }
            i = uri.indexOf('%', i);
        }
        return true;
    }

    private void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        write(ctx, ProblemMappers.problem(status, type, title, detail));
    }

    private void write(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (Exception e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
