package cn.duijie.cultivation;

import java.util.List;
import java.util.Map;

/**
 * A firm's data as the tier criteria read it (the columns of enterprises.csv). Every value may be null: null means
 * "not known" and is reported as missing, never guessed.
 */
public record FirmFacts(String creditCode, String name, String regionCode, String tier, Double employees,
                        Double revenueWan, Double rdRatio, List<String> certifications,
                        Double nicheYears, Double mainBusinessShare, Double revenueGrowth, Double debtRatio,
                        Double rdSpendWan, Double rdSpendPrevWan, Double rdRatioPrev, Double rdStaffShare,
                        Double ipClass1, Double ipClass2, Double ipHighValue, String rdInstitutionLevel,
                        Double digitalLevel, Double netMarginRatio, Double equityRaisedWan, Double marketShare,
                        Double marketRank, Double globalMarketRank, String keyField, Boolean strategicEmerging,
                        String scienceAward, Boolean highTech, Boolean ownBrand, Double developmentScore,
                        Boolean suppliesChainLeader) {

    /** The enterprise properties this record reads from the graph, in one list so the Cypher and the record agree. */
    public static final List<String> PROPERTIES = List.of("creditCode", "name", "regionCode", "tier", "employees",
            "revenueWan", "rdRatio", "certifications", "nicheYears", "mainBusinessShare", "revenueGrowth", "debtRatio",
            "rdSpendWan", "rdSpendPrevWan", "rdRatioPrev", "rdStaffShare", "ipClass1", "ipClass2", "ipHighValue",
            "rdInstitutionLevel", "digitalLevel", "netMarginRatio", "equityRaisedWan", "marketShare", "marketRank",
            "globalMarketRank", "keyField", "strategicEmerging", "scienceAward", "highTech", "ownBrand",
            "developmentScore");

    /** From a map of graph properties (plus {@code suppliesChainLeader}, derived from SUPPLIES edges). */
    public static FirmFacts from(Map<String, Object> m) {
        return new FirmFacts(str(m, "creditCode"), str(m, "name"), str(m, "regionCode"),
                str(m, "tier") == null ? "NONE" : str(m, "tier"), num(m, "employees"), num(m, "revenueWan"),
                num(m, "rdRatio"), m.get("certifications") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
                num(m, "nicheYears"), num(m, "mainBusinessShare"), num(m, "revenueGrowth"), num(m, "debtRatio"),
                num(m, "rdSpendWan"), num(m, "rdSpendPrevWan"), num(m, "rdRatioPrev"), num(m, "rdStaffShare"),
                num(m, "ipClass1"), num(m, "ipClass2"), num(m, "ipHighValue"), str(m, "rdInstitutionLevel"),
                num(m, "digitalLevel"), num(m, "netMarginRatio"), num(m, "equityRaisedWan"), num(m, "marketShare"),
                num(m, "marketRank"), num(m, "globalMarketRank"), str(m, "keyField"), bool(m, "strategicEmerging"),
                str(m, "scienceAward"), bool(m, "highTech"), bool(m, "ownBrand"), num(m, "developmentScore"),
                bool(m, "suppliesChainLeader"));
    }

    boolean hasCertification(String code) {
        return certifications != null && certifications.stream().anyMatch(c -> c.equalsIgnoreCase(code));
    }

    /** Rank of a level on NONE < CITY < PROVINCIAL < NATIONAL; null when unknown. */
    static Integer levelRank(String level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case "NATIONAL" -> 3;
            case "PROVINCIAL" -> 2;
            case "CITY" -> 1;
            default -> 0;
        };
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static Double num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean bool(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v instanceof Boolean b) {
            return b;
        }
        return v instanceof String s && !s.isBlank() ? Boolean.valueOf(s.strip()) : null;
    }
}
