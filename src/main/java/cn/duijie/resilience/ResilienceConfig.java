package cn.duijie.resilience;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds and limits of chain resilience (强链补链): supply risk, second sources, what-if, recruitment. */
@ConfigMapping(prefix = "duijie.resilience")
public interface ResilienceConfig {

    /** HHI (0–10,000) at or above which a product's supply by volume is graded CONCENTRATED (DOJ/FTC 2010: 2,500). */
    @WithDefault("2500") int concentratedHhi();

    SecondSource secondSource();

    WhatIf whatIf();

    Recruitment recruitment();

    /** How a second-source need reorders the supply ranking. */
    interface SecondSource {
        /** Score factor of the incumbent, of its sister firms (same group) and of its own suppliers. */
        @WithDefault("0.5") double tiedFactor();

        /** Score factor of a firm whose only tie to the incumbent is being in the same city. */
        @WithDefault("0.8") double sameCityFactor();
    }

    /** What-if (a firm or a city taken out). */
    interface WhatIf {
        @WithDefault("1000") int maxFirms();

        @WithDefault("50") int maxRegions();

        /** Replacement makers shown per loss inside the region, and as many again outside it. */
        @WithDefault("3") int replacements();
    }

    /** 补链招商: makers outside the region per gap. */
    interface Recruitment {
        /** The region's buyers of a product whose view is averaged into a maker's score. */
        @WithDefault("10") int buyersPerProduct();
    }
}
