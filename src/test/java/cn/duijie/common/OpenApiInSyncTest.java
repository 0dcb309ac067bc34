package cn.duijie.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The committed openapi/openapi.yaml is the public contract: it must be exactly what the service serves. */
@QuarkusTest
class OpenApiInSyncTest {

    @Test
    void committedOpenApiEqualsServedOpenApi() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString().replace("\r\n", "\n").strip();
        Path committed = Path.of("openapi/openapi.yaml");
        Path fresh = Path.of("target/openapi-served.yaml");
        Files.writeString(fresh, served + "\n", StandardCharsets.UTF_8);
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8).replace("\r\n", "\n").strip() : "";
        assertEquals(expected, served, "openapi/openapi.yaml differs from what /q/openapi serves. "
                + "If the API change is intended: cp target/openapi-served.yaml openapi/openapi.yaml");
    }
}
