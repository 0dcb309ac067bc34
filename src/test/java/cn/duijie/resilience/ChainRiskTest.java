package cn.duijie.resilience;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Ready;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChainRiskTest {

    @TempDir
    Path dir;
    ResilienceRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new ResilienceRegion(dir, '4');
    }

    private JsonPath risk(String region) {
        return given().queryParam("region", region).get("/api/v1/chains/{id}/risk", r.chain).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void segmentsAreGradedByLocalMakersAndTheLeadersSingleSourceInputs() {
        JsonPath a = risk(r.cityA);
        String up = "find { it.segmentId == '%s' }".formatted(r.segUp);
        assertEquals("ELEVATED", a.getString(up + ".level"), "four local makers, but P1 and (for the second leader) P2 are single-source");
        assertEquals(4, a.getInt(up + ".localMakers"));
        assertEquals(2, a.getInt(up + ".singleSourceInputs"));
        assertEquals(1, a.getInt(up + ".oneCityInputs"));
        assertEquals(List.of("SINGLE_SOURCE", "ONE_CITY"), a.getList(up + ".codes"));
        String down = "find { it.segmentId == '%s' }".formatted(r.segDown);
        assertEquals("LOW", a.getString(down + ".level"));
        assertEquals(2, a.getInt(down + ".localMakers"));

        JsonPath b = risk(r.cityB);
        assertEquals("HIGH", b.getString(down + ".level"), "nobody in 乙 makes 工业机器人");
        assertEquals(List.of("NO_LOCAL_MAKER"), b.getList(down + ".codes"));
        assertEquals("LOW", b.getString(up + ".level"));
    }

    @Test
    void theRegionIsRequiredAndUnknownKeysAre404() {
        given().get("/api/v1/chains/{id}/risk", r.chain).then().statusCode(400);
        given().queryParam("region", r.cityA).get("/api/v1/chains/{id}/risk", r.p + "NONE").then().statusCode(404);
        given().queryParam("region", r.province.substring(0, 2) + "9900").get("/api/v1/chains/{id}/risk", r.chain).then().statusCode(404);
    }
}
