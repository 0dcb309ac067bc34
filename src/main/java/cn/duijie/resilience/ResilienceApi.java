package cn.duijie.resilience;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.duijie.matching.MatchModel;

/** Request and response shapes of chain resilience (强链补链). */
public final class ResilienceApi {

    private ResilienceApi() {
    }

    @Schema(name = "SupplyRiskFlag", description = "一项供应风险：代码供程序读取，label 与 reason 供人阅读")
    public record Risk(RiskCode code, String label, String reason) {
    }

    @Schema(name = "RiskSupplier")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Supplier(String creditCode, String name, String regionCode,
                           @Schema(description = "所在城市（地级市）代码") String cityCode, String cityName,
                           @Schema(description = "年采购额（万元），已知时") Double volumeWan,
                           @Schema(description = "按采购额的份额（%），所有供应商采购额已知时") Double sharePercent) {
        Supplier withShare(Double share) {
            return new Supplier(creditCode, name, regionCode, cityCode, cityName, volumeWan, share);
        }
    }

    @Schema(name = "ProductSupplyRisk", description = "一种外购产品的供应情况与风险等级")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductRisk(String productCode, String productName, String segmentId, String segmentName,
                              @Schema(description = "来源：SUPPLIES（现有供货关系）、OPEN_NEED（在征集的配套需求）") List<String> sources,
                              List<String> openNeedIds,
                              List<Supplier> suppliers,
                              @Schema(description = "供应商分布的城市数") int supplierCities,
                              @Schema(description = "本市（企业所在城市）生产该产品或其下位产品的企业数，不含企业自身") int localMakers,
                              @Schema(description = "本市以外的生产企业数") int makersElsewhere,
                              @Schema(description = "供应商集中度 HHI（0–10000）") Integer hhi,
                              @Schema(enumeration = {"VOLUME", "COUNT"}, description = "VOLUME：按采购额；COUNT：采购额未知，按家数均分") String hhiBasis,
                              List<Risk> risks,
                              @Schema(description = "二次寻源：为该产品排出与现有供应商无关联的候选企业") String secondSourceSearch) {
    }

    @Schema(name = "SupplyRisk", description = "企业外购产品的供应风险（强链补链）")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SupplyRisk(String creditCode, String name, String regionCode, String cityCode, String cityName,
                             boolean chainLeader, List<ProductRisk> products,
                             @Schema(description = "供货关系未注明产品的供应商") List<Supplier> suppliersWithoutProduct,
                             @Schema(description = "各风险等级涉及的产品数") Map<RiskCode, Integer> summary) {
    }

    @Schema(name = "SecondSources", description = "二次寻源候选：与现有供应商无关联者优先，现有供应商标注而不隐藏")
    public record SecondSources(String creditCode, String productCode, String productName,
                                @Schema(description = "现有供应商") List<Supplier> incumbents,
                                List<MatchModel.Match> candidates) {
    }

    @Schema(name = "WhatIfRequest", description = "断供推演：假设这些企业停产、这些地区（及其下级地区）的企业全部停供")
    public record WhatIfRequest(@Schema(description = "统一社会信用代码") List<String> firms,
                                @Schema(description = "行政区划代码（城市或区县）") List<String> regions) {
    }

    @Schema(name = "FirmRef")
    public record FirmRef(String creditCode, String name, String regionCode) {
    }

    @Schema(name = "WhatIfRemoved")
    public record Removed(List<String> firms, List<String> regions,
                          @Schema(description = "推演中停供的企业总数") int firmsRemoved,
                          @Schema(description = "其中本地区的企业数") int firmsRemovedInRegion) {
    }

    @Schema(name = "Replacement", description = "替代供应商：先本地区，后地区外；得分与理由来自配套匹配")
    public record Replacement(MatchModel.Candidate candidate, boolean inRegion, double score, List<MatchModel.Reason> reasons) {
    }

    @Schema(name = "SupplyLoss", description = "链主失去某产品的全部（或只剩一家）供应商")
    public record SupplyLoss(FirmRef leader, String productCode, String productName, List<FirmRef> lostSuppliers,
                             List<FirmRef> remainingSuppliers, String reason, List<Replacement> replacements) {
    }

    @Schema(name = "CoverageLoss", description = "本地区某环节失去（或只剩一家）生产企业")
    public record CoverageLoss(String chainId, String chainName, String segmentId, String segmentName, int makersBefore,
                               int makersAfter, List<FirmRef> lostMakers, String reason) {
    }

    @Schema(name = "WhatIfReport", description = "断供推演结果")
    public record WhatIfReport(String regionCode, String regionName, Removed removed,
                               @Schema(description = "失去某产品全部供应商的链主（逐产品）") List<SupplyLoss> leadersLosingSupply,
                               @Schema(description = "某产品只剩一家供应商的链主") List<SupplyLoss> leadersLeftSingleSource,
                               @Schema(description = "本地区失去全部生产企业的环节") List<CoverageLoss> segmentsLosingCoverage,
                               @Schema(description = "本地区只剩一家生产企业的环节") List<CoverageLoss> segmentsLeftWithOneMaker,
                               @Schema(description = "本地区被推演的链主数") int leadersConsidered,
                               @Schema(description = "计算耗时（毫秒）") long tookMs) {
    }

    @Schema(name = "RecruitmentBuyer", description = "本地区需要该产品的链主")
    public record Buyer(String creditCode, String name, String regionCode,
                        @Schema(enumeration = {"BUYS", "OPEN_NEED", "SEGMENT_FED"},
                                description = "BUYS：现有采购；OPEN_NEED：在征集需求；SEGMENT_FED：该产品所在环节为其环节配套") String how) {
    }

    @Schema(name = "Recruit", description = "可招引的地区外企业")
    public record Recruit(MatchModel.Candidate candidate,
                          @Schema(minimum = "0", maximum = "1", description = "对本地区需要该产品的链主的配套匹配得分（平均）") double score,
                          @Schema(description = "生产该产品或其下位产品") boolean makesProduct,
                          @Schema(description = "在其推荐名单中的本地区链主数") int buyersServed,
                          List<MatchModel.Reason> reasons, List<String> flags) {
    }

    @Schema(name = "GapRecruitment", description = "一个产品缺口与可招引的企业")
    public record GapRecruitment(cn.duijie.chain.ChainApi.Gap gap, List<Buyer> buyers, List<Recruit> candidates, String note) {
    }

    @Schema(name = "Recruitment", description = "补链招商：每个产品缺口的地区外企业排名")
    public record Recruitment(String chainId, String chainName, String regionCode, String regionName, int min,
                              List<GapRecruitment> gaps,
                              @Schema(description = "环节层面的缺口（其产品在 gaps 中逐一列出）") List<cn.duijie.chain.ChainApi.Gap> segmentGaps) {
    }

    @Schema(name = "SegmentRisk", description = "环节在本地区的供应风险")
    public record SegmentRisk(String segmentId, String segmentName,
                              @Schema(enumeration = {"HIGH", "ELEVATED", "LOW"}) String level,
                              @Schema(description = "等级的中文名") String label,
                              @Schema(description = "本地区生产该环节产品的企业数") int localMakers,
                              @Schema(description = "本地区链主来自该环节、仅一家供应商的外购产品数") int singleSourceInputs,
                              @Schema(description = "本地区链主来自该环节、供应商都在一个城市的外购产品数") int oneCityInputs,
                              List<RiskCode> codes, String reason) {
    }
}
