package cn.duijie.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as clients see it (CONTRACTS: id, status, files, errors, possibleDuplicates). */
@Schema(name = "ImportJob")
public record ImportJobView(
        UUID id,
        @Schema(enumeration = {"QUEUED", "RUNNING", "DONE", "FAILED"}) String status,
        @Schema(description = "api / cli / seed") String source,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        List<ImportReport.FileCounts> files,
        @Schema(description = "被拒绝的行（最多保留 10000 条）") List<ImportReport.RowError> errors,
        @Schema(description = "被拒绝的行总数") int errorCount,
        List<ImportReport.PossibleDuplicate> possibleDuplicates,
        @Schema(description = "本次导入为有联系人邮箱或手机的企业新建的账号及一次性激活码（只有导入者所在局方和管理员可见）")
        List<ImportReport.ProvisionedAccount> accounts,
        @Schema(description = "整个任务失败时的原因") String failure,
        @Schema(description = "各文件的总行数（开始导入前清点；排队时为 0）") int rowsTotal,
        @Schema(description = "已处理的行数（已拒绝、未变化或已写入），导入进行中随之增加；完成时等于 rowsTotal") int rowsDone) {
}
