package cn.duijie.cultivation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of 找差距补短板 (GET /enterprises/{creditCode}/readiness). */
public final class ReadinessApi {

    private ReadinessApi() {
    }

    @Schema(name = "Readiness", description = "企业对照上一级及以上各层级认定条件的差距（assessments[0] 为上一级）")
    public record Readiness(String creditCode, String name, String currentTier, String currentTierLabel,
                            @Schema(enumeration = {"P2022", "N2026"}) String regime, String regimeDocument,
                            String assessedOn, List<Assessment> assessments) {
    }

    @Schema(name = "TierAssessment")
    public record Assessment(String tier, String tierLabel, String basis,
                             @Schema(description = "true 达标；false 不达标；null 因缺少数据尚不能判断") Boolean eligible,
                             Integer score, Integer passMark,
                             @Schema(description = "已满足的直通条件") List<String> direct,
                             List<Requirement> requirements, List<Indicator> indicators, List<Gap> gaps,
                             @Schema(description = "缺少数据、未能判断的字段") List<String> missing, String note) {
    }

    @Schema(name = "TierRequirement")
    public record Requirement(String code, String name, String value, String threshold,
                              @Schema(description = "null 表示缺少数据") Boolean pass, boolean waived) {
    }

    @Schema(name = "TierIndicator")
    public record Indicator(String code, String name, String group, String value, int points, int maxPoints, boolean missing) {
    }

    @Schema(name = "TierGap", description = "扣分项：先列不满足的条件（gain 为空），再按可得分数从高到低列评分项")
    public record Gap(String code, @Schema(enumeration = {"REQUIREMENT", "INDICATOR"}) String kind, String text, Integer gain) {
    }
}
