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

    /** Weights of the invitee suggestions (GET /events/{id}/suggested-invitees); a score is capped at 1. */
    Invitees invitees();

    interface Invitees {
        /** Base score of a host by event kind and host kind (链主 leader, fund, institution). */
        @WithDefault("0.6") double supplyFairLeader();
        @WithDefault("0.3") double supplyFairFund();
        @WithDefault("0.35") double supplyFairInstitution();
        @WithDefault("0.4") double techFairLeader();
        @WithDefault("0.2") double techFairFund();
        @WithDefault("0.6") double techFairInstitution();
        @WithDefault("0.3") double roadshowLeader();
        @WithDefault("0.6") double roadshowFund();
        @WithDefault("0.2") double roadshowInstitution();

        /** Per open SUPPLY need of a leader, at most 5 counted. */
        @WithDefault("0.06") double perOpenNeed();
        /** Most a leader's size (log of employees) adds. */
        @WithDefault("0.1") double maxSize();
        /** A fund focused on the event's chain. */
        @WithDefault("0.15") double fundChainFocus();
        /** Per segment of the chain a fund focuses on, at most 3 counted. */
        @WithDefault("0.05") double perFocusedSegment();
        /** Per technology of the chain an institution's experts cover, at most 5 counted. */
        @WithDefault("0.06") double perExpertTechnology();

        /** A guest firm whose segment feeds a host's segment (every guest has it). */
        @WithDefault("0.4") double guestFeedsHost();
        /** Per open need of the hosts the guest makes the product for, at most 3 counted. */
        @WithDefault("0.1") double perWantedNeed();
        /** A guest in the event's city. */
        @WithDefault("0.2") double local();
        /** Per rung of the tier ladder (POOL 1 … CHAMPION 5). */
        @WithDefault("0.02") double perTierRank();
    }

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
