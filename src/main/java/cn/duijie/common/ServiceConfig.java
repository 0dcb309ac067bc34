package cn.duijie.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The service-wide settings under {@code duijie.*} (features have their own: MatchingConfig, EventConfig,
 * AccountConfig, CultivationConfig). Environment variables that set them are in application.properties.
 * {@link EngineBootstrap} reads the engine settings itself, before Quarkus (and this mapping) starts.
 */
@ConfigMapping(prefix = "duijie")
public interface ServiceConfig {

    /** Where the embedded engines, uploads and the lock file live. */
    @WithDefault("./data")
    String dataDir();

    Engines engines();

    Limits limits();

    Imports imports();

    Seed seed();

    Needs needs();

    Backup backup();

    interface Engines {
        /** "embedded …" or "external …", as EngineBootstrap reports it. */
        @WithDefault("external")
        String neo4j();

        @WithDefault("external")
        String postgres();
    }

    /** Request limits beyond Quarkus' own (RequestGuard). */
    interface Limits {
        @WithDefault("8192")
        int maxUriLength();

        @WithDefault("500")
        int maxParamLength();

        @WithDefault("1M")
        MemorySize maxJsonBody();
    }

    interface Imports {
        /** Import jobs that may wait behind the running one; more is a 503 with Retry-After. */
        @WithDefault("10")
        int maxQueued();
    }

    interface Seed {
        /** Load the demo region from {@link #dir()} when the graph is empty. */
        @WithDefault("true")
        boolean onEmpty();

        @WithDefault("graph-seed")
        String dir();
    }

    /** Online backups (OnlineBackup, POST /api/v1/admin/backups). */
    interface Backup {
        /** Where online backups are written, one folder each; absent: DATA_DIR/backups. */
        java.util.Optional<String> dir();

        /** How long a backup tries to pause the writes (tables locked by writers, commits under way) before a 503. */
        @WithDefault("10s")
        java.time.Duration pauseWait();
    }

    interface Needs {
        /** A need without an expiry date expires this many days after it is posted. */
        @WithDefault("90")
        @WithName("default-lifetime-days")
        int defaultLifetimeDays();
    }
}
