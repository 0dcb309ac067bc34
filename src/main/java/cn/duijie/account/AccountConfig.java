package cn.duijie.account;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Accounts and login settings (application.properties; environment variables in production). */
@ConfigMapping(prefix = "duijie.accounts")
public interface AccountConfig {

    /** Password of the first-start {@code admin}; when absent a random one is generated and logged once. */
    Optional<String> adminPassword();

    /** Create one demo account per persona when the demo region is loaded. */
    @WithDefault("true")
    boolean demo();

    /** Password of the demo accounts (README states the default). */
    @WithDefault("duijie-demo-2026")
    String demoPassword();

    @WithDefault("10")
    int minPasswordLength();

    /** Lifetime of a bearer token from POST /api/v1/auth/token. */
    @WithDefault("PT8H")
    Duration tokenLifetime();

    @WithDefault("duijie")
    String tokenIssuer();

    Throttle throttle();

    /** Five failures within the window → the account (or the address) cools off. */
    interface Throttle {
        @WithDefault("5")
        int maxFailures();

        /** Failures allowed per client address (an office behind one NAT address shares it). */
        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("PT15M")
        Duration window();

        @WithDefault("PT15M")
        Duration coolOff();
    }
}
