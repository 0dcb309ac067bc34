package cn.duijie.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

/** Who is logged in, for pages, and the actor the services are called with. */
@ApplicationScoped
public class WebSession {

    /** A page that needs a login was opened without one: go to the login page. */
    public static class LoginRequired extends RuntimeException {
        LoginRequired() {
            super(null, null, false, false);
        }
    }

    /** The logged-in user, or a null item for a visitor without a login. */
    /** A logged-in user opened a page of another role. */
    public static class NotForYou extends RuntimeException {
        final transient WebUser user;

        NotForYou(WebUser user) {
            super(null, null, false, false);
            this.user = user;
        }
    }

    public Uni<WebUser> user() {
        return Uni.createFrom().nullItem();
    }

    public Uni<WebUser> requireUser() {
        return user().map(u -> {
            if (u == null) {
                throw new LoginRequired();
            }
            return u;
        });
    }

    /** A user that acts for a graph party (a firm, lab or investor). */
    public Uni<WebUser> requireParty() {
        return requireUser().map(u -> {
            if (u.partyId() == null) {
                throw new LoginRequired();
            }
            return u;
        });
    }

    /** Bureau staff (or an administrator): imports, events, the region's needs. */
    public Uni<WebUser> requireBureau() {
        return requireUser().map(u -> {
            if (!Menu.BUREAU.equals(u.role()) && !Menu.ADMIN.equals(u.role())) {
                throw new NotForYou(u);
            }
            return u;
        });
    }

    Actor actor(WebUser user) {
        return switch (user.role()) {
            case Menu.ENTERPRISE -> Actor.enterprise(user.partyId());
            case Menu.INSTITUTION -> new Actor(Actor.Type.INSTITUTION, user.partyId());
            case Menu.INVESTOR -> new Actor(Actor.Type.FUND, user.partyId());
            default -> new Actor(Actor.Type.BUREAU, user.username());
        };
    }

    static class Mapper {
        @ServerExceptionMapper
        Response loginRequired(LoginRequired e) {
            return Response.seeOther(URI.create("/login")).build();
        }

        @ServerExceptionMapper
        Uni<Response> notForYou(NotForYou e) {
            return Pages.error(new DomainException(403, "forbidden", Messages.get("problem.forbidden"), Messages.get("web.bureau-only"),
                    java.util.List.of()), e.user);
        }
    }
}
