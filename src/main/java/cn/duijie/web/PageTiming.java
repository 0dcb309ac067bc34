package cn.duijie.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Server-side time of every page (not /api, /q or bundled assets) in a standard Server-Timing header
 * ({@code Server-Timing: page;dur=12.3}): what the page benchmark reads, and what a browser's developer tools show.
 */
@ApplicationScoped
public class PageTiming {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (path.startsWith("/api/") || path.startsWith("/q/") || path.startsWith("/static/")) {
                ctx.next();
                return;
            }
            long start = System.nanoTime();
            ctx.addHeadersEndHandler(v -> ctx.response().putHeader("Server-Timing",
                    String.format(java.util.Locale.ROOT, "page;dur=%.1f", (System.nanoTime() - start) / 1e6)));
            ctx.next();
        });
    }
}
