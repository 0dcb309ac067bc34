package cn.duijie.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import cn.duijie.common.EngineStartException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 started from the zonky binaries, used when no DB_URL is configured.
 * The postmaster runs in its own session and would outlive a killed JVM: a small watchdog process stops it (fast
 * shutdown) within a second of the JVM's death, and {@link #start} stops any orphan an earlier owner left behind.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    public static final String DATABASE = "duijie";
    public static final String USER = "postgres";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(20);
    private static final boolean DURABLE = Boolean.parseBoolean(System.getProperty("duijie.embedded.postgres-durable", "true"));

    private final EmbeddedPostgres postgres;
    private final Process watchdog;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Process watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}. The caller must hold the data directory's
     * {@link cn.duijie.common.DataDirectoryLock}: that is what makes a running postmaster on this directory an orphan.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            clearOrphan(dataDirectory);
            requireFreePort(port);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky's test defaults (-F, synchronous_commit=off) could lose acknowledged commits on a power cut;
                    // only the unit suite turns durability off (-Dduijie.embedded.postgres-durable=false), for speed
                    .setServerConfig("fsync", DURABLE ? "on" : "off")
                    .setServerConfig("synchronous_commit", DURABLE ? "on" : "off")
                    .start();
            Process watchdog = postmasterPid(dataDirectory).map(EmbeddedPostgresServer::watch).orElse(null);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, watchdog);
            try {
                server.ensureOwnServer(dataDirectory);
                server.ensureDatabase();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException | RuntimeException e) {
            throw new EngineStartException("内嵌 PostgreSQL 无法在 " + dataDirectory + " 启动 (embedded PostgreSQL failed to start): "
                    + rootMessage(e), e);
        }
    }

    /** Stops a postmaster still running on this directory (its owner is dead) and removes a stale pid file. */
    static void clearOrphan(Path dataDirectory) throws IOException {
        Optional<Long> recorded = postmasterPid(dataDirectory);
        if (recorded.isEmpty()) {
            return;
        }
        long pid = recorded.get();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> isPostmasterOf(pid, dataDirectory));
        if (process.isPresent()) {
            LOG.warnf("Found an orphaned PostgreSQL (pid %d) on %s whose owning service is gone (killed?): stopping it",
                    pid, dataDirectory);
            ProcessHandle postmaster = process.get();
            List<ProcessHandle> children = postmaster.children().toList();
            signal("INT", pid); // fast shutdown: roll back what was in flight, checkpoint, exit
            if (!waitForExit(postmaster, ORPHAN_STOP_WAIT)) {
                LOG.warnf("Orphaned PostgreSQL (pid %d) did not stop in %d s: killing it", pid, ORPHAN_STOP_WAIT.toSeconds());
                postmaster.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                waitForExit(postmaster, Duration.ofSeconds(5));
                for (ProcessHandle child : children) {
                    waitForExit(child, Duration.ofSeconds(5));
                }
            }
            LOG.infof("Orphaned PostgreSQL (pid %d) stopped; starting a fresh one on the same data", pid);
        } else {
            LOG.warnf("Removed a stale PostgreSQL pid file (pid %d is not running PostgreSQL on %s)", pid, dataDirectory);
        }
        Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
    }

    private static Optional<Long> postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The pid belongs to a postgres whose command line names this data directory (guards against pid reuse). */
    private static boolean isPostmasterOf(long pid, Path dataDirectory) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            return cmdline.contains("postgres") && cmdline.contains(dataDirectory.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitForExit(ProcessHandle p, Duration wait) {
        try {
            p.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        } catch (Exception e) {
            return !p.isAlive();
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A shell loop that outlives this JVM only to give the postmaster a fast shutdown once the JVM is gone. */
    private static Process watch(long postmasterPid) {
        long jvm = ProcessHandle.current().pid();
        String script = "while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; kill -INT " + postmasterPid + " 2>/dev/null";
        try {
            return new ProcessBuilder("/bin/sh", "-c", script)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warnf("No PostgreSQL watchdog (%s): after a crash the next start stops the orphan instead", e.getMessage());
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** zonky waits for "a server on the port": make sure it is ours, not another instance's on the same port. */
    private void ensureOwnServer(Path dataDirectory) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1)).toRealPath();
            if (!served.equals(dataDirectory.toRealPath())) {
                throw new IllegalStateException("port " + port() + " is served by another PostgreSQL (data in " + served + ")");
            }
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException("cannot check the PostgreSQL on port " + port() + ": " + e.getMessage(), e);
        }
    }

    private static void requireFreePort(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("端口 " + port + " 已被占用 (port in use; set DUIJIE_POSTGRES_PORT to a free port)");
        }
    }

    private void ensureDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.destroy();
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
