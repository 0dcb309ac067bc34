package cn.duijie.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The account and login_throttle tables. JDBC on purpose: every credential check runs on a worker thread (BCrypt is
 * slow by design) and the start-up bootstrap on a plain thread, where Hibernate Reactive has no Vert.x context.
 */
@ApplicationScoped
public class AccountRepository {

    private static final String COLUMNS = "username, password_hash, display_name, role, party_key, region_code, "
            + "department, status, activation_code_hash, created_by, created_at, last_login_at";

    private final DataSource dataSource;

    AccountRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return query("SELECT " + COLUMNS + " FROM account WHERE username = ?", username.strip().toLowerCase())
                .stream().findFirst();
    }

    /** Accounts, optionally of one role and of regions whose code starts with a prefix (a city's districts). */
    public List<Account> list(Role role, String regionPrefix, String partyKey, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM account WHERE true");
        List<Object> args = new ArrayList<>();
        if (role != null) {
            sql.append(" AND role = ?");
            args.add(role.name());
        }
        if (partyKey != null) {
            sql.append(" AND party_key = ?");
            args.add(partyKey);
        }
        if (regionPrefix != null) {
            sql.append(" AND region_code LIKE ?");
            args.add(regionPrefix + "%");
        }
        sql.append(" ORDER BY username OFFSET ? LIMIT ?");
        args.add(offset);
        args.add(limit);
        return query(sql.toString(), args.toArray());
    }

    /** Inserts; false when the username is taken. */
    public boolean insert(Account a) {
        String sql = "INSERT INTO account (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,now(),NULL) "
                + "ON CONFLICT (username) DO NOTHING";
        return update(sql, a.username(), a.passwordHash(), a.displayName(), a.role().name(), a.partyKey(),
                a.regionCode(), a.department(), a.status().name(), a.activationCodeHash(), a.createdBy()) == 1;
    }

    public void recordLogin(String username) {
        update("UPDATE account SET last_login_at = now() WHERE username = ?", username);
    }

    public boolean setStatus(String username, Account.Status status) {
        return update("UPDATE account SET status = ?, updated_at = now() WHERE username = ?", status.name(), username) == 1;
    }

    /** New password (and, when activating, the account becomes ACTIVE and the activation code is spent). */
    public boolean setPassword(String username, String hash, boolean activate) {
        String sql = activate
                ? "UPDATE account SET password_hash = ?, activation_code_hash = NULL, status = 'ACTIVE', updated_at = now() WHERE username = ?"
                : "UPDATE account SET password_hash = ?, updated_at = now() WHERE username = ?";
        return update(sql, hash, username) == 1;
    }

    public boolean setActivationCode(String username, String hash) {
        return update("UPDATE account SET activation_code_hash = ?, status = 'LOCKED', updated_at = now() WHERE username = ?",
                hash, username) == 1;
    }

    public boolean setDisplayName(String username, String displayName) {
        return update("UPDATE account SET display_name = ?, updated_at = now() WHERE username = ?", displayName, username) == 1;
    }

    // ---- login throttle -----------------------------------------------------------------------------------------

    /** When a key is cooling off, until when. */
    public Optional<OffsetDateTime> blockedUntil(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT blocked_until FROM login_throttle WHERE throttle_key = ? AND blocked_until > now()")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(time(rs.getTimestamp(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts a failure in one statement (safe with concurrent attempts): a count older than the window starts over;
     * reaching {@code max} blocks the key for {@code coolOff} and starts the count again.
     */
    public void recordFailure(String key, int max, Duration window, Duration coolOff) {
        update("""
                INSERT INTO login_throttle AS t (throttle_key, failures, first_failure, blocked_until)
                VALUES (?, 1, now(), CASE WHEN 1 >= ? THEN now() + ? * interval '1 second' END)
                ON CONFLICT (throttle_key) DO UPDATE SET
                  failures = CASE WHEN t.first_failure < now() - ? * interval '1 second' THEN 1
                                  WHEN t.failures + 1 >= ? THEN 0 ELSE t.failures + 1 END,
                  first_failure = CASE WHEN t.first_failure < now() - ? * interval '1 second' THEN now() ELSE t.first_failure END,
                  blocked_until = CASE WHEN t.first_failure >= now() - ? * interval '1 second' AND t.failures + 1 >= ?
                                       THEN now() + ? * interval '1 second' ELSE t.blocked_until END
                """, key, max, coolOff.toSeconds(), window.toSeconds(), max, window.toSeconds(), window.toSeconds(), max,
                coolOff.toSeconds());
    }

    public void clearFailures(String key) {
        update("DELETE FROM login_throttle WHERE throttle_key = ?", key);
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    private List<Account> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<Account> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Account(rs.getString(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6), rs.getString(7), Account.Status.valueOf(rs.getString(8)),
                            rs.getString(9), rs.getString(10), time(rs.getTimestamp(11)), time(rs.getTimestamp(12))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
