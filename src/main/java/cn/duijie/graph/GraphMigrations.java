package cn.duijie.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import io.quarkus.runtime.util.ClassPathUtils;

/**
 * Applies the Neo4j schema files in src/main/resources/neo4j/migrations (V0001__name.cypher, in version order),
 * recording each applied version and checksum as a :__Neo4jMigration node, in the file layout Neo4j-Migrations uses
 * (its parent POM is not served by the registry these machines reach, so the library itself cannot be resolved).
 * The files are found by listing that folder; a lock node with a unique constraint lets only one replica migrate at a
 * time (the others fail, and StartupTasks retries them until the lock is free and everything is applied).
 */
@ApplicationScoped
public class GraphMigrations {

    static final String FOLDER = "neo4j/migrations";
    private static final Pattern FILE = Pattern.compile("V(\\d+)__[\\w.-]+\\.cypher");
    /** A lock older than this belongs to a replica that died while migrating. */
    private static final Duration STALE_LOCK = Duration.ofMinutes(10);

    private static final Logger LOG = Logger.getLogger(GraphMigrations.class);

    private final Driver driver;
    private final String owner = UUID.randomUUID().toString();
    private volatile String appliedVersion;

    GraphMigrations(Driver driver) {
        this.driver = driver;
    }

    /** The newest applied version, or null while migrations have not completed. */
    public String appliedVersion() {
        return appliedVersion;
    }

    /** The migration files of the folder, in version order; a file not named V<version>__<name>.cypher is an error. */
    public static List<String> files() {
        List<String> names = new ArrayList<>();
        try {
            ClassPathUtils.consumeAsPaths(Thread.currentThread().getContextClassLoader(), FOLDER, dir -> {
                try (Stream<Path> list = Files.list(dir)) {
                    list.map(f -> f.getFileName().toString()).forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ordered(names);
    }

    static List<String> ordered(List<String> names) {
        List<String> bad = names.stream().filter(n -> !FILE.matcher(n).matches()).toList();
        if (!bad.isEmpty()) {
            throw new IllegalStateException("Files in " + FOLDER + " not named V<version>__<name>.cypher: " + bad);
        }
        List<String> sorted = names.stream().distinct()
                .sorted(Comparator.comparingLong(GraphMigrations::versionNumber)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (versionNumber(sorted.get(i)) == versionNumber(sorted.get(i - 1))) {
                throw new IllegalStateException("Two Neo4j migrations share a version: " + sorted.get(i - 1) + ", " + sorted.get(i));
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalStateException("No Neo4j migrations found in " + FOLDER);
        }
        return sorted;
    }

    static long versionNumber(String file) {
        Matcher m = FILE.matcher(file);
        if (!m.matches()) {
            throw new IllegalArgumentException(file);
        }
        return Long.parseLong(m.group(1));
    }

    public void migrate() {
        List<String> files = files();
        try (Session session = driver.session()) {
            session.run("CREATE CONSTRAINT graph_migration_lock IF NOT EXISTS FOR (l:__Neo4jMigrationLock) REQUIRE l.name IS UNIQUE")
                    .consume();
            lock(session);
            try {
                String last = null;
                for (String file : files) {
                    last = apply(session, file);
                }
                session.run("CALL db.awaitIndexes(300)").consume();
                appliedVersion = last;
            } finally {
                session.run("MATCH (l:__Neo4jMigrationLock {name: 'graph'}) WHERE l.owner = $owner DELETE l",
                        Map.of("owner", owner)).consume();
            }
        }
    }

    /** Takes the migration lock or throws when another replica holds it. */
    private void lock(Session session) {
        String holder = session.executeWrite(tx -> tx.run("""
                MERGE (l:__Neo4jMigrationLock {name: 'graph'})
                ON CREATE SET l.owner = $owner, l.lockedAt = datetime()
                WITH l
                CALL (l) {
                  WITH l WHERE l.owner <> $owner AND l.lockedAt < datetime() - duration({seconds: $staleSeconds})
                  SET l.owner = $owner, l.lockedAt = datetime()
                }
                RETURN l.owner AS owner
                """, Map.of("owner", owner, "staleSeconds", STALE_LOCK.toSeconds())).single().get("owner").asString());
        if (!holder.equals(owner)) {
            throw new IllegalStateException("another replica (" + holder + ") is migrating the Neo4j schema; waiting for it");
        }
    }

    private String apply(Session session, String file) {
        String version = file.substring(1, file.indexOf("__"));
        String text = read(file);
        String checksum = sha256(text);
        var existing = session.run("MATCH (m:__Neo4jMigration {version: $v}) RETURN m.checksum AS c", Map.of("v", version)).list();
        if (!existing.isEmpty()) {
            String recorded = existing.get(0).get("c").asString();
            if (!recorded.equals(checksum)) {
                throw new IllegalStateException("Neo4j migration " + file + " changed after it was applied; add a new migration instead");
            }
            return version;
        }
        for (String statement : statements(text)) {
            session.run(statement).consume();
        }
        session.run("MERGE (m:__Neo4jMigration {version: $v}) SET m.file = $f, m.checksum = $c, m.appliedAt = datetime()",
                Map.of("v", version, "f", file, "c", checksum)).consume();
        LOG.infof("Applied Neo4j migration %s", file);
        return version;
    }

    static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    static String read(String file) {
        try (InputStream in = GraphMigrations.class.getResourceAsStream("/" + FOLDER + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing Neo4j migration " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
