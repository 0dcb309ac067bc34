package cn.duijie.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Logins;
import cn.duijie.support.PageSessions;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An import says how far it is: the rows of all its files, counted before the first is applied, and the rows done as
 * they are; the clerk's job page draws that as a determinate progress bar (role=progressbar, aria-valuenow) that
 * refreshes while the job runs.
 */
@QuarkusTest
class ImportProgressTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    ImportEngine engine;
    @Inject
    DataSource db;

    @Test
    void aRunCountsItsRowsFirstThenReportsThemDoneAndTheJobKeepsTheCounts(@TempDir Path dir) throws Exception {
        Ready.await();
        String p = TestData.prefix();
        Path firms = TestData.csv(dir, "enterprises.csv", """
                creditCode,name,regionCode,tier
                %2$s,进度甲%1$s,321102,POOL
                %3$s,进度乙%1$s,321102,POOL
                BAD%1$s,进度坏%1$s,321102,POOL
                """.formatted(p, TestData.creditCode(p + "a"), TestData.creditCode(p + "b")));
        List<int[]> seen = new ArrayList<>();
        // two files, three rows each: the total is of both from the start
        engine.run(List.of(new ImportEngine.Source("regions.csv", regions(dir)), new ImportEngine.Source("enterprises.csv", firms)),
                ImportScope.ALL, (total, done) -> seen.add(new int[] {total, done}));
        assertTrue(seen.size() >= 3, "progress reported at the start, after each file");
        assertEquals(List.of(6, 0), List.of(seen.get(0)[0], seen.get(0)[1]), "the total is known before any row is applied");
        assertTrue(seen.stream().anyMatch(at -> at[1] == 3), "the first file's rows are done before the second's");
        assertEquals(List.of(6, 6), List.of(seen.get(seen.size() - 1)[0], seen.get(seen.size() - 1)[1]));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i)[1] >= seen.get(i - 1)[1] && seen.get(i)[0] == 6, "done only grows, the total stays");
        }

        String job = Logins.bureau("321100").queryParam("wait", true)
                .multiPart("enterprises.csv", TestData.csv(java.nio.file.Files.createDirectories(dir.resolve("again")), "enterprises.csv", """
                        creditCode,name,regionCode,tier
                        %2$s,进度丙%1$s,321102,POOL
                        BAD2%1$s,进度坏%1$s,321102,POOL
                        """.formatted(p, TestData.creditCode(p + "c"))).toFile())
                .post("/api/v1/imports").then().statusCode(201).body("rowsTotal", equalTo(2)).body("rowsDone", equalTo(2))
                .extract().path("id");
        Logins.bureau("321100").get("/api/v1/imports/" + job).then().statusCode(200)
                .body("status", equalTo("DONE")).body("rowsTotal", equalTo(2)).body("rowsDone", equalTo(2));
    }

    @Test
    void theJobPageDrawsHowFarARunningImportIsAndRefreshesIt(@TempDir Path dir) throws Exception {
        Ready.await();
        engine.run(List.of(new ImportEngine.Source("regions.csv", regions(dir))), ImportScope.ALL, ImportEngine.Progress.NONE);
        Logins.bureau("321100");
        var clerk = PageSessions.as(base, "b-321100");
        UUID id = UUID.randomUUID();
        sql("INSERT INTO import_job (id, status, source, owner, region_code, rows_total, rows_done) VALUES (?, 'RUNNING', 'api', 'b-321100', '321100', 200, 50)", id);
        String page = "/bureau/imports/" + id;
        clerk.get().get(page).then().statusCode(200)
                .body(containsString("role=\"progressbar\""))
                .body(containsString("aria-valuenow=\"50\""))
                .body(containsString("aria-valuemin=\"0\""))
                .body(containsString("aria-valuemax=\"200\""))
                .body(containsString("已处理 50 / 200 行（25%）"))
                .body(containsString("style=\"width: 25%\""))
                .body(containsString("hx-trigger=\"every 1s\""));
        // what the page polls (htmx asks for the status part only) follows the job
        sql("UPDATE import_job SET rows_done = 150 WHERE id = ?", id);
        clerk.get().header("HX-Request", "true").get(page).then().statusCode(200)
                .body(containsString("aria-valuenow=\"150\"")).body(containsString("已处理 150 / 200 行（75%）"))
                .body(not(containsString("<html")));
        // queued, not yet counted: the bar says it is busy, without a value it does not know
        sql("UPDATE import_job SET status = 'QUEUED', rows_total = 0, rows_done = 0 WHERE id = ?", id);
        clerk.get().get(page).then().statusCode(200).body(containsString("role=\"progressbar\"")).body(not(containsString("aria-valuenow")));
        // done: the results replace the bar and the polling stops
        sql("UPDATE import_job SET status = 'DONE', rows_total = 200, rows_done = 200, finished_at = now() WHERE id = ?", id);
        clerk.get().get(page).then().statusCode(200).body(not(containsString("role=\"progressbar\""))).body(not(containsString("hx-trigger")));
    }

    /** 镇江 and one of its districts, under 江苏 (the import is idempotent). */
    private static Path regions(Path dir) {
        return TestData.csv(dir, "regions.csv", """
                code,name,level,parentCode,lat,lon
                320000,江苏省,PROVINCE,,32.06,118.79
                321100,镇江市,CITY,320000,32.19,119.42
                321102,京口区,DISTRICT,321100,32.2,119.47
                """);
    }

    private void sql(String statement, UUID id) throws Exception {
        try (var conn = db.getConnection(); var ps = conn.prepareStatement(statement)) {
            ps.setObject(1, id);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
