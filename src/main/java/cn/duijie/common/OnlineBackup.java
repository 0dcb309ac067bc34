package cn.duijie.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import cn.duijie.db.EmbeddedPostgresServer;
import cn.duijie.graph.EmbeddedNeo4j;

/**
 * A backup of the running embedded engines that {@code restore --from DIR} brings back: one moment of both stores,
 * taken while the service keeps answering; writes wait for a short pause, reads never do.
 * <p>
 * Neither engine alone gives a copy consistent with the other, so both are copied inside one pause of every write:
 * <ol>
 * <li>Writes going on: Neo4j writes a check point and its folder is copied; PostgreSQL's documented low-level base
 * backup starts ({@code pg_backup_start}, fast check point) and its data folder is copied (the zonky binaries ship
 * no pg_basebackup or pg_dump; a base backup may be copied while the server writes, the WAL repairs it).</li>
 * <li>Pause: every user table is locked {@code IN EXCLUSIVE MODE} (reads go on; {@code NOWAIT} and retry, so the
 * pause never waits while holding a lock a writer needs) and then the Neo4j write gate closes (it holds every graph
 * commit, whichever code path makes it; commits under way finish first). In that order because the outbox relay
 * writes the graph between PostgreSQL statements, never inside a PostgreSQL transaction that waits for the graph.
 * While nothing can commit: Neo4j counts, a second check point, and a second pass copies only the files changed since
 * the first; PostgreSQL exports its snapshot for the counts, {@code pg_backup_stop} gives the {@code backup_label}
 * and the WAL from the backup's start is copied. Then both are released.</li>
 * <li>The PostgreSQL rows are counted in the exported snapshot (the paused moment) after the pause, and
 * {@code manifest.json} is written last: a folder without it is not a backup.</li>
 * </ol>
 * The copy is what both engines would hold after a power cut at that moment, cleanly check-pointed: PostgreSQL
 * replays the copied WAL to the paused moment when it starts on it, Neo4j needs no recovery. Cross-store writes are
 * already crash-safe (the outbox; the graph change feed is read again in full at start), so the copy is too.
 */
public final class OnlineBackup {

    private static final Logger LOG = Logger.getLogger(OnlineBackup.class);
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");
    /** Left out of a PostgreSQL base backup (PostgreSQL manual, "Making a Base Backup Using the Low Level API"). */
    private static final Set<String> PG_EMPTY_FOLDERS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> PG_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init",
            "backup_label", "tablespace_map", "epg-lock");
    private static final Set<String> NEO4J_LEFT_OUT = Set.of("logs");

    /** A finished backup: where, what, how long the writes were held and how long it took in all. */
    public record Report(Path directory, BackupCommand.Manifest manifest, long pauseMillis, long tookMillis, long bytes) {
    }

    /** The backup could not start or pause now (another backup, writers holding locks); nothing was kept. */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private OnlineBackup() {
    }

    /**
     * Backs up the running engines into {@code target} (absent or empty). {@code pauseWait}: how long to try for the
     * pause (locks and commits under way) before giving up with {@link Busy}.
     */
    public static Report run(EngineBootstrap engines, Path target, Duration pauseWait) throws IOException, SQLException, InterruptedException {
        EmbeddedNeo4j neo4j = engines.neo4j().filter(EmbeddedNeo4j::isRunning)
                .orElseThrow(() -> new IllegalStateException("no embedded Neo4j runs in this process"));
        EngineBootstrap.EmbeddedPostgresPlace pg = engines.postgres()
                .orElseThrow(() -> new IllegalStateException("no embedded PostgreSQL runs in this process"));
        if (!ONE_AT_A_TIME.tryLock()) {
            throw new Busy(Messages.get("backup.busy.running"));
        }
        boolean kept = false;
        try {
            if (Files.exists(target) && Files.list(target).findAny().isPresent()) {
                throw new IllegalStateException(Messages.get("backup.target-not-empty", target));
            }
            Files.createDirectories(target);
            Report report = copy(neo4j, pg, target, pauseWait);
            kept = true;
            return report;
        } finally {
            if (!kept && Files.exists(target)) {
                deleteQuietly(target);
            }
            ONE_AT_A_TIME.unlock();
        }
    }

    private static Report copy(EmbeddedNeo4j neo4j, EngineBootstrap.EmbeddedPostgresPlace pg, Path target, Duration pauseWait)
            throws IOException, SQLException, InterruptedException {
        long began = System.nanoTime();
        Path neo4jCopy = target.resolve("neo4j");
        Path pgCopy = target.resolve("postgres");
        Predicate<Path> neo4jSkip = StoreFiles.named(NEO4J_LEFT_OUT);
        Predicate<Path> pgSkip = p -> PG_LEFT_OUT.contains(p.getFileName().toString())
                || p.getFileName().toString().startsWith("pgsql_tmp")
                || Files.isDirectory(p) && PG_EMPTY_FOLDERS.contains(p.getFileName().toString()) && p.getParent().equals(pg.dataDir());
        try (Connection backup = connect(pg); Connection locker = connect(pg); Connection counter = connect(pg)) {
            // 1. writes going on
            neo4j.checkpoint();
            long firstPass = System.currentTimeMillis();
            long bytes = StoreFiles.mirror(neo4j.home(), neo4jCopy, neo4jSkip, Long.MAX_VALUE).bytes();
            String startSegment;
            try (PreparedStatement st = backup.prepareStatement("SELECT pg_walfile_name(pg_backup_start(?, true))")) {
                st.setString(1, "duijie " + target.getFileName());
                startSegment = single(st.executeQuery());
            }
            bytes += StoreFiles.mirror(pg.dataDir(), pgCopy, pgSkip, Long.MAX_VALUE).bytes();

            // 2. the pause
            long deadline = System.nanoTime() + pauseWait.toNanos();
            long paused = System.nanoTime();
            lockEveryTable(locker, deadline);
            StringBuilder phases = new StringBuilder().append("tables locked ").append(since(paused));
            Map<String, Long> nodes;
            long relationships;
            long pauseMillis;
            String pausedAt;
            try {
                Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(1).toNanos()));
                try (EmbeddedNeo4j.WritePause graphPause = pauseGraph(neo4j, left)) {
                    pausedAt = OffsetDateTime.now(ZoneOffset.UTC).toString();
                    phases.append(", graph gate closed ").append(since(paused));
                    nodes = BackupCommand.nodesPerLabel(neo4j.database());
                    relationships = BackupCommand.relationships(neo4j.database());
                    phases.append(", graph counted ").append(since(paused));
                    neo4j.checkpoint();
                    phases.append(", check-pointed ").append(since(paused));
                    // 2 s: files written just before the first pass may carry the same coarse time stamp as its copy
                    StoreFiles.Copied again = StoreFiles.mirror(neo4j.home(), neo4jCopy, neo4jSkip, firstPass - 2000);
                    bytes += again.bytes();
                    phases.append(", Neo4j files copied again (").append(again.files()).append(", ")
                            .append(again.bytes() >> 20).append(" MB) ").append(since(paused));
                    String snapshot;
                    try (Statement st = locker.createStatement()) {
                        snapshot = single(st.executeQuery("SELECT pg_export_snapshot()"));
                    }
                    counter.setAutoCommit(false);
                    counter.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    try (Statement st = counter.createStatement()) {
                        st.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
                    }
                    String stopSegment;
                    try (Statement st = backup.createStatement(); ResultSet rs = st.executeQuery(
                            "SELECT labelfile, spcmapfile, pg_walfile_name(lsn) FROM pg_backup_stop(false)")) {
                        rs.next();
                        Files.writeString(pgCopy.resolve("backup_label"), rs.getString(1), StandardCharsets.UTF_8);
                        String map = rs.getString(2);
                        if (map != null && !map.isEmpty()) {
                            Files.writeString(pgCopy.resolve("tablespace_map"), map, StandardCharsets.UTF_8);
                        }
                        stopSegment = rs.getString(3);
                    }
                    long wal = copyWal(pg.dataDir().resolve("pg_wal"), pgCopy.resolve("pg_wal"), startSegment, stopSegment);
                    bytes += wal;
                    phases.append(", PostgreSQL backup stopped and WAL copied (").append(wal >> 20).append(" MB) ").append(since(paused));
                }
            } finally {
                locker.rollback();
                pauseMillis = (System.nanoTime() - paused) / 1_000_000;
            }

            // 3. after the pause
            Map<String, Long> rows = BackupCommand.rowsPerTable(counter);
            counter.commit();
            BackupCommand.Manifest manifest = new BackupCommand.Manifest(pausedAt, rows, nodes, relationships, "online");
            BackupCommand.writeManifest(target, manifest);
            long took = (System.nanoTime() - began) / 1_000_000;
            LOG.infof("Online backup written to %s: %d MB, writes paused %d ms (%s), %d ms in all",
                    target, bytes >> 20, pauseMillis, phases, took);
            return new Report(target, manifest, pauseMillis, took, bytes);
        }
    }

    /** Locks every user table against writes (reads go on), retrying NOWAIT until {@code deadline}. */
    private static void lockEveryTable(Connection c, long deadline) throws SQLException, InterruptedException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
                WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        String lock = "LOCK TABLE " + String.join(", ", tables) + " IN EXCLUSIVE MODE NOWAIT";
        while (true) {
            try (Statement st = c.createStatement()) {
                st.execute(lock);
                return;
            } catch (SQLException e) {
                c.rollback();
                if (!"55P03".equals(e.getSQLState())) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new Busy(Messages.get("backup.busy.postgres"));
                }
                Thread.sleep(5);
            }
        }
    }

    /**
     * Copies the WAL segments from the backup's first to its last (and the timeline histories): replay needs no more,
     * and later names are recycled segments holding nothing of this backup.
     */
    private static long copyWal(Path wal, Path copy, String startSegment, String stopSegment) throws IOException {
        Files.createDirectories(copy.resolve("archive_status"));
        if (Files.isDirectory(wal.resolve("summaries"))) {
            Files.createDirectories(copy.resolve("summaries"));
        }
        long bytes = 0;
        try (var files = Files.list(wal)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                boolean segment = WAL_SEGMENT.matcher(name).matches() && name.compareTo(startSegment) >= 0
                        && name.compareTo(stopSegment) <= 0;
                if (segment || name.endsWith(".history")) {
                    Files.copy(f, copy.resolve(name), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    bytes += Files.size(f);
                }
            }
        }
        return bytes;
    }

    private static String since(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000 + " ms";
    }

    private static EmbeddedNeo4j.WritePause pauseGraph(EmbeddedNeo4j neo4j, Duration wait) throws InterruptedException {
        try {
            return neo4j.pauseWrites(wait);
        } catch (IllegalStateException e) {
            throw new Busy(Messages.get("backup.busy.graph"));
        }
    }

    private static Connection connect(EngineBootstrap.EmbeddedPostgresPlace pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER, "");
    }

    private static String single(ResultSet rs) throws SQLException {
        try (rs) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not remove the unfinished backup %s: %s", dir, e.getMessage());
        }
    }
}
