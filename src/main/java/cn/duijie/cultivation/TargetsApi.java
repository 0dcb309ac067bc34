package cn.duijie.cultivation;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of a region's plan targets (GET/PUT /regions/{code}/targets). */
public final class TargetsApi {

    private TargetsApi() {
    }

    @Schema(name = "TierTarget", description = "层级目标：tiers 为一个或几个层级（如常熟“单项冠军和小巨人共50家”）")
    public record TierTarget(@NotEmpty @Size(max = 5) List<@NotBlank String> tiers, @NotNull @PositiveOrZero Long count) {
    }

    @Schema(name = "ChainTarget", description = "重点产业链专精特新集聚度目标（0–1）")
    public record ChainTarget(@NotBlank String chainId, @NotNull @DecimalMin("0") @DecimalMax("1") Double share) {
    }

    @Schema(name = "PlanTargets", description = "一个地区某一年的培育目标")
    public record Targets(
            @Schema(readOnly = true) String regionCode,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @Valid List<TierTarget> tiers,
            @Schema(description = "产学研合作协议/项目数") @PositiveOrZero Long techAgreements,
            @Schema(description = "技术转移项目数") @PositiveOrZero Long techTransfers,
            @Schema(description = "对接洽谈（会见）场次") @PositiveOrZero Long meetings,
            @Schema(description = "签约项目数") @PositiveOrZero Long contracts,
            @Schema(description = "签约金额（万元）") @DecimalMin("0") Double contractAmountWan,
            @Schema(description = "入库培育企业数") @PositiveOrZero Long poolSize,
            @Schema(description = "规上企业研发投入强度目标（0–1）") @DecimalMin("0") @DecimalMax("1") Double rdIntensity,
            @Valid List<ChainTarget> srdiShare,
            @Size(max = 500) String source,
            @Schema(readOnly = true) String updatedBy,
            @Schema(readOnly = true) OffsetDateTime updatedAt) {
    }
}
