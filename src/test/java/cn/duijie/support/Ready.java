package cn.duijie.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

/** Waits until /q/health/ready is UP (schemas migrated) before a test touches the stores. */
public final class Ready {
    private Ready() {
    }

    public static void await() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("service did not become ready: " + given().get("/q/health/ready").asString());
    }
}
