package cn.duijie.account;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.common.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Applies {@link AccessRules} to every /api request before its resource runs: resolves the login (session cookie or
 * bearer token), answers 401 / 403 as problem+json, and leaves the {@link Caller} in {@link CurrentCaller}.
 * An /api operation without a rule is refused (and the matrix test fails), so no endpoint is open by omission.
 */
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    private final CurrentIdentityAssociation identities;
    private final CurrentCaller current;

    AccessFilter(CurrentIdentityAssociation identities, CurrentCaller current) {
        this.identities = identities;
        this.current = current;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Uni<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Uni.createFrom().nullItem();
        }
        String template = TEMPLATES.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
        if (!template.startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String verb = verb(method, request.getMethod());
        var rule = AccessRules.of(verb, template);
        if (rule.isEmpty()) {
            LOG.errorf("No access rule for %s %s: refused", verb, template);
            return Uni.createFrom().item(refuse(403, "forbidden", Messages.get("problem.forbidden"),
                    Messages.get("access.no-rule", verb + " " + template)));
        }
        return identities.getDeferredIdentity()
                .map(identity -> {
                    Caller caller = AccountIdentities.caller(identity);
                    current.set(caller);
                    if (rule.get().who().admits(caller)) {
                        return (Response) null;
                    }
                    if (caller.anonymous()) {
                        return unauthenticated(Messages.get("access.login-required"));
                    }
                    return refuse(403, "forbidden", Messages.get("problem.forbidden"),
                            Messages.get("access.role-" + rule.get().who().name().toLowerCase()));
                })
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(() -> unauthenticated(Messages.get("access.bad-credentials")));
    }

    static Response unauthenticated(String detail) {
        return Response.fromResponse(refuse(401, "unauthenticated", Messages.get("problem.unauthenticated"), detail))
                .header("WWW-Authenticate", "Bearer realm=\"duijie\"").build();
    }

    static Response refuse(int status, String type, String title, String detail) {
        return ProblemMappers.respond(new Problem("/problems/" + type, title, status, detail, List.of()));
    }

    private static String verb(Method m, String requested) {
        if (m.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (m.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        if (m.isAnnotationPresent(HEAD.class)) {
            return "HEAD";
        }
        return requested;
    }

    /** "/api/v1/needs/{id}/matches" from the class and method @Path, as OpenAPI writes it. */
    static String template(Class<?> type, Method m) {
        String base = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
        String sub = m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "";
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
