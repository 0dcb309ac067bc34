package cn.duijie.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.duijie.account.AccessPolicy;
import cn.duijie.account.AccountIdentities;
import cn.duijie.account.Caller;
import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Who is logged in, for pages: the form login's identity (accounts), as the Caller the services and access policy
 * use. Pages act as the logged-in party only; what a party may see is AccessPolicy's answer, as for the API.
 */
@ApplicationScoped
public class WebSession {

    /** A page that needs a login was opened without one: go to the login page. */
    public static class LoginRequired extends RuntimeException {
        LoginRequired() {
            super(null, null, false, false);
        }
    }

    /** A logged-in user opened a page of another role. */
    public static class NotForYou extends RuntimeException {
        final transient WebUser user;

        NotForYou(WebUser user) {
            super(null, null, false, false);
            this.user = user;
        }
    }

    /** A check before the page failed (e.g. another region's event): the error page with the reason, not JSON. */
    public static class PageFailure extends RuntimeException {
        final transient DomainException problem;
        final transient WebUser user;

        PageFailure(DomainException problem, WebUser user) {
            super(null, null, false, false);
            this.problem = problem;
            this.user = user;
        }
    }

    private final CurrentIdentityAssociation identities;
    private final AccessPolicy policy;

    WebSession(CurrentIdentityAssociation identities, AccessPolicy policy) {
        this.identities = identities;
        this.policy = policy;
    }

    /** The logged-in user, or a null item for a visitor (an expired or broken session is a visitor too). */
    public Uni<WebUser> user() {
        return identities.getDeferredIdentity().map(AccountIdentities::caller)
                .map(c -> c.anonymous() ? null : new WebUser(c.username(), c.displayName(), c.role().name(), c.partyKey(), c.regionCode(), c))
                .onFailure().recoverWithNull();
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
                throw new NotForYou(u);
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

    /** Continues only when the user may see the party's private objects (its own, its region's bureau); else 404. */
    Uni<Void> requireParty(WebUser user, Actor party) {
        return policy.requireParty(user.caller(), party);
    }

    /** Whether the user is bureau staff whose region covers this one, or ADMIN. */
    boolean coversRegion(WebUser user, String region) {
        return policy.coversRegion(user.caller(), region);
    }

    /** Whether the user may act for the party (its own, its region's bureau, ADMIN). */
    Uni<Boolean> mayActFor(WebUser user, Actor party) {
        return policy.mayActFor(user.caller(), party);
    }

    Actor actor(WebUser user) {
        return user.caller().ownParty();
    }

    static class Mapper {
        @ServerExceptionMapper
        Response loginRequired(LoginRequired e) {
            return Response.seeOther(URI.create("/login")).build();
        }

        @ServerExceptionMapper
        Uni<Response> pageFailure(PageFailure e) {
            return Pages.error(e.problem, e.user);
        }

        @ServerExceptionMapper
        Uni<Response> notForYou(NotForYou e) {
            return Pages.error(new DomainException(403, "forbidden", Messages.get("problem.forbidden"), Messages.get("web.not-for-you"),
                    java.util.List.of()), e.user);
        }
    }
}
