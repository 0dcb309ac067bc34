package cn.duijie.resilience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import cn.duijie.common.Messages;

/**
 * How one bought product is graded (pure): SINGLE_SOURCE with one supplier; ONE_CITY when two or more all sit in one
 * city; NO_LOCAL_MAKER when no firm of the buyer's city makes it; CONCENTRATED when the volume shares' HHI reaches the
 * threshold; NO_SUPPLIER when it is wanted but nobody supplies it yet.
 */
final class RiskGrades {

    private RiskGrades() {
    }

    /** Grades, the HHI and its basis, and the suppliers with their shares (when every volume is known). */
    record Grade(List<ResilienceApi.Risk> risks, Integer hhi, String basis, List<ResilienceApi.Supplier> suppliers) {
    }

    static Grade grade(String productName, String buyerCityName, List<ResilienceApi.Supplier> suppliers, int localMakers,
                       int concentratedHhi) {
        List<ResilienceApi.Risk> risks = new ArrayList<>();
        int n = suppliers.size();
        if (n == 0) {
            risks.add(risk(RiskCode.NO_SUPPLIER, Messages.get("risk.reason.NO_SUPPLIER", productName)));
        } else if (n == 1) {
            ResilienceApi.Supplier only = suppliers.get(0);
            risks.add(risk(RiskCode.SINGLE_SOURCE, Messages.get("risk.reason.SINGLE_SOURCE", productName, only.name(),
                    place(only))));
        } else {
            long cities = suppliers.stream().map(ResilienceApi.Supplier::cityCode).distinct().count();
            if (cities == 1 && suppliers.get(0).cityCode() != null) {
                risks.add(risk(RiskCode.ONE_CITY, Messages.get("risk.reason.ONE_CITY", (long) n, productName, place(suppliers.get(0)))));
            }
        }
        if (localMakers == 0) {
            risks.add(risk(RiskCode.NO_LOCAL_MAKER, Messages.get("risk.reason.NO_LOCAL_MAKER",
                    buyerCityName == null ? Messages.get("risk.unknown-city") : buyerCityName, productName)));
        }
        Integer hhi = null;
        String basis = null;
        List<ResilienceApi.Supplier> withShares = suppliers;
        if (n > 0) {
            boolean volumes = suppliers.stream().allMatch(s -> s.volumeWan() != null && s.volumeWan() > 0);
            if (volumes) {
                double total = suppliers.stream().mapToDouble(ResilienceApi.Supplier::volumeWan).sum();
                withShares = suppliers.stream().map(s -> s.withShare(Math.round(1000.0 * s.volumeWan() / total) / 10.0)).toList();
                hhi = (int) Math.round(suppliers.stream().mapToDouble(s -> Math.pow(100.0 * s.volumeWan() / total, 2)).sum());
                basis = "VOLUME";
                if (n >= 2 && hhi >= concentratedHhi) {
                    ResilienceApi.Supplier top = withShares.stream()
                            .max(Comparator.comparingDouble(ResilienceApi.Supplier::sharePercent)).orElseThrow();
                    risks.add(risk(RiskCode.CONCENTRATED, Messages.get("risk.reason.CONCENTRATED", (long) hhi, top.name(),
                            String.valueOf(top.sharePercent()))));
                }
            } else {
                hhi = (int) Math.round(10_000.0 / n);
                basis = "COUNT";
            }
        }
        return new Grade(List.copyOf(risks), hhi, basis, withShares);
    }

    /** The city of a supplier as reasons name it (its code when the name is unknown). */
    private static String place(ResilienceApi.Supplier s) {
        return Objects.requireNonNullElse(s.cityName(), Objects.requireNonNullElse(s.cityCode(), Messages.get("risk.unknown-city")));
    }

    static ResilienceApi.Risk risk(RiskCode code, String reason) {
        return new ResilienceApi.Risk(code, code.label(), reason);
    }

    /** For ordering rows: the more and the graver the risks, the earlier. */
    static int severity(List<ResilienceApi.Risk> risks) {
        int s = 0;
        for (ResilienceApi.Risk r : risks) {
            s += switch (r.code()) {
                case SINGLE_SOURCE -> 8;
                case NO_SUPPLIER -> 6;
                case NO_LOCAL_MAKER -> 4;
                case ONE_CITY -> 3;
                case CONCENTRATED -> 2;
            };
        }
        return s;
    }
}
