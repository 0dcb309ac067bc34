package cn.duijie.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.Actor;
import cn.duijie.common.CreditCode;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.common.Problem;
import cn.duijie.graph.Graph;

/** Creating, listing and changing accounts, with who may do it (ADMIN anything; bureau staff within their region). */
@ApplicationScoped
public class AccountService {

    private static final Duration GRAPH_WAIT = Duration.ofSeconds(15);

    private final AccountRepository accounts;
    private final AccessPolicy access;
    private final AccountConfig config;
    private final Graph graph;

    AccountService(AccountRepository accounts, AccessPolicy access, AccountConfig config, Graph graph) {
        this.accounts = accounts;
        this.access = access;
        this.config = config;
        this.graph = graph;
    }

    /** Creates an account (blocking: call on a worker thread). */
    public Account create(Caller by, AccountApi.NewAccount req) {
        String username = req.username().strip().toLowerCase();
        Passwords.check("password", req.password(), config.minPasswordLength());
        Account a = validated(req, username, Passwords.hash(req.password()), Account.Status.ACTIVE, null, by.username());
        authorize(by, a);
        if (!accounts.insert(a)) {
            throw DomainException.conflict(Messages.get("account.username-taken", username));
        }
        return accounts.find(username).orElseThrow();
    }

    /** Accounts the caller may see: all for ADMIN, its region's for bureau staff. */
    public Page<Account> list(Caller by, Role role, int page, int size) {
        String prefix = by.is(Role.ADMIN) ? null : Regions.prefix(by.regionCode());
        List<Account> all = accounts.list(role, null, null, 0, 100_000).stream()
                .filter(a -> prefix == null || visibleTo(by, a)).toList();
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
    }

    public Account patch(Caller by, String username, AccountApi.AccountPatch patch) {
        Account a = accounts.find(username).filter(x -> visibleTo(by, x))
                .orElseThrow(() -> DomainException.notFound(Messages.get("account.not-found", username)));
        authorize(by, a);
        if (patch.password() != null) {
            Passwords.check("password", patch.password(), config.minPasswordLength());
            accounts.setPassword(a.username(), Passwords.hash(patch.password()), a.activationCodeHash() != null);
            accounts.clearFailures("user:" + a.username());
        }
        if (patch.displayName() != null && !patch.displayName().isBlank()) {
            accounts.setDisplayName(a.username(), patch.displayName().strip());
        }
        if (patch.status() != null) {
            if (a.username().equals(by.username()) && patch.status() != Account.Status.ACTIVE) {
                throw DomainException.conflict(Messages.get("account.not-self"));
            }
            accounts.setStatus(a.username(), patch.status());
            if (patch.status() == Account.Status.ACTIVE) {
                accounts.clearFailures("user:" + a.username());
            }
        }
        return accounts.find(a.username()).orElseThrow();
    }

    /** Bureau staff see accounts of parties and bureaus in their region; ADMIN all. */
    boolean visibleTo(Caller by, Account a) {
        if (by.is(Role.ADMIN)) {
            return true;
        }
        if (!by.is(Role.BUREAU) || a.role() == Role.ADMIN) {
            return false;
        }
        return a.regionCode() != null && Regions.covers(by.regionCode(), a.regionCode());
    }

    private void authorize(Caller by, Account a) {
        if (by.is(Role.ADMIN)) {
            return;
        }
        if (!by.is(Role.BUREAU) || a.role() == Role.ADMIN || a.regionCode() == null
                || !Regions.covers(by.regionCode(), a.regionCode())) {
            throw AccessPolicy.forbidden(Messages.get("account.not-your-region"));
        }
    }

    /** Checks role-specific fields against the graph; the account's region is its party's region. */
    Account validated(AccountApi.NewAccount req, String username, String hash, Account.Status status,
                      String activationHash, String createdBy) {
        String key = req.partyKey() == null || req.partyKey().isBlank() ? null : req.partyKey().strip();
        String region = req.regionCode() == null || req.regionCode().isBlank() ? null : req.regionCode().strip();
        String department = null;
        switch (req.role()) {
            case ENTERPRISE, INSTITUTION, INVESTOR -> {
                if (key == null) {
                    throw DomainException.invalid("partyKey", Messages.get("account.party-required"));
                }
                if (req.role() == Role.ENTERPRISE) {
                    key = key.toUpperCase();
                    String reason = CreditCode.explain(key);
                    if (reason != null) {
                        throw DomainException.invalid("partyKey", reason);
                    }
                }
                Actor.Type type = Actor.Type.valueOf(req.role().name());
                Optional<String> partyRegion = access.regionOf(new Actor(type, key)).await().atMost(GRAPH_WAIT);
                if (partyRegion.isEmpty()) {
                    throw DomainException.unprocessable(Messages.get("account.party-unknown", key),
                            List.of(new Problem.FieldError("partyKey", Messages.get("account.party-unknown", key))));
                }
                region = partyRegion.get();
            }
            case BUREAU -> {
                if (region == null) {
                    throw DomainException.invalid("regionCode", Messages.get("account.region-required"));
                }
                long n = graph.read("MATCH (r:Region {code: $code}) RETURN count(r) AS n", Map.of("code", region))
                        .await().atMost(GRAPH_WAIT).get(0).get("n").asLong();
                if (n == 0) {
                    throw DomainException.unprocessable(Messages.get("account.region-unknown", region),
                            List.of(new Problem.FieldError("regionCode", Messages.get("account.region-unknown", region))));
                }
                if (req.department() == null || !Account.DEPARTMENTS.contains(req.department().strip())) {
                    throw DomainException.invalid("department", Messages.get("account.department", String.join(" / ", Account.DEPARTMENTS)));
                }
                department = req.department().strip();
                key = null;
            }
            case ADMIN -> {
                key = null;
                region = null;
            }
        }
        return new Account(username, hash, req.displayName().strip(), req.role(), key, region, department, status,
                activationHash, createdBy, null, null);
    }
}
