package cn.duijie.common;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * The largest request body each endpoint takes, in one place. The uploads ({@code POST /api/v1/imports} and the clerk's
 * page {@code POST /bureau/imports}) take files up to {@code quarkus.http.limits.max-body-size} ({@code DUIJIE_MAX_UPLOAD});
 * every other endpoint — JSON, form posts, anything else — up to {@code duijie.limits.max-json-body}
 * ({@code DUIJIE_MAX_JSON_BODY}). {@link RequestGuard} refuses a declared {@code Content-Length} over the limit before
 * reading the body and reads a body of unknown length (chunked) with the limit; every refusal is a 413 problem naming
 * the limit ({@link #tooLarge}).
 */
@ApplicationScoped
public class BodyLimits {

    /** Paths of the endpoints that take file uploads (POST), without a trailing slash. */
    static final Set<String> UPLOADS = Set.of("/api/v1/imports", "/bureau/imports");

    private final long upload;
    private final long other;

    BodyLimits(ServiceConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.upload = maxBody.asLongValue();
        this.other = Math.min(config.limits().maxJsonBody().asLongValue(), upload);
    }

    /** Whether the request goes to an endpoint that takes files. */
    public boolean isUpload(String method, String path) {
        String p = path == null ? "" : path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return "POST".equalsIgnoreCase(method) && UPLOADS.contains(p);
    }

    /** The largest body, in bytes, this endpoint takes. */
    public long limit(String method, String path) {
        return isUpload(method, path) ? upload : other;
    }

    /** The 413 answer for a body over this endpoint's limit, naming the limit. */
    public Problem tooLarge(String method, String path) {
        boolean files = isUpload(method, path);
        return ProblemMappers.problem(413, "payload-too-large", Messages.get("problem.too-large"),
                Messages.get(files ? "detail.upload-too-large" : "detail.body-too-large", size(files ? upload : other)));
    }

    /** 64 MB, 1 MB, 512 KB, 100 字节. */
    static String size(long bytes) {
        long mb = 1024L * 1024;
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " 字节";
    }
}
