package cn.duijie.imports;

import cn.duijie.support.Logins;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.duijie.support.Imports;
import cn.duijie.support.Ready;
import io.quarkus.test.junit.QuarkusTest;

/** The committed demo region imports cleanly: every row of every file lands. */
@QuarkusTest
class DemoRegionTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void theDemoRegionImportsWithoutARejectedRow() throws Exception {
        Path dir = Path.of("graph-seed");
        Path[] files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toArray(Path[]::new);
        }
        Imports.upload(files).statusCode(201)
                .body("status", equalTo("DONE"))
                .body("errorCount", equalTo(0))
                .body("files.size()", equalTo(15))
                .body("files.find { it.file == 'enterprises.csv' }.rejected", equalTo(0))
                .body("files.find { it.file == 'institutions.csv' }.rejected", equalTo(0))
                .body("files.find { it.file == 'needs.csv' }.rejected", equalTo(0));
        cn.duijie.support.Logins.admin().get("/api/v1/system/status").then().statusCode(200)
                .body("graphCounts.Enterprise", greaterThanOrEqualTo(2000))
                .body("graphCounts.Chain", greaterThanOrEqualTo(6));
    }
}
