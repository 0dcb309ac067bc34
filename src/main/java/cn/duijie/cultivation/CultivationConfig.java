package cn.duijie.cultivation;

import java.time.LocalDate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the cultivation desk; the ◐/✖ rows of TIER-CRITERIA.md are here, not in code. */
@ConfigMapping(prefix = "duijie.cultivation")
public interface CultivationConfig {

    /** AUTO: 63号 before {@link #newRegimeFrom()}, 2号文 from that day; P2022 or N2026 fixes one. */
    @WithDefault("AUTO") String regime();

    /** The day 2号文 takes over (2026-04-01, 2号文 itself). */
    @WithDefault("2026-04-01") LocalDate newRegimeFrom();

    /** Jiangsu: 创新型 before provincial 专精特新, 专精特新 before 小巨人 (J1 ✔; the national 63号 text is silent). */
    @WithDefault("true") boolean requireLowerTitle();

    /** 单项冠军 years in the field (◐: 138号 copies say 10, older rules 3). */
    @WithDefault("10") double championNicheYears();

    /** 单项冠军 main-business revenue in 万元 (◐: 4亿). */
    @WithDefault("40000") double championMainRevenueWan();

    default Criteria.Settings settings() {
        return new Criteria.Settings(requireLowerTitle(), championNicheYears(), championMainRevenueWan());
    }
}
