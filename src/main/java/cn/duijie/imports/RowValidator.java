package cn.duijie.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.duijie.common.CreditCode;
import cn.duijie.common.Messages;

/** Turns one row's cells into typed values, or reasons per column; references are checked later, in bulk. */
final class RowValidator {

    record Result(Map<String, Object> values, List<ImportReport.RowError> errors) {
    }

    private RowValidator() {
    }

    static Result validate(ImportFile file, TableReader.Row row, Set<String> presentColumns) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (Column c : file.columns) {
            if (!presentColumns.contains(c.name())) {
                continue;
            }
            String raw = row.get(c.name());
            try {
                values.put(c.name(), parse(c, raw));
            } catch (IllegalArgumentException e) {
                errors.add(new ImportReport.RowError(file.fileName(), row.number(), c.name(), e.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            crossFieldChecks(file, values, row.number(), errors);
        }
        return new Result(values, errors);
    }

    private static void crossFieldChecks(ImportFile file, Map<String, Object> v, int row, List<ImportReport.RowError> errors) {
        if (file == ImportFile.SUPPLIES && v.get("supplierCreditCode") != null
                && v.get("supplierCreditCode").equals(v.get("buyerCreditCode"))) {
            errors.add(new ImportReport.RowError(file.fileName(), row, "buyerCreditCode", Messages.get("import.row.self-supply")));
        }
        if (file == ImportFile.FUNDS && v.get("ticketMinWan") instanceof Double min && v.get("ticketMaxWan") instanceof Double max
                && max < min) {
            errors.add(new ImportReport.RowError(file.fileName(), row, "ticketMaxWan",
                    Messages.get("import.row.ticket-range", plain(min), plain(max))));
        }
        String key = file.keyColumns.size() == 1 ? (String) v.get(file.keyColumns.get(0)) : null;
        for (String self : List.of("parentCode", "broaderCode")) {
            if (key != null && key.equals(v.get(self))) {
                errors.add(new ImportReport.RowError(file.fileName(), row, self, Messages.get("import.row.self-parent")));
            }
        }
    }

    static Object parse(Column c, String raw) {
        if (raw.isEmpty()) {
            if (c.required()) {
                throw new IllegalArgumentException(Messages.get("import.row.required"));
            }
            return c.type() == Column.Type.LIST || c.type() == Column.Type.ENUM_LIST || c.type() == Column.Type.TIER_HISTORY ? List.of() : null;
        }
        return switch (c.type()) {
            case TEXT -> raw;
            case INT -> {
                long n;
                try {
                    n = new java.math.BigDecimal(raw.replace(",", "")).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException(Messages.get("import.row.int", raw));
                }
                yield inRange(c, n, raw);
            }
            case DECIMAL -> {
                double d;
                try {
                    d = Double.parseDouble(raw.replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(Messages.get("import.row.decimal", raw));
                }
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException(Messages.get("import.row.decimal", raw));
                }
                yield inRange(c, d, raw);
            }
            case BOOL -> switch (raw.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "y", "是", "t" -> Boolean.TRUE;
                case "false", "0", "no", "n", "否", "f" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(Messages.get("import.row.bool", raw));
            };
            case ENUM -> enumValue(c, raw);
            case LIST -> splitList(raw);
            case ENUM_LIST -> splitList(raw).stream().map(v -> enumValue(c, v)).distinct().toList();
            case DATE -> {
                try {
                    yield LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(Messages.get("import.row.date", raw));
                }
            }
            case CREDIT_CODE -> {
                String code = raw.toUpperCase(Locale.ROOT);
                String reason = CreditCode.explain(code);
                if (reason != null) {
                    throw new IllegalArgumentException(reason);
                }
                yield code;
            }
            case TIER_HISTORY -> tierHistory(c, raw);
            case EMAIL -> {
                if (raw.length() > 200 || !raw.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new IllegalArgumentException(Messages.get("import.row.email", raw));
                }
                yield raw.toLowerCase(Locale.ROOT);
            }
            case MOBILE -> {
                String digits = raw.replaceAll("[\\s-]", "").replaceFirst("^\\+?86", "");
                if (!digits.matches("1[3-9][0-9]{9}")) {
                    throw new IllegalArgumentException(Messages.get("import.row.mobile", raw));
                }
                yield digits;
            }
            case REGION_CODE -> {
                if (!raw.matches("\\d{6}")) {
                    throw new IllegalArgumentException(Messages.get("import.row.region-code", raw));
                }
                yield raw;
            }
        };
    }

    /** {@code TIER:YYYY} or {@code TIER:YYYY-MM-DD} entries, stored as {@code TIER:YYYY-MM-DD} in date order. */
    private static List<String> tierHistory(Column c, String raw) {
        List<String> out = new ArrayList<>();
        for (String entry : splitList(raw)) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(Messages.get("import.row.tier-history", entry));
            }
            String when = entry.substring(colon + 1).strip();
            try {
                String tier = enumValue(c, entry.substring(0, colon));
                String day = when.matches("\\d{4}") ? when + "-01-01" : LocalDate.parse(when).toString();
                out.add(tier + ":" + day);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(Messages.get("import.row.tier-history", entry));
            }
        }
        out.sort(java.util.Comparator.comparing(e -> e.substring(e.indexOf(':') + 1)));
        return out;
    }

    private static Object inRange(Column c, double n, String raw) {
        if (n < c.min() || n > c.max()) {
            throw new IllegalArgumentException(Messages.get("import.row.range", plain(c.min()), plain(c.max()), raw));
        }
        return c.type() == Column.Type.INT ? (Object) (long) n : (Object) n;
    }

    private static String enumValue(Column c, String raw) {
        String v = raw.strip().toUpperCase(Locale.ROOT);
        if (!c.allowed().contains(v)) {
            throw new IllegalArgumentException(Messages.get("import.row.enum", raw, String.join(" / ", c.allowed())));
        }
        return v;
    }

    static List<String> splitList(String raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.split("\\|")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
