package cn.duijie.imports;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import cn.duijie.common.Messages;

/** Readiness means ready: DOWN until the start-up demo-region load is over, so a probe never sees an empty region. */
@Readiness
@ApplicationScoped
public class DemoRegionReadiness implements HealthCheck {

    private final SeedLoader seed;

    DemoRegionReadiness(SeedLoader seed) {
        this.seed = seed;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("DemoRegion");
        if (seed.done()) {
            return b.up().build();
        }
        return b.down().withData("status", Messages.get(seed.loading() ? "ready.demo-loading" : "ready.waiting-schemas")).build();
    }
}
