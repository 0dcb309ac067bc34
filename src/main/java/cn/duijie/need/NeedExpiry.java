package cn.duijie.need;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.StartupTasks;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Expires OPEN needs whose expiresAt has passed. */
@ApplicationScoped
public class NeedExpiry {

    private final NeedService needs;
    private final StartupTasks startup;

    NeedExpiry(NeedService needs, StartupTasks startup) {
        this.needs = needs;
        this.startup = startup;
    }

    @Scheduled(every = "${duijie.needs.expiry-interval:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        if (!startup.postgresMigrated()) {
            return Uni.createFrom().voidItem();
        }
        return needs.expireDue().replaceWithVoid();
    }
}
