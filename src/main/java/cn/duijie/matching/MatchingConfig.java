package cn.duijie.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Weights and limits of the matching engine; every weight is a share of the score (they need not sum to 1). */
@ConfigMapping(prefix = "duijie.matching")
public interface MatchingConfig {

    Supply supply();

    Tech tech();

    Finance finance();

    Consortium consortium();

    /**
     * How old the in-memory maker index may get before it is rebuilt in the background (it is still served while
     * that happens). Writes through this instance invalidate it at once; this bounds how long writes made through
     * another replica take to show in supply matching.
     */
    @WithDefault("5m") java.time.Duration indexMaxAge();

    /** Keep full-text hits per need text with the index snapshot (false: ask the graph every time). */
    @WithDefault("true") boolean textCache();

    /** 揭榜挂帅 proposals: how the three parts add up, and how the industrialising firm is chosen. */
    interface Consortium {
        /** The research side's own TECH match score. */
        @WithDefault("0.5") double research();

        /** How fit the industrialising firm is (the firm weights below). */
        @WithDefault("0.4") double industrialiser();

        /** A fund focused on the chain (segment focus, early stages, local mandate); 0 when there is none. */
        @WithDefault("0.1") double fund();

        /** Firm: makes the product the achievement applies to (1) or a narrower one (.85). */
        @WithDefault("0.3") double product();

        /** Firm: nearness to the firm that posted the challenge, exp(-km / 100). */
        @WithDefault("0.25") double local();

        /** Firm: tier on the 专精特新 ladder. */
        @WithDefault("0.2") double tier();

        /** Firm: has worked with the institution before. */
        @WithDefault("0.15") double collaboration();

        /** Firm: already holds one of the wanted technologies. */
        @WithDefault("0.1") double technology();

        /** Research-side candidates considered. */
        @WithDefault("12") int researchPool();
    }

    interface Tech {
        /** Technology-tree fit (exact 1, narrower .85, broader .6), product application .7, text only ≤ .5. */
        @WithDefault("0.45") double technology();

        /** Readiness of an achievement, trl / 9 (institutions and experts count .5). */
        @WithDefault("0.12") double trl();

        /** Nearness of the institution, exp(-km / 150): local institutions first, not only. */
        @WithDefault("0.15") double locality();

        /** Worked with this firm before (1) or with others (min(1, n / 10) / 2). */
        @WithDefault("0.18") double collaboration();

        @WithDefault("0.05") double trackRecord();

        @WithDefault("40") int pool();

        /** Candidates of one institution (itself, its achievements and experts) before the other institutions' turn. */
        @WithDefault("2") int perInstitution();
    }

    interface Finance {
        /** Focuses on the firm's chain (.6) or its very segment (1). */
        @WithDefault("0.25") double focus();

        @WithDefault("0.15") double stage();

        @WithDefault("0.12") double instrument();

        /** The ticket range covers the amount (1); else how close, min/max ratio. */
        @WithDefault("0.28") double ticket();

        /** Already invested up- or downstream of the firm. */
        @WithDefault("0.12") double adjacency();

        @WithDefault("0.08") double trackRecord();
    }

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
