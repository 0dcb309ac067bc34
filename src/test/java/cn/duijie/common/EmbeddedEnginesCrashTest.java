package cn.duijie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.EnginesOnlyMain;

/**
 * SIGKILL of the owning JVM: the embedded PostgreSQL never keeps the data directory hostage. Each case runs the
 * engines in a child JVM (a real process to kill) on a data directory of its own.
 */
class EmbeddedEnginesCrashTest {

    @TempDir
    Path dir;

    @Test
    void postgresStopsWhenItsOwnerIsKilled() throws Exception {
        Child owner = Child.start(dir);
        long postmaster = postmasterPid();
        owner.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, no shutdown hooks
        assertTrue(waitUntilGone(postmaster, Duration.ofSeconds(15)), "the watchdog stopped the postmaster of a killed JVM");
        Child next = Child.start(dir);
        assertEquals(2, next.rows(), "the row committed before the kill is still there");
        next.kill();
    }

    @Test
    void anOrphanedPostgresIsStoppedAndTheNextStartWorks() throws Exception {
        Child owner = Child.start(dir);
        long postmaster = postmasterPid();
        // kill the watchdog too (as a process-group kill or an OOM killer might): the postmaster is now an orphan
        owner.process.descendants().forEach(ProcessHandle::destroyForcibly);
        owner.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(1500);
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "the orphan outlived its JVM");
        Child next = Child.start(dir);
        try {
            assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "the orphan was stopped");
            assertTrue(next.output.stream().anyMatch(l -> l.contains("orphaned PostgreSQL (pid " + postmaster + ")")),
                    "the start-up log says so: " + next.output);
            assertEquals(2, next.rows());
        } finally {
            next.kill();
        }
    }

    @Test
    void aSecondServiceOnTheSameDataExitsNonZeroWithAReason() throws Exception {
        Child owner = Child.start(dir);
        Process second = Child.command(dir).start();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second start exits instead of hanging");
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, second.exitValue(), out);
        assertTrue(out.contains("正被另一个运行中的 Duijie 进程（pid " + owner.process.pid() + "）使用"), out);
        assertTrue(ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive).orElse(false), "the owner's PostgreSQL is untouched");
        owner.kill();
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    private static boolean waitUntilGone(long pid, Duration wait) {
        try {
            org.awaitility.Awaitility.await().atMost(wait).pollInterval(Duration.ofMillis(100))
                    .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** The engines in a child JVM, started and ready. */
    private record Child(Process process, List<String> output, Path dir) {

        static ProcessBuilder command(Path dir) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessBuilder(java, "-Xmx128m", "-Dorg.jboss.logging.provider=jdk", "-cp", System.getProperty("java.class.path"),
                    EnginesOnlyMain.class.getName(), dir.toString()).redirectErrorStream(true);
        }

        static Child start(Path dir) throws Exception {
            Process p = command(dir).start();
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            String line;
            while (Instant.now().isBefore(deadline) && (line = in.readLine()) != null) {
                lines.add(line);
                if (line.equals("READY")) {
                    Thread drain = new Thread(() -> in.lines().forEach(lines::add));
                    drain.setDaemon(true);
                    drain.start();
                    return new Child(p, lines, dir);
                }
            }
            p.destroyForcibly();
            throw new AssertionError("engines did not start: " + lines);
        }

        long rows() throws Exception {
            String url = "jdbc:postgresql://127.0.0.1:" + Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(3).trim() + "/duijie";
            try (var c = java.sql.DriverManager.getConnection(url, "postgres", "");
                 var rs = c.createStatement().executeQuery("SELECT count(*) FROM crash_probe")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        void kill() throws Exception {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
