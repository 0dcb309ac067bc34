package cn.duijie.cultivation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** The building blocks the tier criteria are written in: hard requirements, scored indicators, direct routes. */
public final class Rule {

    private Rule() {
    }

    private static final double EPS = 1e-9;

    /** How a requirement came out for one firm: pass null means the data needed is missing. */
    public record Check(String value, Boolean pass) {
    }

    /** A hard condition: every one must pass (unless a direct route waives it). */
    public record Requirement(String code, String name, String threshold, Function<FirmFacts, Check> check,
                              boolean waivedByDirect) {
        Requirement waivable() {
            return new Requirement(code, name, threshold, check, true);
        }
    }

    /** How a scored indicator came out: points now, and the next band up (null when at the top or unknown). */
    public record Score(String value, int points, boolean missing, Integer nextPoints, String nextTarget) {
    }

    /** A scored indicator in a group (专业化, 精细化 …) with its maximum. */
    public record Indicator(String code, String name, String group, int maxPoints, Function<FirmFacts, Score> score) {
    }

    /** A condition that qualifies a firm on its own (直通条件); null when the data is missing. */
    public record Direct(String code, String name, Function<FirmFacts, Boolean> holds) {
    }

    /** How a number is shown to a clerk. */
    public enum Unit {
        PERCENT, WAN, YEARS, COUNT, LEVEL, POINTS, RANK;

        String show(double v) {
            return switch (this) {
                case PERCENT -> trim(v * 100) + "%";
                case WAN -> trim(v) + "万元";
                case YEARS -> trim(v) + "年";
                case COUNT -> trim(v) + "项";
                case LEVEL -> trim(v) + "级";
                case POINTS -> trim(v) + "分";
                case RANK -> "第" + trim(v) + "位";
            };
        }

        static String trim(double v) {
            double r = Math.round(v * 100) / 100.0;
            return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
        }
    }

    static boolean atLeast(double value, double threshold) {
        return value >= threshold - EPS;
    }

    static boolean atMost(double value, double threshold) {
        return value <= threshold + EPS;
    }

    /** value ≥ threshold. */
    static Requirement min(String code, String name, Unit unit, Function<FirmFacts, Double> get, double threshold) {
        return new Requirement(code, name, "≥" + unit.show(threshold), f -> {
            Double v = get.apply(f);
            return v == null ? new Check(null, null) : new Check(unit.show(v), atLeast(v, threshold));
        }, false);
    }

    /** value ≤ threshold. */
    static Requirement max(String code, String name, Unit unit, Function<FirmFacts, Double> get, double threshold) {
        return new Requirement(code, name, "≤" + unit.show(threshold), f -> {
            Double v = get.apply(f);
            return v == null ? new Check(null, null) : new Check(unit.show(v), atMost(v, threshold));
        }, false);
    }

    /** A requirement written as a free check. */
    static Requirement custom(String code, String name, String threshold, Function<FirmFacts, Check> check) {
        return new Requirement(code, name, threshold, check, false);
    }

    /**
     * Points by bands, best first: {@code thresholds[i]} earns {@code points[i]}; below the last band 0. With
     * {@code lowerIsBetter} a value at most the threshold earns the band (e.g. 资产负债率).
     */
    static Indicator bands(String code, String name, String group, Unit unit, Function<FirmFacts, Double> get,
                           boolean lowerIsBetter, double[] thresholds, int[] points) {
        return new Indicator(code, name, group, points[0], f -> {
            Double v = get.apply(f);
            if (v == null) {
                return new Score(null, 0, true, null, null);
            }
            int band = thresholds.length;
            for (int i = 0; i < thresholds.length; i++) {
                if (lowerIsBetter ? atMost(v, thresholds[i]) : atLeast(v, thresholds[i])) {
                    band = i;
                    break;
                }
            }
            int now = band < points.length ? points[band] : 0;
            if (band == 0) {
                return new Score(unit.show(v), now, false, null, null);
            }
            return new Score(unit.show(v), now, false, points[band - 1],
                    (lowerIsBetter ? "降至" : "达到") + unit.show(thresholds[band - 1]));
        });
    }

    /** Points by named levels, best first; a level not listed earns 0. */
    static Indicator levels(String code, String name, String group, Function<FirmFacts, String> get,
                            List<String> levels, List<String> labels, int[] points, Predicate<String> known) {
        return new Indicator(code, name, group, points[0], f -> {
            String v = get.apply(f);
            if (v == null || !known.test(v)) {
                return new Score(null, 0, true, null, null);
            }
            int i = levels.indexOf(v);
            int now = i < 0 ? 0 : points[i];
            String shown = i < 0 ? label(v) : labels.get(i);
            int up = i < 0 ? levels.size() - 1 : i - 1;
            if (up < 0) {
                return new Score(shown, now, false, null, null);
            }
            return new Score(shown, now, false, points[up], "达到" + labels.get(up));
        });
    }

    static String label(String level) {
        return switch (level) {
            case "NATIONAL" -> "国家级";
            case "PROVINCIAL" -> "省级";
            case "CITY" -> "市级";
            case "NONE" -> "无";
            default -> level;
        };
    }
}
