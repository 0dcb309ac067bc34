package cn.duijie.cultivation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of technology-transfer projects (技术转移项目, POST/GET /tech-transfers). */
public final class TechTransferApi {

    private TechTransferApi() {
    }

    @Schema(name = "TechTransferRequest", description = "登记一项技术转移：某机构的科技成果以转让、许可或作价入股的方式交给一家企业")
    public record NewTransfer(@Schema(description = "科技成果编号（achievements.csv 的 id）") @NotBlank @Size(max = 64) String achievementId,
                              @Schema(description = "受让企业的统一社会信用代码") @NotBlank @Size(max = 18) String creditCode,
                              @Schema(description = "TRANSFER 转让 / LICENSE 许可 / EQUITY 作价入股", enumeration = {"TRANSFER", "LICENSE", "EQUITY"})
                              @NotBlank String mode,
                              @Schema(description = "签约日期，不晚于今天") @NotNull LocalDate signedOn,
                              @Schema(description = "合同金额（万元）") @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amountWan,
                              @Schema(description = "它回应的该企业的技术需求（TECH）编号，经本平台对接时填") @Size(max = 64) String needId,
                              @Size(max = 2000) String note) {
    }

    @Schema(name = "TechTransfer", description = "技术转移项目")
    public record Transfer(UUID id, String achievementId, String achievementTitle, String institutionId, String institutionName,
                           String creditCode, String firmName, String regionCode, String mode, String modeLabel, LocalDate signedOn,
                           BigDecimal amountWan, String needId, String note,
                           @Schema(description = "登记人（账号）") String recordedBy,
                           @Schema(description = "登记人代表的一方，如 INSTITUTION:NJU") String recordedFor, OffsetDateTime recordedAt) {
    }
}
