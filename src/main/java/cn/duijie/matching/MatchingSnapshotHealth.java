package cn.duijie.matching;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the matching snapshot: DOWN until the first load is done, and while the last load or change could
 * not be applied (with the reason); UP with its version, size and the newest change-feed row applied.
 */
@Readiness
@ApplicationScoped
public class MatchingSnapshotHealth implements HealthCheck {

    private final MatchingSnapshots snapshots;

    MatchingSnapshotHealth(MatchingSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("Matching snapshot");
        MatchingSnapshot s = snapshots.now();
        String failure = snapshots.failure();
        if (s != null) {
            b.withData("version", s.version()).withData("appliedChange", s.appliedChange())
                    .withData("firms", s.firms().byId().size()).withData("funds", s.funds().byId().size())
                    .withData("achievements", s.research().achievements().size())
                    .withData("fullLoads", snapshots.stats().fullLoads()).withData("lastFullLoadMs", snapshots.stats().lastFullLoadMs())
                    .withData("changesApplied", snapshots.stats().changesApplied());
        }
        if (failure != null) {
            return b.down().withData("error", failure).build();
        }
        return s == null ? b.down().withData("state", "loading").build() : b.up().build();
    }
}
