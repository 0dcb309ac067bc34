package cn.duijie.cultivation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of 一企一册 (GET/POST /enterprises/{creditCode}/cultivation). */
public final class CultivationFileApi {

    private CultivationFileApi() {
    }

    @Schema(name = "CultivationFile", description = "一企一册：服务专员、走访记录与提升计划")
    public record File(String creditCode, String name, String regionCode, String currentTier,
                       @Schema(description = "建册时间；尚未建册时为空") OffsetDateTime openedAt, OffsetDateTime updatedAt,
                       Officer officer, String targetTier, List<Visit> visits, List<PlanItem> planItems) {
    }

    @Schema(name = "ServiceOfficer", description = "服务专员")
    public record Officer(@NotBlank @Size(max = 100) String name, @Size(max = 200) String contact) {
    }

    @Schema(name = "CultivationVisit")
    public record Visit(@Schema(readOnly = true) UUID id, @NotNull LocalDate date,
                        @Schema(enumeration = {"VISIT", "CALL", "NOTE"}) String kind,
                        @Size(max = 100) String officer, @NotBlank @Size(max = 4000) String note,
                        @Schema(readOnly = true) String createdBy) {
    }

    @Schema(name = "CultivationPlanItem", description = "提升计划事项；带 id 时更新该事项")
    public record PlanItem(UUID id, @Size(max = 300) String title,
                           @Schema(description = "对应的扣分项代码，如 rdSpendWan") @Size(max = 64) String indicatorCode,
                           LocalDate dueOn, @Schema(enumeration = {"OPEN", "IN_PROGRESS", "DONE", "DROPPED"}) String status,
                           @Size(max = 4000) String note, @Schema(description = "已逾期（未完成且过了期限）", readOnly = true) Boolean overdue) {
    }

    @Schema(name = "CultivationFileUpdate", description = "建册或补充：设定服务专员与目标层级，追加走访记录，新增或更新计划事项")
    public record Update(@Valid Officer officer,
                         @Schema(enumeration = {"INNOVATIVE", "SPECIALIZED", "LITTLE_GIANT", "CHAMPION"}) String targetTier,
                         @Valid @Size(max = 100) List<Visit> visits, @Valid @Size(max = 100) List<PlanItem> planItems) {
    }
}
