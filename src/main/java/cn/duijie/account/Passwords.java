package cn.duijie.account;

import java.security.SecureRandom;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Password hashing and rules: BCrypt from Quarkus Elytron (no crypto of our own), minimum length. */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** Checked against when the username is unknown, so both cases cost the same time. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such account, same cost");

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public static boolean matches(String password, String hash) {
        if (hash == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    public static void check(String field, String password, int minLength) {
        if (password == null || password.length() < minLength) {
            throw DomainException.invalid(field, Messages.get("account.password-too-short", minLength));
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            // BCrypt uses only the first 72 bytes
            throw DomainException.invalid(field, Messages.get("account.password-too-long", 72));
        }
    }

    /** A random secret for a generated admin password or an activation code. */
    public static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
