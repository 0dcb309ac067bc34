package cn.duijie.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.duijie.support.Imports;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A clerk's firm import with contact columns gives each firm without an account a locked one and a one-time
 * activation code in the job; the firm activates it with a password of its own and logs in; the contact is stored
 * as the firm's contact details and never reaches the graph.
 */
@QuarkusTest
class AccountImportTest {

    @Test
    void importedFirmsGetLockedAccountsTheyActivateWithTheirCode() throws Exception {
        Ready.await();
        String p = TestData.prefix();
        Path dir = Files.createTempDirectory("accounts");
        Imports.upload(TestData.jiangsuRegions(dir)).statusCode(201);
        String withMail = TestData.creditCode(p + "mail");
        String badMobile = TestData.creditCode(p + "bad");
        String noContact = TestData.creditCode(p + "none");
        String csv = "creditCode,name,regionCode,contactName,contactEmail,contactMobile\n"
                + withMail + ",丹阳" + p + "精工有限公司,321181,李经理,Li@Example.com,+86 139-1234-5678\n"
                + badMobile + ",丹阳" + p + "齿轮有限公司,321181,王经理,wang@example.com,12345\n"
                + noContact + ",丹阳" + p + "电机有限公司,321181,,,\n";
        ValidatableResponse job = Logins.bureau("321100").queryParam("wait", true)
                .multiPart("enterprises.csv", TestData.csv(dir, "enterprises.csv", csv).toFile()).post("/api/v1/imports").then();
        job.statusCode(201)
                .body("files.find { it.file == 'enterprises.csv' }.created", equalTo(2))
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(3))
                .body("errors[0].column", equalTo("contactMobile"))
                .body("accounts", hasSize(1))
                .body("accounts[0].creditCode", equalTo(withMail))
                .body("accounts[0].username", equalTo(withMail.toLowerCase()))
                .body("accounts[0].contact", containsString("13912345678"));
        String code = job.extract().path("accounts[0].activationCode");
        String username = withMail.toLowerCase();

        // the contact is not in the graph, nor in the firm's public profile
        String profile = given().get("/api/v1/enterprises/{c}", withMail).then().statusCode(200).extract().asString();
        assertFalse(profile.contains("13912345678") || profile.contains("li@example.com"), profile);

        // locked until activated; a wrong code is refused like a wrong password
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "anything-long"))
                .post("/api/v1/auth/token").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "activationCode", "WRONGCODE1", "password", "firm-own-password"))
                .post("/api/v1/auth/activate").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("username", username, "activationCode", code, "password", "short"))
                .post("/api/v1/auth/activate").then().statusCode(400).body("errors[0].field", equalTo("password"));
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "activationCode", code, "password", "firm-own-password"))
                .post("/api/v1/auth/activate").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("role", equalTo("ENTERPRISE")).body("party.id", equalTo(withMail));
        given().auth().oauth2(token).get("/api/v1/me/contact").then().statusCode(200)
                .body("mobile", equalTo("13912345678")).body("email", equalTo("li@example.com"));
        // the code is spent; the password works
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "activationCode", code, "password", "another-password"))
                .post("/api/v1/auth/activate").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "firm-own-password"))
                .post("/api/v1/auth/token").then().statusCode(200);

        // importing the firm again creates no second account
        Logins.bureau("321100").queryParam("wait", true)
                .multiPart("enterprises.csv", TestData.csv(dir, "enterprises.csv", csv).toFile()).post("/api/v1/imports")
                .then().statusCode(201).body("accounts", hasSize(0)).body("accounts.creditCode", not(equalTo(withMail)));
    }

    @Test
    void theActivationPageSetsThePasswordAndExplainsAWrongCode() throws Exception {
        Ready.await();
        String p = TestData.prefix();
        Path dir = Files.createTempDirectory("activate-page");
        Imports.upload(TestData.jiangsuRegions(dir)).statusCode(201);
        String firm = TestData.creditCode(p + "page");
        String code = Logins.bureau("321100").queryParam("wait", true)
                .multiPart("enterprises.csv", TestData.csv(dir, "enterprises.csv",
                        "creditCode,name,regionCode,contactName,contactEmail,contactMobile\n"
                                + firm + ",丹阳" + p + "材料有限公司,321181,周经理,zhou@example.com,13800001111\n").toFile())
                .post("/api/v1/imports").then().statusCode(201).extract().path("accounts[0].activationCode");
        String username = firm.toLowerCase();
        given().get("/login").then().statusCode(200).body(containsString("/activate"));
        given().get("/activate").then().statusCode(200).contentType(containsString("text/html")).body(containsString("激活码"));
        given().formParam("username", username).formParam("activationCode", "NOTTHECODE").formParam("password", "page-password-1")
                .formParam("password2", "page-password-1").post("/activate")
                .then().statusCode(401).body(containsString("激活码不对"));
        given().formParam("username", username).formParam("activationCode", code).formParam("password", "page-password-1")
                .formParam("password2", "page-password-2").post("/activate")
                .then().statusCode(400).body(containsString("不一致"));
        given().formParam("username", username).formParam("activationCode", code).formParam("password", "page-password-1")
                .formParam("password2", "page-password-1").post("/activate")
                .then().statusCode(200).body(containsString("已启用"));
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "page-password-1"))
                .post("/api/v1/auth/token").then().statusCode(200);
    }
}
