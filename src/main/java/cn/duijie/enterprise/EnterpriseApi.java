package cn.duijie.enterprise;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.neo4j.driver.Value;

import cn.duijie.common.SortParam;
import cn.duijie.domain.Tier;
import cn.duijie.graph.Values;

/** Shapes of the enterprise API, each mapped from its Cypher projection by {@code from(Value)}; money in 万元 as decimals. */
public final class EnterpriseApi {

    private EnterpriseApi() {
    }

    @Schema(name = "EnterpriseSummary")
    public record Summary(String creditCode, String name, String regionCode, String regionName, Tier tier,
                          Boolean isChainLeader, Long employees, List<String> products) {
        static Summary from(Value v) {
            return new Summary(Values.text(v.get("creditCode")), Values.text(v.get("name")), Values.text(v.get("regionCode")),
                    Values.text(v.get("regionName")), Values.constant(v.get("tier"), Tier.class), Values.flag(v.get("isChainLeader")),
                    Values.whole(v.get("employees")), Values.texts(v.get("products")));
        }
    }

    @Schema(name = "ProductInChain")
    public record ProductRef(String code, String name, String segmentId, String segmentName, String chainId, String chainName) {
        static ProductRef from(Value v) {
            return new ProductRef(Values.text(v.get("code")), Values.text(v.get("name")), Values.text(v.get("segmentId")),
                    Values.text(v.get("segmentName")), Values.text(v.get("chainId")), Values.text(v.get("chainName")));
        }
    }

    @Schema(name = "NamedRef")
    public record Named(String code, String id, String name) {
        static Named from(Value v) {
            return new Named(Values.text(v.get("code")), Values.text(v.get("id")), Values.text(v.get("name")));
        }
    }

    @Schema(name = "SupplyLink")
    public record SupplyLink(String creditCode, String name, String productCode, Long since) {
        static SupplyLink from(Value v) {
            return new SupplyLink(Values.text(v.get("creditCode")), Values.text(v.get("name")), Values.text(v.get("productCode")),
                    Values.whole(v.get("since")));
        }
    }

    @Schema(name = "Collaboration")
    public record Collaboration(String id, String name, Long year, String title) {
        static Collaboration from(Value v) {
            return new Collaboration(Values.text(v.get("id")), Values.text(v.get("name")), Values.whole(v.get("year")),
                    Values.text(v.get("title")));
        }
    }

    @Schema(name = "Investment")
    public record Investment(String id, String name, String round, Long year, BigDecimal amountWan) {
        static Investment from(Value v) {
            return new Investment(Values.text(v.get("id")), Values.text(v.get("name")), Values.text(v.get("round")),
                    Values.whole(v.get("year")), Values.decimal(v.get("amountWan")));
        }
    }

    @Schema(name = "EnterpriseDetail")
    public record Detail(String creditCode, String name, String regionCode, String regionName, String cityCode,
                         String cityName, Tier tier, Boolean isChainLeader, Long employees, BigDecimal revenueWan,
                         Double rdRatio, Long inventionPatents, List<String> certifications, Boolean listed, Double lat,
                         Double lon, String description, List<ProductRef> products, List<Named> technologies,
                         List<Named> leads, List<SupplyLink> suppliers, List<SupplyLink> buyers,
                         List<Collaboration> collaborations, List<Investment> investors,
                         Double nicheYears, Double mainBusinessShare, Double revenueGrowth, Double debtRatio,
                         Double rdSpendWan, Double rdSpendPrevWan, Double rdRatioPrev, Double rdStaffShare,
                         Long ipClass1, Long ipClass2, Long ipHighValue, String rdInstitutionLevel, Long digitalLevel,
                         Double netMarginRatio, Double equityRaisedWan, Double marketShare, Long marketRank,
                         Long globalMarketRank, String keyField, Boolean strategicEmerging, String scienceAward,
                         Boolean highTech, Boolean ownBrand, Double developmentScore,
                         @Schema(description = "层级变更记录（层级:日期），导入改变层级时自动追加") List<String> tierHistory) {
        static Detail from(Value v) {
            return new Detail(Values.text(v.get("creditCode")), Values.text(v.get("name")), Values.text(v.get("regionCode")),
                    Values.text(v.get("regionName")), Values.text(v.get("cityCode")), Values.text(v.get("cityName")),
                    Values.constant(v.get("tier"), Tier.class), Values.flag(v.get("isChainLeader")), Values.whole(v.get("employees")),
                    Values.decimal(v.get("revenueWan")), Values.number(v.get("rdRatio")), Values.whole(v.get("inventionPatents")),
                    Values.texts(v.get("certifications")), Values.flag(v.get("listed")), Values.number(v.get("lat")),
                    Values.number(v.get("lon")), Values.text(v.get("description")), Values.list(v.get("products"), ProductRef::from),
                    Values.list(v.get("technologies"), Named::from), Values.list(v.get("leads"), Named::from),
                    Values.list(v.get("suppliers"), SupplyLink::from), Values.list(v.get("buyers"), SupplyLink::from),
                    Values.list(v.get("collaborations"), Collaboration::from), Values.list(v.get("investors"), Investment::from),
                    Values.number(v.get("nicheYears")), Values.number(v.get("mainBusinessShare")),
                    Values.number(v.get("revenueGrowth")), Values.number(v.get("debtRatio")),
                    Values.number(v.get("rdSpendWan")), Values.number(v.get("rdSpendPrevWan")),
                    Values.number(v.get("rdRatioPrev")), Values.number(v.get("rdStaffShare")),
                    Values.whole(v.get("ipClass1")), Values.whole(v.get("ipClass2")), Values.whole(v.get("ipHighValue")),
                    Values.text(v.get("rdInstitutionLevel")), Values.whole(v.get("digitalLevel")),
                    Values.number(v.get("netMarginRatio")), Values.number(v.get("equityRaisedWan")),
                    Values.number(v.get("marketShare")), Values.whole(v.get("marketRank")),
                    Values.whole(v.get("globalMarketRank")), Values.text(v.get("keyField")),
                    Values.flag(v.get("strategicEmerging")), Values.text(v.get("scienceAward")),
                    Values.flag(v.get("highTech")), Values.flag(v.get("ownBrand")),
                    Values.number(v.get("developmentScore")), Values.texts(v.get("tierHistory")));
        }
    }

    /** The filters of GET /enterprises; null means any. */
    public record Filter(String q, Tier tier, String region, String chain, String segment, String product,
                         SortParam.Order<Sort> sort) {
    }

    /** How a firm list may be ordered; relevance (full-text score, then tier) is the default; all but NAME run high to low. */
    public enum Sort implements SortParam.Key {
        RELEVANCE, NAME, TIER, EMPLOYEES;

        @Override
        public boolean descending() {
            return this != NAME;
        }

        /** {@code KEY} or {@code -KEY} (reversed); relevance first for none. */
        public static SortParam.Order<Sort> order(String text) {
            return SortParam.order(Sort.class, text, RELEVANCE);
        }
    }

    /** The outcome of a PUT: the firm as stored, and whether it was new. */
    public record Upserted(boolean created, Detail firm) {
    }

    @Schema(name = "EnterpriseUpsert", description = "登记或更新企业（字段同 enterprises.csv），校验规则与导入相同")
    public record Upsert(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Schema(description = "所在区县的行政区划代码") String regionCode,
            Tier tier,
            Boolean isChainLeader,
            @Size(max = 50) List<String> leadsChainIds,
            @PositiveOrZero Long employees,
            @DecimalMin("0") @Schema(description = "营业收入（万元）") BigDecimal revenueWan,
            @DecimalMin("0") @DecimalMax("1") Double rdRatio,
            @PositiveOrZero Long inventionPatents,
            @Size(max = 50) List<String> certifications,
            Boolean listed,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Size(max = 500) List<String> productCodes,
            @Size(max = 500) List<String> technologyCodes,
            @Size(max = 5000) String description,
            @Schema(description = "从事特定细分市场年限") @DecimalMin("0") @DecimalMax("200") Double nicheYears,
            @Schema(description = "主营业务收入占营业收入比重 0–1") @DecimalMin("0") @DecimalMax("1") Double mainBusinessShare,
            @Schema(description = "近两年营业收入平均增长率，如 0.12") @DecimalMin("-1") @DecimalMax("100") Double revenueGrowth,
            @Schema(description = "资产负债率 0–1") @DecimalMin("0") @DecimalMax("10") Double debtRatio,
            @Schema(description = "上年研发费用（万元）") @DecimalMin("0") Double rdSpendWan,
            @Schema(description = "前年研发费用（万元）") @DecimalMin("0") Double rdSpendPrevWan,
            @Schema(description = "前年研发费用占营业收入比重 0–1") @DecimalMin("0") @DecimalMax("1") Double rdRatioPrev,
            @Schema(description = "研发人员占职工总数比重 0–1") @DecimalMin("0") @DecimalMax("1") Double rdStaffShare,
            @Schema(description = "Ⅰ类知识产权数（发明专利、集成电路布图设计等）") @PositiveOrZero Long ipClass1,
            @Schema(description = "Ⅱ类知识产权数（实用新型、外观设计、软件著作权等）") @PositiveOrZero Long ipClass2,
            @Schema(description = "其中高价值Ⅰ类知识产权数") @PositiveOrZero Long ipHighValue,
            @Schema(enumeration = {"NONE", "CITY", "PROVINCIAL", "NATIONAL"}) String rdInstitutionLevel,
            @Schema(description = "数字化水平等级 1–6") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(6) Long digitalLevel,
            @Schema(description = "上年净利润率") @DecimalMin("-100") @DecimalMax("1") Double netMarginRatio,
            @Schema(description = "近两年新增股权融资（万元）") @DecimalMin("0") Double equityRaisedWan,
            @Schema(description = "主导产品全国市场占有率 0–1") @DecimalMin("0") @DecimalMax("1") Double marketShare,
            @Schema(description = "细分市场国内排名") @jakarta.validation.constraints.Min(1) Long marketRank,
            @Schema(description = "单项产品全球市场排名") @jakarta.validation.constraints.Min(1) Long globalMarketRank,
            @Schema(enumeration = {"NONE", "BASIC", "KEY_LINK"}, description = "重点领域：BASIC 六基/产业技术基础，KEY_LINK 产业链关键环节（补短板、锻长板、填空白）") String keyField,
            @Schema(description = "主导产品属于战略性新兴产业") Boolean strategicEmerging,
            @Schema(enumeration = {"NONE", "PROVINCIAL", "NATIONAL"}, description = "近三年省部级/国家级科技奖励（排名靠前）") String scienceAward,
            @Schema(description = "有效期内的高新技术企业") Boolean highTech,
            Boolean ownBrand,
            @Schema(description = "专精特新发展评价得分（平台计算）") @DecimalMin("0") @DecimalMax("100") Double developmentScore,
            @Schema(description = "层级获评记录，如 [\"INNOVATIVE:2022\", \"SPECIALIZED:2024-07-01\"]；不传则保留原记录") List<String> tierHistory) {
    }
}
