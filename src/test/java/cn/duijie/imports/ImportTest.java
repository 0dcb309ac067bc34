package cn.duijie.imports;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import cn.duijie.support.Imports;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ImportTest {

    @Inject
    Driver driver;

    String p;
    @org.junit.jupiter.api.io.TempDir
    Path dir;
    String leader;
    String bearingMaker;
    String gearMaker;

    @BeforeEach
    void setUp() {
        Ready.await();
        p = TestData.prefix();
        leader = TestData.creditCode(p + "leader");
        bearingMaker = TestData.creditCode(p + "bearing");
        gearMaker = TestData.creditCode(p + "gear");
    }

    private Path[] region() {
        return new Path[] {
                TestData.csv(dir, "regions.csv", """
                        code,name,level,parentCode,lat,lon
                        321181,丹阳市,DISTRICT,321100,32.01,119.61
                        320000,江苏省,PROVINCE,,32.06,118.79
                        321100,镇江市,CITY,320000,32.19,119.42
                        """),
                TestData.csv(dir, "chains.csv", "id,name,description\n" + p + "C,高端装备,测试链\n"),
                TestData.csv(dir, "segments.csv", """
                        id,chainId,name,stage,feedsSegmentIds
                        %1$sS1,%1$sC,基础零部件,UPSTREAM,%1$sS2
                        %1$sS2,%1$sC,整机制造,DOWNSTREAM,
                        """.formatted(p)),
                TestData.csv(dir, "products.csv", """
                        code,name,segmentId,broaderCode,keywords
                        %1$sP2,精密轴承,%1$sS1,%1$sP1,轴承|滚动轴承|高精度
                        %1$sP1,轴承,%1$sS1,,轴承
                        %1$sP3,数控机床,%1$sS2,,机床|数控
                        """.formatted(p)),
                TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier,isChainLeader,leadsChainIds,employees,revenueWan,rdRatio,inventionPatents,certifications,listed,lat,lon,productCodes,technologyCodes,description
                        %2$s,镇江%1$s机床股份有限公司,321100,CHAMPION,true,%1$sC,3000,500000,0.06,120,ISO9001,true,,,%1$sP3,,数控机床整机
                        %3$s,丹阳%1$s精工有限公司,321181,SPECIALIZED,false,,200,8000,0.08,12,ISO9001|IATF16949,false,32.0,119.6,%1$sP2,,专注高精度滚动轴承
                        %4$s,"丹阳%1$s齿轮有限公司",321181,POOL,false,,50,900,0.03,0,,false,,,,,"齿轮, 减速器"
                        """.formatted(p, leader, bearingMaker, gearMaker)),
                TestData.csv(dir, "supplies.csv", """
                        supplierCreditCode,buyerCreditCode,productCode,since
                        %2$s,%1$s,%3$sP2,2019
                        """.formatted(leader, bearingMaker, p))};
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() {
        Path[] files = region();
        Imports.upload(files).statusCode(201)
                .header("Location", containsString("/api/v1/imports/"))
                .body("status", equalTo("DONE"))
                .body("errors", hasSize(0))
                .body("files.find { it.file == 'enterprises.csv' }.created", equalTo(3))
                .body("files.find { it.file == 'supplies.csv' }.created", equalTo(1))
                .body("files.find { it.file == 'products.csv' }.created", equalTo(3));

        Imports.upload(files).statusCode(201)
                .body("files.find { it.file == 'enterprises.csv' }.created", equalTo(0))
                .body("files.find { it.file == 'enterprises.csv' }.updated", equalTo(0))
                .body("files.find { it.file == 'enterprises.csv' }.unchanged", equalTo(3))
                .body("files.find { it.file == 'supplies.csv' }.unchanged", equalTo(1))
                .body("files.find { it.file == 'segments.csv' }.unchanged", equalTo(2));

        try (var s = driver.session()) {
            var r = s.run("""
                    MATCH (e:Enterprise {creditCode: $c})-[:MAKES]->(p:Product)-[:IN_SEGMENT]->(:Segment)-[:FEEDS]->(:Segment)<-[:HAS_SEGMENT]-(ch:Chain)
                    MATCH (e)-[:LOCATED_IN]->(:Region)-[:WITHIN]->(city:Region)
                    MATCH (e)-[sup:SUPPLIES]->(buyer:Enterprise)
                    RETURN e.productText AS text, city.name AS city, buyer.creditCode AS buyer, sup.since AS since,
                           count { (e)-[:MAKES]->() } AS makes, e.location.latitude AS lat, p.keywordText AS kw
                    """, Map.of("c", bearingMaker)).single();
            assertEquals("镇江市", r.get("city").asString());
            assertEquals(leader, r.get("buyer").asString());
            assertEquals(2019, r.get("since").asInt());
            assertEquals(1, r.get("makes").asInt());
            assertEquals(32.0, r.get("lat").asDouble(), 1e-9);
            assertEquals(" 精密轴承", r.get("text").asString());
            assertEquals("精密轴承 轴承 滚动轴承 高精度", r.get("kw").asString());
        }
    }

    @Test
    void badRowsAreListedWithRowColumnAndReasonWhileGoodRowsLand() {
        Imports.upload(region()).statusCode(201).body("status", equalTo("DONE"));
        String good = TestData.creditCode(p + "good");
        String badCheck = TestData.withWrongCheck(TestData.creditCode(p + "bad"));
        String dup = TestData.creditCode(p + "dup");
        Path bad = TestData.csv(dir, "enterprises.csv", """
                creditCode,name,regionCode,tier,rdRatio,productCodes
                %2$s,合格企业%1$s,321181,POOL,0.1,%1$sP2
                %3$s,校验位错误企业%1$s,321181,POOL,0.1,
                %4$s,未知地区企业%1$s,999999,POOL,0.1,
                %5$s,等级错误企业%1$s,321181,GIANT,0.1,
                %6$s,研发占比错误%1$s,321181,POOL,2,
                %2$s,重复键企业%1$s,321181,POOL,0.1,
                %7$s,未知产品企业%1$s,321181,POOL,0.1,%1$sP2|NOPE
                """.formatted(p, good, badCheck, TestData.creditCode(p + "r"), TestData.creditCode(p + "t"),
                TestData.creditCode(p + "d"), dup));
        Imports.upload(bad).statusCode(201)
                .body("status", equalTo("DONE"))
                .body("files[0].created", equalTo(1))
                .body("files[0].rejected", equalTo(6))
                .body("errorCount", equalTo(6))
                .body("errors.find { it.row == 3 }.column", equalTo("creditCode"))
                .body("errors.find { it.row == 3 }.reason", containsString("校验位错误"))
                .body("errors.find { it.row == 4 }.column", equalTo("regionCode"))
                .body("errors.find { it.row == 4 }.reason", containsString("999999"))
                .body("errors.find { it.row == 5 }.column", equalTo("tier"))
                .body("errors.find { it.row == 5 }.reason", containsString("SPECIALIZED"))
                .body("errors.find { it.row == 6 }.column", equalTo("rdRatio"))
                .body("errors.find { it.row == 7 }.reason", containsString("第 2 行"))
                .body("errors.find { it.row == 8 }.column", equalTo("productCodes"))
                .body("errors.find { it.row == 8 }.reason", containsString("NOPE"));
        try (var s = driver.session()) {
            assertEquals(1, s.run("MATCH (e:Enterprise) WHERE e.name ENDS WITH $p RETURN count(e) AS n",
                    Map.of("p", p)).single().get("n").asInt());
        }
    }

    @Test
    void aGbkFileIsRejectedWithAReasonAndNothingOfItLands() {
        Imports.upload(region()).statusCode(201);
        Path gbk = TestData.write(dir, "chains.csv", "id,name,description\n" + p + "GBK,新材料,国产化\n", Charset.forName("GBK"));
        // nothing of the upload can be read: a 422 problem with each file's reason, not a DONE job
        Imports.upload(gbk).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("chains.csv"))
                .body("errors[0].reason", containsString("GBK"));
        try (var s = driver.session()) {
            assertEquals(0, s.run("MATCH (c:Chain {id: $id}) RETURN count(c) AS n", Map.of("id", p + "GBK"))
                    .single().get("n").asInt());
        }
    }

    @Test
    void aFileMissingARequiredColumnIsRejectedWhole() {
        Path f = TestData.csv(dir, "products.csv", "code,name\n" + p + "X,无环节产品\n");
        Imports.upload(f).statusCode(201)
                .body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("segmentId"))
                .body("errors[0].reason", containsString("缺少必需的列"))
                .body("files[0].rejected", equalTo(1));
    }

    @Test
    void xlsxWithTheSameColumnsImports() throws Exception {
        Imports.upload(region()).statusCode(201);
        Path xlsx = dir.resolve("enterprises.xlsx");
        String code = TestData.creditCode(p + "xlsx");
        try (FileOutputStream out = new FileOutputStream(xlsx.toFile()); Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("企业");
            String[] header = {"creditCode", "name", "regionCode", "tier", "employees", "rdRatio", "listed", "productCodes"};
            for (int i = 0; i < header.length; i++) {
                ws.value(0, i, header[i]);
            }
            ws.value(1, 0, code);
            ws.value(1, 1, "表格导入企业" + p);
            ws.value(1, 2, 321181);
            ws.value(1, 3, "INNOVATIVE");
            ws.value(1, 4, 85);
            ws.value(1, 5, 0.05);
            ws.value(1, 6, false);
            ws.value(1, 7, p + "P3");
        }
        Imports.upload(xlsx).statusCode(201)
                .body("errors", hasSize(0))
                .body("files[0].file", equalTo("enterprises.csv"))
                .body("files[0].created", equalTo(1));
        try (var s = driver.session()) {
            var r = s.run("MATCH (e:Enterprise {creditCode: $c})-[:MAKES]->(p) RETURN e.employees AS n, e.tier AS t, p.code AS p",
                    Map.of("c", code)).single();
            assertEquals(85, r.get("n").asInt());
            assertEquals("INNOVATIVE", r.get("t").asString());
        }
    }

    @Test
    void nearIdenticalNamesInTheSameCityAreFlaggedNotMerged() {
        Imports.upload(region()).statusCode(201);
        String twin = TestData.creditCode(p + "twin");
        Path f = TestData.csv(dir, "enterprises.csv", """
                creditCode,name,regionCode,tier
                %s,丹阳市%s精工股份有限公司,321181,POOL
                """.formatted(twin, p));
        Imports.upload(f).statusCode(201)
                .body("files[0].created", equalTo(1))
                .body("possibleDuplicates", hasSize(1))
                .body("possibleDuplicates[0].creditCode", equalTo(twin))
                .body("possibleDuplicates[0].otherCreditCode", equalTo(bearingMaker));
    }

    @Inject
    DuplicateKeyBackfill duplicateKeys;

    @Test
    void aFirmImportedBeforeTheDuplicateKeyGetsItAndItsTwinIsStillFlagged() {
        Imports.upload(region()).statusCode(201);
        String name;
        try (var s = driver.session()) {
            name = s.run("MATCH (e:Enterprise {creditCode: $c}) REMOVE e.duplicateKey RETURN e.name AS n", Map.of("c", bearingMaker))
                    .single().get("n").asString();
        }
        assertTrue(duplicateKeys.fillMissing() >= 1);
        assertTrue(duplicateKeys.done(), "the backfill at start is done");
        try (var s = driver.session()) {
            assertEquals(DuplicateFirms.key(name, "321181"), s.run("MATCH (e:Enterprise {creditCode: $c}) RETURN e.duplicateKey AS k",
                    Map.of("c", bearingMaker)).single().get("k").asString());
        }
        String twin = TestData.creditCode(p + "twin2");
        Imports.upload(TestData.csv(dir, "enterprises.csv", """
                creditCode,name,regionCode,tier
                %s,江苏丹阳%s精工有限责任公司,321181,POOL
                """.formatted(twin, p))).statusCode(201)
                .body("possibleDuplicates", hasSize(1))
                .body("possibleDuplicates[0].otherCreditCode", equalTo(bearingMaker));
    }

    @Test
    void unknownFileNamesAndEmptyUploadsAreExplained() {
        Path f = TestData.csv(dir, "firms.csv", "a,b\n1,2\n");
        Imports.upload(f).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("firms.csv"))
                .body("errors[0].reason", containsString("enterprises.csv"));
        Logins.admin().contentType("multipart/form-data").multiPart("note", "x").post("/api/v1/imports").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("files"));
    }

    @Test
    void anUploadOverTheLimitIsA413Problem() throws Exception {
        // as curl does for large bodies: declare the size and ask first (Expect: 100-continue); the refusal, a
        // problem, arrives before any of the body is sent (a raw socket: JDK 17's HttpClient hangs on a non-100 reply)
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (5 * 1024 * 1024)
                    + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.hamcrest.MatcherAssert.assertThat(response, startsWith("HTTP/1.1 413"));
            org.hamcrest.MatcherAssert.assertThat(response, containsString("application/problem+json"));
            org.hamcrest.MatcherAssert.assertThat(response, containsString("请求体过大"));
        }
    }

    @Test
    void unknownJobIs404Problem() {
        Logins.admin().get("/api/v1/imports/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Logins.admin().get("/api/v1/imports/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }
}
