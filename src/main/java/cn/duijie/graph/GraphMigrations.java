package cn.duijie.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Applies the Neo4j schema files in src/main/resources/neo4j/migrations (V0001__name.cypher, in version order),
 * recording each applied version and checksum as a :__Neo4jMigration node, in the file layout Neo4j-Migrations uses
 * (its parent POM is not served by the registry these machines reach, so the library itself cannot be resolved).
 */
@ApplicationScoped
public class GraphMigrations {

    /** Every migration file, in order. GraphMigrationsFilesTest checks the folder holds exactly these. */
    public static final List<String> FILES = List.of(
            "V0001__unique_keys.cypher",
            "V0002__fulltext_and_lookup_indexes.cypher");

    private static final Logger LOG = Logger.getLogger(GraphMigrations.class);

    private final Driver driver;
    private volatile String appliedVersion;

    GraphMigrations(Driver driver) {
        this.driver = driver;
    }

    /** The newest applied version, or null while migrations have not completed. */
    public String appliedVersion() {
        return appliedVersion;
    }

    public void migrate() {
        try (Session session = driver.session()) {
            String last = null;
            for (String file : FILES) {
                String version = file.substring(1, file.indexOf("__"));
                String text = read(file);
                String checksum = sha256(text);
                var existing = session.run("MATCH (m:__Neo4jMigration {version: $v}) RETURN m.checksum AS c",
                        Map.of("v", version)).list();
                if (!existing.isEmpty()) {
                    String recorded = existing.get(0).get("c").asString();
                    if (!recorded.equals(checksum)) {
                        throw new IllegalStateException("Neo4j migration " + file
                                + " changed after it was applied; add a new migration instead");
                    }
                } else {
                    for (String statement : statements(text)) {
                        session.run(statement).consume();
                    }
                    session.run("MERGE (m:__Neo4jMigration {version: $v}) SET m.file = $f, m.checksum = $c, "
                            + "m.appliedAt = datetime()", Map.of("v", version, "f", file, "c", checksum)).consume();
                    LOG.infof("Applied Neo4j migration %s", file);
                }
                last = version;
            }
            session.run("CALL db.awaitIndexes(300)").consume();
            appliedVersion = last;
        }
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
        try (InputStream in = GraphMigrations.class.getResourceAsStream("/neo4j/migrations/" + file)) {
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
