package cn.duijie.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;

/** Waits until /q/health/ready is UP (schemas migrated) before a test touches the stores. */
public final class Ready {
    private Ready() {
    }

    public static void await() {
        org.awaitility.Awaitility.await("service ready (GET /q/health/ready is 200)").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
