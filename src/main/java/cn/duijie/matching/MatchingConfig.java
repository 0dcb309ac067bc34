package cn.duijie.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Weights and limits of the matching engine; every weight is a share of the score (they need not sum to 1). */
@ConfigMapping(prefix = "duijie.matching")
public interface MatchingConfig {

    Supply supply();

    interface Supply {
        /** How well the candidate's products fit the wanted ones (exact 1, narrower .85, broader .6, sibling .4, text ≤ .5). */
        @WithDefault("0.35") double product();

        /** Nearness, exp(-km / distance-scale-km). */
        @WithDefault("0.20") double distance();

        /** The candidate's segment FEEDS the buyer's segment. */
        @WithDefault("0.08") double feeds();

        /** Already supplies firms in the buyer's segments (collaborative signal), min(1, peers / 3). */
        @WithDefault("0.17") double peers();

        @WithDefault("0.10") double tier();

        /** Size as a proxy for capacity, log10(employees + 1) / 3.5. */
        @WithDefault("0.04") double scale();

        /** DEAL and MET outcomes recorded through Duijie, min(1, (deals + mets / 2) / 2). */
        @WithDefault("0.06") double trackRecord();

        @WithDefault("100") double distanceScaleKm();

        /** Candidates kept after the cheap pre-score, before the costlier graph signals. */
        @WithDefault("30") int pool();

        @WithDefault("40") int textLimit();
    }
}
