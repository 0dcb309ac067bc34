package cn.duijie.cultivation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of the bureau's cultivation dashboard (GET /dashboard?region=CODE). */
public final class DashboardApi {

    private DashboardApi() {
    }

    @Schema(name = "Dashboard")
    public record Dashboard(String regionCode, String regionName,
                            @Schema(description = "目标年份；无目标时为空") Integer year, String asOf,
                            @Schema(description = "地区（含下级）各层级企业数") List<TierCount> tiers,
                            @Schema(description = "层级目标对照：actual 为该层级及以上的企业数") List<TierProgress> pipeline,
                            @Schema(description = "逐年各层级企业数（按层级变更记录）") Climb climb,
                            List<Concentration> concentration,
                            @Schema(description = "集聚度所计的层级") List<String> srdiTiers,
                            List<Outcome> outcomes) {
    }

    @Schema(name = "TierCount")
    public record TierCount(String tier, String label, long count, @Schema(description = "该层级及以上") long atOrAbove) {
    }

    @Schema(name = "TierProgress")
    public record TierProgress(List<String> tiers, String label, long target, long actual, long gap, double progress) {
    }

    @Schema(name = "TierClimb", description = "years[i] 年末各层级企业数；无记录年份的现有层级计入今年")
    public record Climb(List<Integer> years, List<ClimbSeries> series) {
    }

    @Schema(name = "TierClimbSeries")
    public record ClimbSeries(String tier, String label, List<Long> counts) {
    }

    @Schema(name = "ChainConcentration")
    public record Concentration(String chainId, String chainName, long firms, long srdiFirms, double share,
                                Double target, @Schema(description = "达到目标还差的专精特新企业数") Long gapFirms) {
    }

    @Schema(name = "OutcomeProgress")
    public record Outcome(String metric, String label, Double actual, Double target, Double gap) {
    }
}
