package cn.duijie.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of fairs and roadshows; the defaults make the embedded run work. */
@ConfigMapping(prefix = "duijie.events")
public interface EventConfig {

    /** Cap on PENDING meeting requests one participant may have sent (against spam). */
    @WithDefault("20")
    int maxPendingRequestsPerSender();

    Scheduler scheduler();

    interface Scheduler {
        /** Hard time limit of one scheduling run. */
        @WithDefault("5s")
        Duration timeLimit();

        /** Stop earlier when the best schedule has not improved for this long. */
        @WithDefault("1s")
        Duration unimprovedTimeLimit();

        /** Seed of the REPRODUCIBLE solver: same input, same seed, same schedule. */
        @WithDefault("42")
        long randomSeed();
    }
}
