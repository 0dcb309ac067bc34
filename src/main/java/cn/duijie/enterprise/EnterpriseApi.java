package cn.duijie.enterprise;

import cn.duijie.domain.Tier;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of the enterprise API. Graph rows are converted into these records, never returned as maps. */
public final class EnterpriseApi {

    private EnterpriseApi() {
    }

    @Schema(name = "EnterpriseSummary")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String creditCode, String name, String regionCode, String regionName, Tier tier,
                          Boolean isChainLeader, Long employees, List<String> products) {
    }

    @Schema(name = "ProductInChain")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductRef(String code, String name, String segmentId, String segmentName, String chainId, String chainName) {
    }

    @Schema(name = "NamedRef")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Named(String code, String id, String name) {
    }

    @Schema(name = "SupplyLink")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SupplyLink(String creditCode, String name, String productCode, Long since) {
    }

    @Schema(name = "Collaboration")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Collaboration(String id, String name, Long year, String title) {
    }

    @Schema(name = "Investment")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Investment(String id, String name, String round, Long year, Double amountWan) {
    }

    @Schema(name = "EnterpriseDetail")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String creditCode, String name, String regionCode, String regionName, String cityCode,
                         String cityName, Tier tier, Boolean isChainLeader, Long employees, Double revenueWan,
                         Double rdRatio, Long inventionPatents, List<String> certifications, Boolean listed, Double lat,
                         Double lon, String description, List<ProductRef> products, List<Named> technologies,
                         List<Named> leads, List<SupplyLink> suppliers, List<SupplyLink> buyers,
                         List<Collaboration> collaborations, List<Investment> investors) {
    }

    @Schema(name = "EnterpriseUpsert", description = "登记或更新企业（字段同 enterprises.csv），校验规则与导入相同")
    public record Upsert(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Schema(description = "所在区县的行政区划代码") String regionCode,
            Tier tier,
            Boolean isChainLeader,
            List<String> leadsChainIds,
            @PositiveOrZero Long employees,
            @DecimalMin("0") Double revenueWan,
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
