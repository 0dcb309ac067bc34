package cn.duijie.account;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;

/** Signed bearer tokens (SmallRye JWT, RS256 with the key from {@link AuthKeys}). */
@ApplicationScoped
public class TokenService {

    private final AccountConfig config;

    TokenService(AccountConfig config) {
        this.config = config;
    }

    public record Token(String accessToken, String tokenType, long expiresIn) {
    }

    public Token issue(Account a) {
        return issue(a, config.tokenLifetime());
    }

    /** A token for an account with a given lifetime (tests use a negative one to get an expired token). */
    public Token issue(Account a, Duration lifetime) {
        long now = System.currentTimeMillis() / 1000;
        String jwt = Jwt.issuer(config.tokenIssuer())
                .upn(a.username())
                .subject(a.username())
                .groups(Set.of(a.role().name()))
                .issuedAt(now)
                .expiresAt(now + lifetime.toSeconds())
                .sign();
        return new Token(jwt, "Bearer", Math.max(0, lifetime.toSeconds()));
    }
}
