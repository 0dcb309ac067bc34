package cn.duijie.imports;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, per file and per rejected row. Kept as JSON on the import job. */
public final class ImportReport {

    @Schema(name = "ImportFileCounts")
    public record FileCounts(String file, int created, int updated, int unchanged, int rejected) {
    }

    /** Why a row or file was rejected: a value that breaks a rule, a reference to a key nobody has, or the file itself. */
    @Schema(name = "ImportErrorCause")
    public enum Cause { VALUE, REFERENCE, SCOPE, FILE }

    @Schema(name = "ImportRowError", description = "被拒绝的一行：行号按 Excel 计（表头为第 1 行）")
    public record RowError(String file, int row, String column, String reason,
                           @Schema(description = "VALUE 值不合规则；REFERENCE 引用的对象不存在；SCOPE 不属于导入者所在地区；FILE 文件本身有误") Cause cause) {

        public RowError(String file, int row, String column, String reason) {
            this(file, row, column, reason, Cause.VALUE);
        }
    }

    @Schema(name = "PossibleDuplicate", description = "疑似重复企业：信用代码不同、同城、名称几乎相同；只提示，不合并")
    public record PossibleDuplicate(String creditCode, String name, String otherCreditCode, String otherName,
                                    String cityCode, String reason) {
    }

    final List<FileCounts> files = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();
    final List<PossibleDuplicate> duplicates = new ArrayList<>();
    /** What the written rows changed, by domain of the change feed (null keys: the whole domain); published once at the end. */
    final java.util.Map<cn.duijie.graph.GraphChanges.Domain, java.util.Set<String>> changed =
            new java.util.EnumMap<>(cn.duijie.graph.GraphChanges.Domain.class);

    public List<FileCounts> files() {
        return files;
    }

    public List<RowError> errors() {
        return errors;
    }

    public List<PossibleDuplicate> duplicates() {
        return duplicates;
    }
}
