package cn.duijie.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * A request that gives up waiting for the first snapshot load must not cancel the load every other request waits for
 * (seen at 200,000 firms: after the first 503 every request answered 500 with a CancellationException).
 */
class SharedWaitTest {

    @Test
    void aWaiterThatGivesUpLeavesTheSharedLoadForTheNextOne() {
        CompletableFuture<String> load = new CompletableFuture<>();
        IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> MatchingSnapshots.awaitShared(load, Duration.ofMillis(50), () -> new IllegalStateException("late"))
                        .await().atMost(Duration.ofSeconds(5)));
        assertEquals("late", late.getMessage());
        assertFalse(load.isCancelled(), "the shared load was cancelled by one waiter's timeout");

        CompletableFuture.delayedExecutor(100, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> load.complete("snapshot"));
        assertEquals("snapshot", MatchingSnapshots.awaitShared(load, Duration.ofSeconds(5), () -> new IllegalStateException("late"))
                .await().atMost(Duration.ofSeconds(5)));
    }
}
