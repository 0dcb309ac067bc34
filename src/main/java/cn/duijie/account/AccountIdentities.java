package cn.duijie.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.duijie.common.DomainException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * How a login becomes a Quarkus {@link SecurityIdentity} carrying the {@link Caller}: the form post (username and
 * password), the form session cookie (trusted: the name in the encrypted cookie) and the bearer token (SmallRye JWT
 * verifies it; the account is read again so a locked account's tokens stop working at once).
 */
public final class AccountIdentities {

    public static final String CALLER = "duijie.caller";

    private AccountIdentities() {
    }

    static SecurityIdentity identity(Account a, SecurityIdentity base) {
        QuarkusSecurityIdentity.Builder b = base == null
                ? QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(a.username()))
                : QuarkusSecurityIdentity.builder(base);
        return b.addRole(a.role().name()).addAttribute(CALLER, a.caller()).build();
    }

    /** The caller of an identity (anonymous when there is none). */
    public static Caller caller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Caller c = identity.getAttribute(CALLER);
        return c == null ? Caller.ANONYMOUS : c;
    }

    static String address(io.quarkus.security.identity.request.AuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        return rc == null || rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
    }

    /** Form login: j_username / j_password. */
    @ApplicationScoped
    public static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
        private final Logins logins;

        Password(Logins logins) {
            this.logins = logins;
        }

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            String address = address(request);
            return context.runBlocking(() -> {
                try {
                    return identity(logins.check(request.getUsername(), new String(request.getPassword().getPassword()),
                            address), null);
                } catch (DomainException e) {
                    throw new AuthenticationFailedException(e.getMessage());
                }
            });
        }
    }

    /** Form session cookie: the account must still exist and be active. */
    @ApplicationScoped
    public static class Session implements IdentityProvider<TrustedAuthenticationRequest> {
        private final AccountRepository accounts;

        Session(AccountRepository accounts) {
            this.accounts = accounts;
        }

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> identity(active(accounts, request.getPrincipal()), null));
        }
    }

    /** Bearer tokens: adds the caller to the identity SmallRye JWT built, from the account as it is now. */
    @ApplicationScoped
    public static class Token implements SecurityIdentityAugmentor {
        private final AccountRepository accounts;

        Token(AccountRepository accounts) {
            this.accounts = accounts;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.isAnonymous() || identity.getAttribute(CALLER) != null
                    || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                return Uni.createFrom().item(identity);
            }
            return context.runBlocking(() -> identity(active(accounts, jwt.getName()), identity));
        }
    }

    static Account active(AccountRepository accounts, String username) {
        Optional<Account> a = accounts.find(username);
        if (a.isEmpty() || a.get().status() != Account.Status.ACTIVE) {
            throw new AuthenticationFailedException("account missing or not active");
        }
        return a.get();
    }
}
