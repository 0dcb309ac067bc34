package cn.duijie.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.token.api.TokenConstants;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.duijie.db.EmbeddedPostgresServer;

/**
 * {@code backup --to DIR} and {@code restore --from DIR} for the embedded engines, with the service stopped.
 * Neo4j Community has no online backup (neo4j-admin's online backup is Enterprise-only, its dump needs the database
 * stopped) and the zonky PostgreSQL ships no pg_dump, so both stores are copied as files after a clean shutdown:
 * the engines are started once (which replays logs after a crash and clears an orphaned PostgreSQL), counted, stopped
 * cleanly, and copied while the data directory stays locked. {@code manifest.json} records the counts; restore
 * checks them after bringing the copy up, for these copies and for the online ones of {@link OnlineBackup} alike. While
 * a service holds the data directory, {@code backup} refuses and points to the online backup (the running service
 * must make it: only it can hold the graph's writes). External servers are backed up with their own tools (README).
 */
public final class BackupCommand {

    static final String MANIFEST = "manifest.json";
    private static final Set<String> SKIP = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "logs");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What a backup holds: the moment it shows, how many rows per table and nodes per label, and how it was made
     * ({@code offline}: this command, service stopped; {@code online}: {@link OnlineBackup}, service running).
     */
    public record Manifest(String createdAt, Map<String, Long> postgresRows, Map<String, Long> neo4jNodes,
                           long neo4jRelationships, String mode) {
    }

    private BackupCommand() {
    }

    /** Entry point for {@code backup --to DIR} and {@code restore --from DIR}; returns the exit status. */
    public static int run(String command, String[] args) {
        if (args.length != 2 || !(args[0].equals(command.equals("backup") ? "--to" : "--from"))) {
            System.err.println("usage: backup --to DIR | restore --from DIR   (with the service stopped)");
            return 2;
        }
        EngineBootstrap.Settings settings = EngineBootstrap.Settings.fromEnvironment();
        if (settings.neo4jUri().isPresent() || settings.dbUrl().isPresent()) {
            System.err.println("NEO4J_URI / DB_URL 指向外部服务器：请用引擎自带工具备份（neo4j-admin database dump、pg_dump），见 README。"
                    + " (external servers: use the engines' own tools)");
            return 2;
        }
        if (command.equals("backup") && heldByService(settings.dataDir())) {
            return 1;
        }
        try {
            Path dir = Path.of(args[1]).toAbsolutePath().normalize();
            Manifest m = command.equals("backup") ? backup(settings, dir) : restore(settings, dir);
            System.out.println((command.equals("backup") ? "备份完成 (backup written to) " : "恢复完成 (restored from) ") + dir);
            System.out.println(JSON.writeValueAsString(m));
            return 0;
        } catch (EngineStartException | IllegalStateException | IOException e) {
            System.err.println((command.equals("backup") ? "备份失败 (backup failed): " : "恢复失败 (restore failed): ") + e.getMessage());
            return 1;
        }
    }

    /** Whether a running service holds the data directory; if so, says how to back it up online instead. */
    private static boolean heldByService(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return false;
        }
        try {
            DataDirectoryLock.acquire(dataDir).close();
            return false;
        } catch (EngineStartException e) {
            System.err.println("备份失败 (backup failed): " + e.getMessage());
            System.err.println(Messages.get("backup.cli.service-running", "curl -X POST -H \"Authorization: Bearer $TOKEN\" "
                    + "http://HOST:PORT/api/v1/admin/backups"));
            return true;
        }
    }

    /** Copies both stores of {@code settings.dataDir()} into {@code target} (which must be empty or absent). */
    public static Manifest backup(EngineBootstrap.Settings settings, Path target) throws IOException {
        if (Files.exists(target) && Files.list(target).findAny().isPresent()) {
            throw new IllegalStateException("目标目录 " + target + " 不是空目录 (target not empty)");
        }
        EngineBootstrap engines = new EngineBootstrap();
        try {
            Manifest manifest = countAndStop(engines, settings);
            Files.createDirectories(target);
            copyTree(settings.dataDir().resolve("neo4j"), target.resolve("neo4j"));
            copyTree(settings.dataDir().resolve("postgres"), target.resolve("postgres"));
            writeManifest(target, manifest);
            return manifest;
        } finally {
            engines.stop();
        }
    }

    /**
     * Replaces the stores of {@code settings.dataDir()} with the backup in {@code source}; the stores it replaces are
     * kept under {@code DATA_DIR/pre-restore-TIME/}. Fails (and says so) if the restored counts differ from the manifest.
     */
    public static Manifest restore(EngineBootstrap.Settings settings, Path source) throws IOException {
        Path manifestFile = source.resolve(MANIFEST);
        if (!Files.exists(manifestFile) || !Files.isDirectory(source.resolve("neo4j")) || !Files.isDirectory(source.resolve("postgres"))) {
            throw new IllegalStateException(source + " 不是 Duijie 备份（缺少 manifest.json、neo4j/ 或 postgres/）(not a Duijie backup)");
        }
        Manifest expected = JSON.readValue(manifestFile.toFile(), Manifest.class);
        Path data = settings.dataDir();
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data)) {
            Path aside = data.resolve("pre-restore-" + OffsetDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            for (String store : List.of("neo4j", "postgres")) {
                if (Files.exists(data.resolve(store))) {
                    Files.createDirectories(aside);
                    Files.move(data.resolve(store), aside.resolve(store));
                }
                copyTree(source.resolve(store), data.resolve(store));
            }
        }
        EngineBootstrap engines = new EngineBootstrap();
        try {
            Manifest restored = countAndStop(engines, settings);
            if (!restored.postgresRows().equals(expected.postgresRows()) || !restored.neo4jNodes().equals(expected.neo4jNodes())
                    || restored.neo4jRelationships() != expected.neo4jRelationships()) {
                throw new IllegalStateException("恢复后的数量与备份清单不符 (counts differ): " + restored + " vs " + expected);
            }
            return restored;
        } finally {
            engines.stop();
        }
    }

    private static Manifest countAndStop(EngineBootstrap engines, EngineBootstrap.Settings settings) {
        Map<String, String> props = engines.start(settings);
        try (Connection c = DriverManager.getConnection(props.get("quarkus.datasource.jdbc.url"), EmbeddedPostgresServer.USER, "")) {
            var db = engines.neo4j().orElseThrow().database();
            return new Manifest(OffsetDateTime.now(ZoneOffset.UTC).toString(), rowsPerTable(c), nodesPerLabel(db),
                    relationships(db), "offline");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL 计数失败: " + e.getMessage(), e);
        } finally {
            engines.stopEngines();
        }
    }

    /** Nodes per label, from Neo4j's count store (no scan, no query planning: an online backup counts inside its pause). */
    static Map<String, Long> nodesPerLabel(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
            Map<String, Long> nodes = new TreeMap<>();
            ktx.tokenRead().labelsGetAllTokens().forEachRemaining(label -> {
                long n = ktx.dataRead().countsForNode(label.id());
                if (n > 0) {
                    nodes.put(label.name(), n);
                }
            });
            return nodes;
        }
    }

    static long relationships(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            return ((InternalTransaction) tx).kernelTransaction().dataRead()
                    .countsForRelationship(TokenConstants.ANY_LABEL, TokenConstants.ANY_RELATIONSHIP_TYPE, TokenConstants.ANY_LABEL);
        }
    }

    /** Rows per table of the public schema, as the connection's transaction sees them. */
    static Map<String, Long> rowsPerTable(Connection c) throws java.sql.SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM public.\"" + t.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    rows.put(t, rs.getLong(1));
                }
            }
        }
        return rows;
    }

    static void writeManifest(Path target, Manifest manifest) throws IOException {
        JSON.writeValue(target.resolve(MANIFEST).toFile(), manifest);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        StoreFiles.mirror(from, to, StoreFiles.named(SKIP), Long.MAX_VALUE);
    }

}
