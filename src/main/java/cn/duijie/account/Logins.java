package cn.duijie.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;

/**
 * The one credential check behind both ways in (form login and the token endpoint): BCrypt, cooling off after
 * repeated failures per account and per address, and answers that never tell whether a username exists.
 * Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class Logins {

    private static final Logger LOG = Logger.getLogger(Logins.class);

    private final AccountRepository accounts;
    private final AccountConfig config;

    Logins(AccountRepository accounts, AccountConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    /** The account for a right username and password, or a 401/429 problem. */
    public Account check(String username, String password, String address) {
        String name = username == null ? "" : username.strip().toLowerCase();
        String userKey = "user:" + name;
        String addressKey = "addr:" + (address == null ? "-" : address);
        refuseWhileCoolingOff(userKey, addressKey);
        Optional<Account> account = accounts.find(name);
        boolean right = Passwords.matches(password == null ? "" : password, account.map(Account::passwordHash).orElse(null));
        if (!right) {
            recordFailure(userKey, addressKey);
            LOG.infof("Failed login for '%s' from %s", name, address);
            throw wrongCredentials();
        }
        Account a = account.get();
        if (a.status() != Account.Status.ACTIVE) {
            throw new DomainException(401, "account-" + a.status().name().toLowerCase(), Messages.get("problem.unauthenticated"),
                    Messages.get("login.account-" + a.status().name().toLowerCase()), List.of());
        }
        accounts.clearFailures(userKey);
        accounts.recordLogin(a.username());
        return a;
    }

    /**
     * Spends a one-time activation code (from a clerk's bulk import): sets the password and makes the LOCKED account
     * ACTIVE. A wrong code counts as a failed login (same cooling off, same answer whether or not the user exists).
     */
    public Account activate(String username, String code, String newPassword, String address) {
        String name = username == null ? "" : username.strip().toLowerCase();
        String userKey = "user:" + name;
        String addressKey = "addr:" + (address == null ? "-" : address);
        refuseWhileCoolingOff(userKey, addressKey);
        Passwords.check("password", newPassword, config.minPasswordLength());
        Optional<Account> account = accounts.find(name);
        boolean right = Passwords.matches(code == null ? "" : code.strip(), account.map(Account::activationCodeHash).orElse(null));
        if (!right) {
            recordFailure(userKey, addressKey);
            throw new DomainException(401, "wrong-activation-code", Messages.get("problem.unauthenticated"),
                    Messages.get("login.wrong-activation-code"), List.of());
        }
        accounts.setPassword(name, Passwords.hash(newPassword), true);
        accounts.clearFailures(userKey);
        return accounts.find(name).orElseThrow();
    }

    /** 429 while the account or the address is cooling off after repeated failures. */
    private void refuseWhileCoolingOff(String userKey, String addressKey) {
        Optional<OffsetDateTime> blocked = accounts.blockedUntil(userKey).or(() -> accounts.blockedUntil(addressKey));
        if (blocked.isPresent()) {
            long minutes = Math.max(1, Duration.between(OffsetDateTime.now(), blocked.get()).toSeconds() / 60 + 1);
            throw new DomainException(429, "login-cooling-off", Messages.get("problem.too-many-logins"),
                    Messages.get("login.cooling-off", minutes), List.of());
        }
    }

    /** One failed attempt against both the account and the address. */
    private void recordFailure(String userKey, String addressKey) {
        Duration window = config.throttle().window();
        accounts.recordFailure(userKey, config.throttle().maxFailures(), window, config.throttle().coolOff());
        accounts.recordFailure(addressKey, config.throttle().maxFailuresPerAddress(), window, config.throttle().coolOff());
    }

    public static DomainException wrongCredentials() {
        return new DomainException(401, "wrong-credentials", Messages.get("problem.unauthenticated"),
                Messages.get("login.wrong-credentials"), List.of());
    }
}
