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

    /**
     * Orders of an import's rejected rows (the job page's {@code ?sort=}): as reported (file by file in import order,
     * row by row; the default), or by file name, row number, column or reason, each then by file and row.
     */
    public enum RowSort implements cn.duijie.common.SortParam.Key {
        REPORTED, FILE, ROW, COLUMN, REASON;

        @Override
        public boolean descending() {
            return false;
        }

        public static RowSort parse(String text) {
            return cn.duijie.common.SortParam.parse(RowSort.class, text, REPORTED);
        }

        /** {@code KEY} or {@code -KEY} (reversed); as reported for none. */
        public static cn.duijie.common.SortParam.Order<RowSort> order(String text) {
            return cn.duijie.common.SortParam.order(RowSort.class, text, REPORTED);
        }

        public List<RowError> sorted(List<RowError> rows) {
            java.util.Comparator<RowError> byFileAndRow = java.util.Comparator.comparing(RowError::file,
                    java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder())).thenComparingInt(RowError::row);
            java.util.Comparator<RowError> order = switch (this) {
                case REPORTED -> null;
                case FILE -> byFileAndRow;
                case ROW -> java.util.Comparator.comparingInt(RowError::row).thenComparing(byFileAndRow);
                case COLUMN -> java.util.Comparator.comparing(RowError::column,
                        java.util.Comparator.nullsLast(java.util.Comparator.<String>naturalOrder())).thenComparing(byFileAndRow);
                case REASON -> java.util.Comparator.comparing(RowError::reason,
                        java.util.Comparator.nullsLast(java.util.Comparator.<String>naturalOrder())).thenComparing(byFileAndRow);
            };
            return order == null ? rows : rows.stream().sorted(order).toList();
        }
    }

    @Schema(name = "PossibleDuplicate", description = "疑似重复企业：信用代码不同、同城、名称几乎相同；只提示，不合并")
    public record PossibleDuplicate(String creditCode, String name, String otherCreditCode, String otherName,
                                    String cityCode, String reason) {
    }

    @Schema(name = "ProvisionedAccount", description = "导入时为企业新建的锁定账号与一次性激活码：请交给企业联系人，"
            + "企业用 POST /api/v1/auth/activate 设密码后启用；已有账号的企业不再新建")
    public record ProvisionedAccount(String creditCode, String username, String activationCode,
                                     @Schema(description = "联系人（交付激活码的对象）") String contact) {
    }

    final List<FileCounts> files = new ArrayList<>();
    final List<ProvisionedAccount> accounts = new ArrayList<>();
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

    public List<ProvisionedAccount> accounts() {
        return accounts;
    }

    public List<PossibleDuplicate> duplicates() {
        return duplicates;
    }
}
