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
                         List<Collaboration> collaborations, List<Investment> investors) {
        static Detail from(Value v) {
            return new Detail(Values.text(v.get("creditCode")), Values.text(v.get("name")), Values.text(v.get("regionCode")),
                    Values.text(v.get("regionName")), Values.text(v.get("cityCode")), Values.text(v.get("cityName")),
                    Values.constant(v.get("tier"), Tier.class), Values.flag(v.get("isChainLeader")), Values.whole(v.get("employees")),
                    Values.decimal(v.get("revenueWan")), Values.number(v.get("rdRatio")), Values.whole(v.get("inventionPatents")),
                    Values.texts(v.get("certifications")), Values.flag(v.get("listed")), Values.number(v.get("lat")),
                    Values.number(v.get("lon")), Values.text(v.get("description")), Values.list(v.get("products"), ProductRef::from),
                    Values.list(v.get("technologies"), Named::from), Values.list(v.get("leads"), Named::from),
                    Values.list(v.get("suppliers"), SupplyLink::from), Values.list(v.get("buyers"), SupplyLink::from),
                    Values.list(v.get("collaborations"), Collaboration::from), Values.list(v.get("investors"), Investment::from));
        }
    }

    /** The filters of GET /enterprises; null means any. */
    public record Filter(String q, Tier tier, String region, String chain, String product) {
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
            List<String> leadsChainIds,
            @PositiveOrZero Long employees,
            @DecimalMin("0") @Schema(description = "营业收入（万元）") BigDecimal revenueWan,
            @DecimalMin("0") @DecimalMax("1") Double rdRatio,
            @PositiveOrZero Long inventionPatents,
            List<String> certifications,
            Boolean listed,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon,
            List<String> productCodes,
            List<String> technologyCodes,
            @Size(max = 5000) String description) {
    }
}
