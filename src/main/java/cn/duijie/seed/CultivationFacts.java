package cn.duijie.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tier-criteria columns of a generated firm (找差距补短板). Drawn from a random stream of their own (seed and credit
 * code), so adding them leaves every other generated value unchanged. Innovative firms sit at, just below or above
 * the 专精特新 line and specialized firms at, just below or above the 小巨人 line (2号文), a third each, so the demo
 * shows all three; each firm's climb is written as a tier history.
 */
final class CultivationFacts {

    static final List<String> COLUMNS = List.of("nicheYears", "mainBusinessShare", "revenueGrowth", "debtRatio", "rdSpendWan",
            "rdSpendPrevWan", "rdRatioPrev", "rdStaffShare", "ipClass1", "ipClass2", "ipHighValue", "rdInstitutionLevel",
            "digitalLevel", "netMarginRatio", "equityRaisedWan", "marketShare", "marketRank", "globalMarketRank", "keyField",
            "strategicEmerging", "scienceAward", "highTech", "ownBrand", "developmentScore", "tierHistory");

    /** The firm's revenue and R&D ratio (possibly moved onto a line) and the extra cells, in COLUMNS order. */
    record Values(double revenueWan, double rdRatio, List<Object> cells) {
    }

    private CultivationFacts() {
    }

    static Values of(SeedGenerator.Firm f, double revenue, double rdRatio, int patents, long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ (f.code().hashCode() * 0x9E3779B97F4A7C15L));
        int rank = List.of(SeedGenerator.TIERS).indexOf(f.tier());
        double niche = round(1 + r.nextDouble() * (3 + rank * 4), 0);
        double share = round(Math.min(1, 0.55 + rank * 0.07 + r.nextDouble() * 0.3), 2);
        double growth = round(-0.05 + r.nextDouble() * (0.2 + rank * 0.03), 3);
        double debt = round(0.25 + r.nextDouble() * 0.6, 2);
        double rdPrev = round(Math.max(0.002, rdRatio * (0.8 + r.nextDouble() * 0.35)), 3);
        double staff = round(0.03 + r.nextDouble() * (0.12 + rank * 0.05), 2);
        long ip2 = r.nextInt(3 + rank * 6);
        long highValue = rank >= 3 && patents > 0 ? r.nextInt(Math.min(patents, 5) + 1) : 0;
        String institution = pick(r, rank >= 4 ? new String[] {"PROVINCIAL", "NATIONAL", "PROVINCIAL"}
                : rank >= 2 ? new String[] {"NONE", "CITY", "CITY", "PROVINCIAL"} : new String[] {"NONE", "NONE", "NONE", "CITY"});
        long digital = 1 + r.nextInt(Math.min(6, 2 + rank));
        double margin = round(-0.03 + r.nextDouble() * 0.18, 3);
        double equity = r.nextInt(4) == 0 ? round(r.nextDouble() * (500 + rank * 2500), 0) : 0;
        Double marketShare = rank >= 3 || r.nextBoolean() ? round(r.nextDouble() * (0.03 + rank * 0.05), 3) : null;
        Long marketRank = rank >= 3 ? (long) (1 + r.nextInt(12 - rank)) : null;
        Long globalRank = rank >= 4 ? (long) (1 + r.nextInt(rank == 5 ? 3 : 15)) : null;
        String keyField = pick(r, rank >= 3 ? new String[] {"KEY_LINK", "BASIC", "KEY_LINK"} : new String[] {"NONE", "BASIC", "KEY_LINK", "NONE"});
        boolean emerging = r.nextInt(3) > 0;
        String award = rank >= 4 && r.nextInt(3) == 0 ? "NATIONAL" : rank >= 2 && r.nextInt(6) == 0 ? "PROVINCIAL" : "NONE";
        boolean highTech = rank >= 2 ? r.nextInt(4) > 0 : r.nextInt(5) == 0;
        boolean brand = rank >= 2 || r.nextBoolean();
        Double devScore = rank >= 2 ? round(40 + r.nextDouble() * 45, 0) : null;

        // put innovative and specialized firms at, just below or above the next line (2号文)
        int position = r.nextInt(3);
        int below = r.nextInt(4);
        if (f.tier().equals("INNOVATIVE")) {
            niche = position == 0 ? 3 : position == 1 && below == 0 ? 2 : Math.max(niche, 4);
            rdRatio = position == 0 ? 0.03 : position == 1 && below == 1 ? 0.028 : Math.max(rdRatio, 0.035);
            rdPrev = position == 0 ? 0.03 : Math.max(rdPrev, 0.031);
            revenue = Math.max(revenue, position == 0 ? 1500 : 1800);
            share = position == 0 ? 0.8 : position == 1 && below == 2 ? 0.78 : Math.max(share, 0.85);
            debt = position == 0 ? 0.8 : Math.min(debt, 0.7);
            patents = Math.max(patents, position == 1 && below == 3 ? 0 : 1);
            devScore = position == 0 ? 50.0 : position == 1 ? 62.0 : Math.max(devScore, 55);
            if (position == 1 && below == 3) {
                institution = "CITY";
                award = "NONE";
            }
        } else if (f.tier().equals("SPECIALIZED")) {
            niche = position == 0 ? 3 : position == 1 && below == 0 ? 2 : Math.max(niche, 5);
            revenue = position == 0 ? 5000 : position == 1 && below == 1 ? 4600 : Math.max(revenue, 6000);
            share = position == 0 ? 0.9 : position == 1 && below == 2 ? 0.88 : Math.max(share, 0.92);
            growth = position == 0 ? 0.05 : Math.max(growth, 0.07);
            debt = position == 0 ? 0.75 : Math.min(debt, 0.6);
            rdRatio = position == 0 ? 0.12 : Math.max(rdRatio, 0.1);
            rdPrev = position == 0 ? 0.12 : Math.max(rdPrev, 0.1);
            patents = Math.max(patents, position == 1 && below == 3 ? 3 : 4);
            if (position == 1 && below == 3) {
                award = "NONE";
            }
            marketRank = position == 0 ? 3L : Math.min(marketRank, 3);
            keyField = "BASIC";
            devScore = position == 0 ? 60.0 : position == 1 ? 70.0 : Math.max(devScore, 65);
        }
        double rdSpend = round(revenue * rdRatio, 1);
        double prevRevenue = revenue / (1 + growth);
        double rdSpendPrev = round(prevRevenue * rdPrev, 1);
        if (f.tier().equals("SPECIALIZED") && position == 0) {
            rdSpend = 600;
            rdSpendPrev = 600;
        }
        List<Object> cells = new ArrayList<>();
        cells.add(niche);
        cells.add(share);
        cells.add(growth);
        cells.add(debt);
        cells.add(rdSpend);
        cells.add(rdSpendPrev);
        cells.add(rdPrev);
        cells.add(staff);
        cells.add((long) patents);
        cells.add(ip2);
        cells.add(Math.min(highValue, patents));
        cells.add(institution);
        cells.add(digital);
        cells.add(margin);
        cells.add(equity);
        cells.add(marketShare);
        cells.add(marketRank);
        cells.add(globalRank);
        cells.add(keyField);
        cells.add(emerging);
        cells.add(award);
        cells.add(highTech);
        cells.add(brand);
        cells.add(devScore);
        cells.add(history(r, rank));
        return new Values(revenue, rdRatio, cells);
    }

    /** The climb: each rung from INNOVATIVE up to the firm's own, one to three years apart, ending by 2026. */
    private static String history(SplittableRandom r, int rank) {
        if (rank < 1) {
            return "";
        }
        List<String> steps = new ArrayList<>();
        int year = 2026 - r.nextInt(3);
        for (int t = rank; t >= 1; t--) {
            steps.add(0, SeedGenerator.TIERS[t] + ":" + year);
            year -= 1 + r.nextInt(2);
        }
        return String.join("|", steps);
    }

    private static String pick(SplittableRandom r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
