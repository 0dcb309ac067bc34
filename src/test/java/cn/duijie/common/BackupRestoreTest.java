package cn.duijie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.DuijieMain;
import cn.duijie.support.EnginesOnlyMain;

/** {@code backup --to} and {@code restore --from}, run as the commands they are (child JVMs), on real engines. */
class BackupRestoreTest {

    @TempDir
    Path tmp;

    @Test
    void backupWipeRestoreGivesBackTheSameCountsAndRecords() throws Exception {
        Path data = tmp.resolve("data");
        Path backup = tmp.resolve("backup");
        String before = run(EnginesOnlyMain.class, data, data.toString(), "--neo4j", "--exit").out;
        assertTrue(before.contains("PG 1 探针 probe") && before.contains("NEO4J 1 探针节点"), before);

        Result b = run(DuijieMain.class, data, "backup", "--to", backup.toString());
        assertEquals(0, b.exit, b.out);
        String manifest = Files.readString(backup.resolve("manifest.json"));
        assertTrue(manifest.contains("\"crash_probe\" : 1"), manifest);
        assertTrue(manifest.contains("\"Probe\" : 1"), manifest);

        delete(data);
        assertFalse(Files.exists(data));
        Result r = run(DuijieMain.class, data, "restore", "--from", backup.toString());
        assertEquals(0, r.exit, r.out);

        String after = run(EnginesOnlyMain.class, data, data.toString(), "--neo4j", "--read").out;
        assertEquals(line(before, "PG "), line(after, "PG "));
        assertEquals(line(before, "NEO4J "), line(after, "NEO4J "));
    }

    @Test
    void offlineBackupRefusesWhileTheServiceRunsAndPointsToTheOnlineOne() throws Exception {
        Path data = tmp.resolve("live");
        Process owner = command(EnginesOnlyMain.class, data, data.toString()).start();
        try {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            String l;
            while ((l = in.readLine()) != null && !l.equals("READY")) {
                // wait until the owner holds the data directory
            }
            Result b = run(DuijieMain.class, data, "backup", "--to", tmp.resolve("b").toString());
            assertEquals(1, b.exit, b.out);
            assertTrue(b.out.contains("正被另一个运行中的 Duijie 进程"), b.out);
            assertTrue(b.out.contains("POST /api/v1/admin/backups"), "points to the online backup: " + b.out);
            assertFalse(Files.exists(tmp.resolve("b")), "nothing written");
        } finally {
            owner.destroy();
            owner.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(s -> s.startsWith(prefix)).findFirst().orElse("(none)");
    }

    record Result(int exit, String out) {
    }

    static ProcessBuilder command(Class<?> main, Path data, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dorg.jboss.logging.provider=jdk", "-Dduijie.data-dir=" + data,
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    static Result run(Class<?> main, Path data, String... args) throws Exception {
        Process p = command(main, data, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        return new Result(p.exitValue(), out);
    }

    static void delete(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
