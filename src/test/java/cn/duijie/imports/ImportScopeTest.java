package cn.duijie.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cn.duijie.support.Imports;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A bureau clerk imports only the parties of the clerk's region: other cities' rows and takeovers of another city's
 * firm are rejected row by row with their reason (cause SCOPE), the shared catalogue is the administrator's, and the
 * job is read back only by the clerk's bureau and ADMIN.
 */
@QuarkusTest
class ImportScopeTest {

    @Test
    void aZhenjiangClerkImportsZhenjiangFirmsOnly() throws Exception {
        Ready.await();
        String p = TestData.prefix();
        Path dir = Files.createTempDirectory("scope");
        String suzhouFirm = TestData.creditCode(p + "suzhou");
        String suzhouBuyer = TestData.creditCode(p + "suzhou-buyer");
        String zjLeader = TestData.creditCode(p + "zj-leader");
        String newDanyang = TestData.creditCode(p + "danyang-new");
        String newSuzhou = TestData.creditCode(p + "suzhou-new");
        String header = "creditCode,name,regionCode,productCodes\n";
        Imports.upload(TestData.jiangsuRegions(dir),
                TestData.csv(dir, "chains.csv", "id,name\n" + p + "C,高端装备\n"),
                TestData.csv(dir, "segments.csv", "id,chainId,name,stage\n" + p + "S,%sC,基础零部件,UPSTREAM\n".formatted(p)),
                TestData.csv(dir, "products.csv", "code,name,segmentId\n" + p + "P1,轴承," + p + "S\n"),
                TestData.csv(dir, "enterprises.csv", header
                        + suzhouFirm + ",常熟" + p + "轴承有限公司,320581," + p + "P1\n"
                        + suzhouBuyer + ",苏州" + p + "整机有限公司,320500,\n"
                        + zjLeader + ",镇江" + p + "整机股份有限公司,321100,\n"))
                .statusCode(201).body("errors", hasSize(0));

        Path clerkDir = Files.createTempDirectory("scope-clerk");
        ValidatableResponse job = upload(Logins.bureau("321100"),
                TestData.csv(clerkDir, "products.csv", "code,name,segmentId\n" + p + "P2,齿轮," + p + "S\n"),
                TestData.csv(clerkDir, "enterprises.csv", header
                        + newDanyang + ",丹阳" + p + "新材料有限公司,321181,\n"       // row 2: a district of Zhenjiang
                        + newSuzhou + ",苏州" + p + "新材料有限公司,320500,\n"        // row 3: another city
                        + suzhouFirm + ",常熟" + p + "轴承有限公司,321100," + p + "P1\n"), // row 4: moving a Suzhou firm in
                TestData.csv(clerkDir, "supplies.csv", "supplierCreditCode,buyerCreditCode,productCode\n"
                        + suzhouFirm + "," + zjLeader + "," + p + "P1\n"             // row 2: the buyer is local
                        + suzhouFirm + "," + suzhouBuyer + "," + p + "P1\n"));       // row 3: neither end is local
        job.statusCode(201)
                .body("files.find { it.file == 'enterprises.csv' }.created", equalTo(1))
                .body("files.find { it.file == 'enterprises.csv' }.rejected", equalTo(2))
                .body("files.find { it.file == 'supplies.csv' }.created", equalTo(1))
                .body("files.find { it.file == 'supplies.csv' }.rejected", equalTo(1))
                .body("files.find { it.file == 'products.csv' }.created", equalTo(0))
                .body("errors.find { it.file == 'products.csv' }.cause", equalTo("FILE"))
                .body("errors.find { it.file == 'products.csv' }.reason", containsString("管理员"))
                .body("errors.find { it.file == 'enterprises.csv' && it.row == 3 }.cause", equalTo("SCOPE"))
                .body("errors.find { it.file == 'enterprises.csv' && it.row == 3 }.reason", containsString("320500"))
                .body("errors.find { it.file == 'enterprises.csv' && it.row == 4 }.cause", equalTo("SCOPE"))
                .body("errors.find { it.file == 'enterprises.csv' && it.row == 4 }.reason", containsString("320581"))
                .body("errors.find { it.file == 'supplies.csv' }.row", equalTo(3));
        String jobId = job.extract().path("id");

        // nothing outside the region changed
        Logins.admin().get("/api/v1/enterprises/{c}", suzhouFirm).then().statusCode(200).body("regionCode", equalTo("320581"));
        Logins.admin().get("/api/v1/enterprises/{c}", newSuzhou).then().statusCode(404);
        Logins.admin().get("/api/v1/enterprises/{c}", newDanyang).then().statusCode(200).body("regionCode", equalTo("321181"));

        // the job: the clerk's bureau and ADMIN read it; another city's bureau is told it does not exist; a firm may not
        Logins.bureau("321100").get("/api/v1/imports/{id}", jobId).then().statusCode(200);
        Logins.admin().get("/api/v1/imports/{id}", jobId).then().statusCode(200);
        Logins.bureau("320500").get("/api/v1/imports/{id}", jobId).then().statusCode(404)
                .contentType("application/problem+json");
        Logins.firm(zjLeader).get("/api/v1/imports/{id}", jobId).then().statusCode(403);
        upload(Logins.firm(zjLeader), TestData.csv(clerkDir, "enterprises.csv", header + newDanyang + ",x,321181,\n"))
                .statusCode(403).contentType("application/problem+json");
        Logins.admin().get("/api/v1/imports/{id}", jobId).then().body("errors.cause", hasItem("SCOPE"));
    }

    private static ValidatableResponse upload(RequestSpecification who, Path... files) {
        RequestSpecification req = who.queryParam("wait", true);
        for (Path f : files) {
            req = req.multiPart(f.getFileName().toString(), f.toFile());
        }
        return req.post("/api/v1/imports").then();
    }
}
