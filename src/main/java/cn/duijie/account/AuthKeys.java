package cn.duijie.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.jwt.util.KeyUtils;

/**
 * Keys for tokens and session cookies, generated into {@code <data-dir>/keys} on first start (before Quarkus reads its
 * configuration) unless configured: RSA key pair for SmallRye JWT (sign and verify), and the form-login cookie
 * encryption key. Replicas that must accept each other's tokens and cookies share the folder or the settings
 * ({@code SMALLRYE_JWT_SIGN_KEY_LOCATION}, {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION},
 * {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY}).
 */
public final class AuthKeys {

    static final String SIGN_KEY = "smallrye.jwt.sign.key.location";
    static final String VERIFY_KEY = "mp.jwt.verify.publickey.location";
    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

    private AuthKeys() {
    }

    /** Generates what is missing; returns the session-key property unless it is configured already. */
    public static Map<String, String> prepare(Path dataDir) {
        Map<String, String> props = new LinkedHashMap<>();
        Path dir = dataDir.resolve("keys");
        try {
            Files.createDirectories(dir);
            if (!configured(SIGN_KEY) && !configured(VERIFY_KEY)) {
                Path priv = dir.resolve("jwt-private.pem");
                Path pub = dir.resolve("jwt-public.pem");
                if (!Files.exists(priv) || !Files.exists(pub)) {
                    KeyPair pair = KeyUtils.generateKeyPair(2048);
                    writeSecret(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                    writeSecret(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                }
                // application.properties points both locations at <data-dir>/keys (set at build time, so the
                // test/dev-mode in-memory key pair of quarkus-smallrye-jwt stays off)
            }
            if (!configured(SESSION_KEY)) {
                Path session = dir.resolve("session.key");
                if (!Files.exists(session)) {
                    writeSecret(session, Passwords.random(48));
                }
                props.put(SESSION_KEY, Files.readString(session, StandardCharsets.US_ASCII).strip());
            }
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean configured(String property) {
        String env = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        return notBlank(System.getProperty(property)) || notBlank(System.getenv(env));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
