package cn.duijie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.DuijieMain;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.RestoredNeedsMain;
import cn.duijie.support.SupplyRegion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * {@code POST /api/v1/admin/backups} while needs are being posted and read: the copy, restored into a fresh data
 * directory (what "stop, wipe, restore" leaves) and started, holds every need acknowledged before the backup began,
 * none asked for after it ended, and no half-written one (a need row without its graph node has its outbox row).
 */
@QuarkusTest
class OnlineBackupTest {

    @TempDir
    Path dir;

    /** A posted need: when its request went out and when it was acknowledged. */
    private record Ack(String id, String title, long sentNanos, long ackedNanos) {
    }

    @Test
    void onlineBackupWhileNeedsArePostedRestoresEveryAcknowledgedNeedAndNoHalfWrittenOne() throws Exception {
        Ready.await();
        SupplyRegion r = new SupplyRegion(dir);
        String firstNeed = post(r, "备份前").id();

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        AtomicLong slowestReadMs = new AtomicLong();
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    acks.add(post(r, "备份中" + i));
                } catch (AssertionError | RuntimeException e) {
                    failures.add("write: " + e.getMessage());
                }
            }
        }, "need-writer");
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                long t = System.nanoTime();
                int status = RestAssured.given().get("/api/v1/needs/{id}", firstNeed).statusCode();
                slowestReadMs.accumulateAndGet((System.nanoTime() - t) / 1_000_000, Math::max);
                reads.incrementAndGet();
                if (status != 200) {
                    failures.add("read: " + status);
                }
            }
        }, "need-reader");
        writer.start();
        reader.start();
        org.awaitility.Awaitility.await("the writer has its first needs accepted").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(20)).until(() -> acks.size() >= 5);

        long began = System.nanoTime();
        Response backup = Logins.admin().post("/api/v1/admin/backups");
        long ended = System.nanoTime();
        long readsDuringBackup = reads.get();
        Thread.sleep(300);
        stop.set(true);
        writer.join(30_000);
        reader.join(30_000);

        assertEquals(201, backup.statusCode(), backup.asString());
        assertEquals("online", backup.path("mode"));
        assertTrue(failures.isEmpty(), "writes and reads during the backup failed: " + failures);
        List<Ack> all = new ArrayList<>(acks);
        long ackedDuring = all.stream().filter(a -> a.ackedNanos() > began && a.ackedNanos() < ended).count();
        assertTrue(ackedDuring > 0, "the writer was acknowledged during the backup (" + (ended - began) / 1_000_000 + " ms)");
        assertTrue(readsDuringBackup > 0, "reads were answered");
        Path copy = Path.of(backup.<String>path("directory"));
        assertTrue(Files.readString(copy.resolve("manifest.json")).contains("\"mode\" : \"online\""));

        // the service keeps running here; a fresh data directory is what stopping, wiping and restoring leaves
        Path restored = dir.resolve("restored");
        BackupRestoreTest.Result restore = BackupRestoreTest.run(DuijieMain.class, restored, "restore", "--from", copy.toString());
        assertEquals(0, restore.exit(), restore.out());
        String out = BackupRestoreTest.run(RestoredNeedsMain.class, restored, restored.toString()).out();
        assertTrue(out.contains("DONE"), out);
        Map<String, String> pg = new TreeMap<>();
        Set<String> pending = new HashSet<>();
        Set<String> graph = new HashSet<>();
        out.lines().forEach(l -> {
            String[] f = l.split(" ", 3);
            switch (f[0]) {
                case "PG" -> pg.put(f[1], f.length > 2 ? f[2] : "");
                case "PENDING" -> pending.add(f[1]);
                case "GRAPH" -> graph.add(f[1]);
                default -> { }
            }
        });

        assertTrue(pg.containsKey(firstNeed), out);
        List<String> lost = all.stream().filter(a -> a.ackedNanos() < began && !pg.containsKey(a.id())).map(Ack::id).toList();
        assertEquals(List.of(), lost, "needs acknowledged before the backup began are missing");
        List<String> fromLater = all.stream().filter(a -> a.sentNanos() > ended && pg.containsKey(a.id())).map(Ack::id).toList();
        assertEquals(List.of(), fromLater, "needs posted after the backup ended are in it");
        for (Ack a : all) {
            if (pg.containsKey(a.id())) {
                assertEquals(a.title(), pg.get(a.id()), "the restored record is the one written");
            }
        }
        Set<String> graphWithoutRow = new HashSet<>(graph);
        graphWithoutRow.removeAll(pg.keySet());
        assertEquals(Set.of(), graphWithoutRow, "Need nodes without their PostgreSQL row");
        List<String> halfWritten = pg.keySet().stream().filter(id -> !graph.contains(id) && !pending.contains(id)).toList();
        assertEquals(List.of(), halfWritten, "need rows neither in the graph nor waiting in the outbox");
        long inCopy = all.stream().filter(a -> pg.containsKey(a.id())).count();
        assertTrue(inCopy > 0 && inCopy < all.size(), "the copy is a moment during the writes (" + inCopy + " of " + all.size() + ")");
        System.out.printf("online backup: %s ms in all, writes paused %s ms, %d needs written meanwhile, slowest read %d ms%n",
                backup.path("tookMillis"), backup.path("pauseMillis"), ackedDuring, slowestReadMs.get());
    }

    @Test
    void onlyAnAdminMayBackUp() {
        RestAssured.given().post("/api/v1/admin/backups").then().statusCode(401).contentType("application/problem+json");
        Logins.bureau("320500").post("/api/v1/admin/backups").then().statusCode(403).contentType("application/problem+json");
    }

    private static Ack post(SupplyRegion r, String label) {
        String title = "采购精密轴承 " + label;
        long sent = System.nanoTime();
        Response res = Logins.admin().contentType("application/json").body(r.needJson().replace("采购新能源车用精密轴承", title))
                .post("/api/v1/needs");
        if (res.statusCode() != 201) {
            throw new IllegalStateException(res.statusCode() + " " + res.asString());
        }
        return new Ack(res.path("id"), title, sent, System.nanoTime());
    }
}
