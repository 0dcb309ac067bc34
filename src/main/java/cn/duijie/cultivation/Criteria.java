package cn.duijie.cultivation;

import static cn.duijie.cultivation.Rule.Unit.COUNT;
import static cn.duijie.cultivation.Rule.Unit.LEVEL;
import static cn.duijie.cultivation.Rule.Unit.PERCENT;
import static cn.duijie.cultivation.Rule.Unit.RANK;
import static cn.duijie.cultivation.Rule.Unit.WAN;
import static cn.duijie.cultivation.Rule.Unit.YEARS;
import static cn.duijie.cultivation.Rule.bands;
import static cn.duijie.cultivation.Rule.custom;
import static cn.duijie.cultivation.Rule.levels;
import static cn.duijie.cultivation.Rule.max;
import static cn.duijie.cultivation.Rule.min;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.duijie.common.Messages;
import cn.duijie.domain.Tier;
import cn.duijie.domain.Vocabulary;
import cn.duijie.cultivation.Rule.Check;
import cn.duijie.cultivation.Rule.Direct;
import cn.duijie.cultivation.Rule.Indicator;
import cn.duijie.cultivation.Rule.Requirement;
import cn.duijie.cultivation.Rule.Score;

/**
 * The tier criteria, written down once: every threshold, band and pass mark of ../shared/TIER-CRITERIA.md, per regime.
 * Sources: P = 63号 and its annexes, N = 2号文, C = 单项冠军 (工信部政法〔2023〕138号), J = Jiangsu notices. Rows marked
 * ◐/✖ there are settings ({@link Settings}), not law.
 */
public final class Criteria {

    /** The settings of rows the sources do not settle. */
    public record Settings(boolean requireLowerTitle, double championNicheYears, double championMainRevenueWan) {
        public static final Settings DEFAULTS = new Settings(true, 10, 40_000);
    }

    /** The ladder, lowest first (the domain's Tier). */
    public static final List<String> LADDER = Vocabulary.names(Tier.class);
    /** The rungs that have criteria (POOL is entry by registration). */
    static final List<String> ASSESSED = LADDER.stream().filter(t -> Tier.of(t).isAbove(Tier.POOL)).toList();

    private static final Set<String> LEVELS = Set.copyOf(Vocabulary.names(cn.duijie.domain.ResearchInstitutionLevel.class));
    private static final Set<String> KEY_FIELDS = Set.copyOf(Vocabulary.names(cn.duijie.domain.KeyField.class));
    private static final String SPECIALIZATION = "专业化";
    private static final String REFINEMENT = "精细化";
    private static final String CHARACTER = "特色化";
    private static final String INNOVATION = "创新能力";
    private static final String GROWTH = "成长性";

    private Criteria() {
    }

    public static int rank(String tier) {
        return Tier.of(tier).rank();
    }

    /** The criteria of a tier (INNOVATIVE … CHAMPION) under a regime. */
    public static TierCriteria of(String tier, Regime regime, Settings s) {
        return switch (tier) {
            case "INNOVATIVE" -> innovative(regime);
            case "SPECIALIZED" -> regime == Regime.P2022 ? specialized2022(s) : specialized2026(s);
            case "LITTLE_GIANT" -> regime == Regime.P2022 ? littleGiant2022(s) : littleGiant2026(s);
            case "CHAMPION" -> champion(s);
            default -> throw new IllegalArgumentException(tier);
        };
    }

    // ---- 创新型中小企业: 63号附件1 (P1 ✔), still the standard under 2号文 until a merged 科技和创新型 standard (2号文第三十条)
    static TierCriteria innovative(Regime regime) {
        String basis = regime == Regime.P2022 ? "63号附件1《创新型中小企业评价标准》"
                : "2号文第三十条：合并标准出台前沿用63号附件1《创新型中小企业评价标准》";
        return TierCriteria.of("INNOVATIVE", basis)
                .scored(60, Map.of(INNOVATION, 20, GROWTH, 15, SPECIALIZATION, 15),
                        ip("ipClass1", "与主导产品相关的有效知识产权", INNOVATION, new int[] {20, 10, 5}),
                        bands("rdRatio", "上年研发费用占营业收入比重", INNOVATION, PERCENT, FirmFacts::rdRatio, false,
                                new double[] {0.05, 0.03, 0.02, 0.01}, new int[] {20, 15, 10, 5}),
                        bands("revenueGrowth", "主营业务收入增长率（近两年平均）", GROWTH, PERCENT, FirmFacts::revenueGrowth, false,
                                new double[] {0.15, 0.10, 0.05, 0.0}, new int[] {20, 15, 10, 5}),
                        bands("debtRatio", "上年资产负债率", GROWTH, PERCENT, FirmFacts::debtRatio, true,
                                new double[] {0.55, 0.75}, new int[] {10, 5}),
                        new Indicator("strategicEmerging", "主导产品所属领域", SPECIALIZATION, 10, f -> f.strategicEmerging() == null
                                ? new Score(null, 0, true, null, null)
                                : f.strategicEmerging() ? new Score("战略性新兴产业", 10, false, null, null)
                                : new Score("其他领域", 5, false, 10, "属于战略性新兴产业分类")),
                        bands("mainBusinessShare", "主营业务收入占营业收入比重", SPECIALIZATION, PERCENT, FirmFacts::mainBusinessShare, false,
                                new double[] {0.70, 0.60, 0.55, 0.50}, new int[] {20, 15, 10, 5}))
                .direct(new Direct("scienceAward", "近三年获国家级或省级科技奖励", f -> f.scienceAward() == null ? null
                                : !f.scienceAward().equals("NONE")),
                        new Direct("highTech", "有效期内的高新技术企业", FirmFacts::highTech),
                        new Direct("rdInstitutionLevel", "拥有省部级以上研发机构", f -> atLeastLevel(f.rdInstitutionLevel(), 2)),
                        new Direct("equityRaisedWan", "近两年新增股权融资≥500万元", f -> f.equityRaisedWan() == null ? null
                                : Rule.atLeast(f.equityRaisedWan(), 500) ? Boolean.TRUE : null))
                .note("直通条件中股权融资以近两年计（标准为近三年）：不足500万元时不作否定判断。Ⅰ类知识产权中“自主研发”一档（15分）因无数据按一般Ⅰ类计。");
    }

    // ---- 专精特新中小企业 under 63号附件2 (P2 ✔); Jiangsu: 创新型 first (J1 ✔)
    static TierCriteria specialized2022(Settings s) {
        TierCriteria c = TierCriteria.of("SPECIALIZED", "63号附件2《专精特新中小企业认定标准》");
        List<Requirement> reqs = new java.util.ArrayList<>();
        if (s.requireLowerTitle()) {
            reqs.add(holds("INNOVATIVE", "苏工信中小〔2022〕496号：须为设区市公告的创新型中小企业"));
        }
        reqs.add(min("nicheYears", "从事特定细分市场年限", YEARS, FirmFacts::nicheYears, 2));
        reqs.add(min("rdSpendWan", "上年研发费用总额", WAN, FirmFacts::rdSpendWan, 100));
        reqs.add(min("rdRatio", "上年研发费用占营业收入比重", PERCENT, FirmFacts::rdRatio, 0.03));
        reqs.add(revenueOrEquity(1000, 2000));
        return c.requirements(reqs.toArray(Requirement[]::new))
                .scored(60, Map.of(),
                        bands("mainBusinessShare", "主营业务收入占营业收入比重", SPECIALIZATION, PERCENT, FirmFacts::mainBusinessShare, false,
                                new double[] {0.80, 0.70, 0.60}, new int[] {5, 3, 1}),
                        bands("revenueGrowth", "近两年主营业务收入平均增长率", SPECIALIZATION, PERCENT, FirmFacts::revenueGrowth, false,
                                new double[] {0.10, 0.08, 0.06, 0.04, 0.0}, new int[] {10, 8, 6, 4, 2}),
                        new Indicator("nicheYears", "从事特定细分市场年限（每满2年1分）", SPECIALIZATION, 5, f -> {
                            if (f.nicheYears() == null) {
                                return new Score(null, 0, true, null, null);
                            }
                            int pts = (int) Math.min(5, Math.floor(f.nicheYears() / 2 + 1e-9));
                            return pts == 5 ? new Score(YEARS.show(f.nicheYears()), 5, false, null, null)
                                    : new Score(YEARS.show(f.nicheYears()), pts, false, pts + 1, "满" + (2 * (pts + 1)) + "年");
                        }),
                        keyField(),
                        bands("digitalLevel", "数字化水平（两化融合/智能制造等级）", REFINEMENT, LEVEL, FirmFacts::digitalLevel, false,
                                new double[] {3, 2}, new int[] {5, 3}),
                        quality(),
                        bands("netMarginRatio", "上年净利润率", REFINEMENT, PERCENT, FirmFacts::netMarginRatio, false,
                                new double[] {0.10, 0.08, 0.06, 0.04, 0.02}, new int[] {10, 8, 6, 4, 2}),
                        bands("debtRatio", "上年资产负债率", REFINEMENT, PERCENT, FirmFacts::debtRatio, true,
                                new double[] {0.50, 0.60, 0.70}, new int[] {5, 3, 1}),
                        marketJiangsu(),
                        new Indicator("provincialCharacter", "特色化其余省定指标（江苏细则第2–3项未公开）", CHARACTER, 9,
                                f -> new Score(null, 0, true, null, null)),
                        ip("ipClass1", "与主导产品相关的有效知识产权", INNOVATION, new int[] {10, 6, 2}),
                        new Indicator("rdSpendWan", "上年研发费用（总额或占比，取高）", INNOVATION, 10, Criteria::rdSpendBand),
                        bands("rdStaffShare", "研发人员占职工总数比重", INNOVATION, PERCENT, FirmFacts::rdStaffShare, false,
                                new double[] {0.20, 0.10, 0.05}, new int[] {5, 3, 1}),
                        levels("rdInstitutionLevel", "自建或合作研发机构", INNOVATION, FirmFacts::rdInstitutionLevel,
                                List.of("NATIONAL", "PROVINCIAL", "CITY"), List.of("国家级", "省级", "市级"), new int[] {10, 8, 4},
                                LEVELS::contains))
                .direct(new Direct("scienceAward", "近三年获省级科技奖励前三名或国家级科技奖励前五名", f -> f.scienceAward() == null ? null
                                : !f.scienceAward().equals("NONE")),
                        new Direct("rdSpendAvg", "近两年研发费用年均≥1000万元", f -> f.rdSpendWan() == null || f.rdSpendPrevWan() == null ? null
                                : Rule.atLeast((f.rdSpendWan() + f.rdSpendPrevWan()) / 2, 1000)),
                        new Direct("equityRaisedWan", "近两年新增股权融资≥6000万元", f -> f.equityRaisedWan() == null ? null
                                : Rule.atLeast(f.equityRaisedWan(), 6000)))
                .note("特色化15分由各省制定：江苏细则第1项（6分）按全国市场占有率和为链主配套计分，其余9分细则未公开，列为缺少数据。"
                        + "知识产权“自主研发Ⅰ类”（8分）因无数据按一般Ⅰ类计。");
    }

    // ---- 专精特新中小企业 under 2号文 (N3 ◐): hard conditions plus 发展评价 ≥50 (platform-computed)
    static TierCriteria specialized2026(Settings s) {
        return TierCriteria.of("SPECIALIZED", "2号文附件《专精特新中小企业认定条件》")
                .requirements(holds("INNOVATIVE", "须持有效期内的科技和创新型中小企业称号"),
                        min("nicheYears", "从事特定细分市场年限", YEARS, FirmFacts::nicheYears, 3),
                        min("rdSpendWan", "上年研发费用总额", WAN, FirmFacts::rdSpendWan, 100),
                        min("rdSpendPrevWan", "前年研发费用总额", WAN, FirmFacts::rdSpendPrevWan, 100),
                        min("rdRatio", "上年研发费用占营业收入比重", PERCENT, FirmFacts::rdRatio, 0.03),
                        min("rdRatioPrev", "前年研发费用占营业收入比重", PERCENT, FirmFacts::rdRatioPrev, 0.03),
                        revenueOrEquity(1500, 2000),
                        min("mainBusinessShare", "主营业务收入占营业收入比重", PERCENT, FirmFacts::mainBusinessShare, 0.80),
                        max("debtRatio", "资产负债率", PERCENT, FirmFacts::debtRatio, 0.80),
                        ipWithWaiver(1, "，获省部级以上科技奖励前三名或建有省部级以上研发机构者免",
                                f -> f.scienceAward() != null && !f.scienceAward().equals("NONE") || atLeastLevel(f.rdInstitutionLevel(), 2) == Boolean.TRUE))
                .externalScore("developmentScore", "专精特新中小企业发展评价得分（工信厅企业〔2024〕75号，平台计算）", 50,
                        FirmFacts::developmentScore)
                .note("“市场占有率较为靠前”无量化标准，未列为条件；直通条件已取消。");
    }

    // ---- 专精特新"小巨人" under 63号附件3 (P3 ✔)
    static TierCriteria littleGiant2022(Settings s) {
        List<Requirement> reqs = new java.util.ArrayList<>();
        if (s.requireLowerTitle()) {
            reqs.add(holds("SPECIALIZED", "须为省级专精特新中小企业"));
        }
        reqs.add(min("nicheYears", "从事特定细分市场年限", YEARS, FirmFacts::nicheYears, 3));
        reqs.add(min("mainBusinessShare", "主营业务收入占营业收入比重", PERCENT, FirmFacts::mainBusinessShare, 0.70));
        reqs.add(min("revenueGrowth", "近两年主营业务收入平均增长率", PERCENT, FirmFacts::revenueGrowth, 0.05));
        reqs.add(max("debtRatio", "资产负债率", PERCENT, FirmFacts::debtRatio, 0.70));
        reqs.add(custom("rdRatio", "研发投入（按营业收入分档）", "营收≥1亿元：研发占比≥3%；5000万–1亿元：≥6%；<5000万元：近两年股权融资≥8000万元、研发费用≥3000万元且研发人员占比≥50%",
                Criteria::littleGiantRd).waivable());
        reqs.add(ipWithWaiver(2, "", f -> false).waivable());
        reqs.add(custom("rdInstitutionLevel", "研发机构", "建有研发机构", f -> f.rdInstitutionLevel() == null ? new Check(null, null)
                : new Check(Rule.label(f.rdInstitutionLevel()), !f.rdInstitutionLevel().equals("NONE"))).waivable());
        reqs.add(custom("certifications", "质量管理体系认证", "通过ISO9001等质量管理体系认证",
                f -> new Check(f.hasCertification("ISO9001") ? "ISO9001" : "无", f.hasCertification("ISO9001"))));
        reqs.add(min("marketShare", "主导产品全国市场占有率", PERCENT, FirmFacts::marketShare, 0.10));
        reqs.add(custom("ownBrand", "自主品牌", "拥有自主品牌", f -> f.ownBrand() == null ? new Check(null, null)
                : new Check(f.ownBrand() ? "有" : "无", f.ownBrand())));
        reqs.add(keyFieldRequirement("属于六基领域或制造强国、网络强国重点领域"));
        return TierCriteria.of("LITTLE_GIANT", "63号附件3《专精特新“小巨人”企业认定标准》")
                .requirements(reqs.toArray(Requirement[]::new))
                .direct(new Direct("scienceAward", "近三年获国家级科技奖励并排名前三（免研发投入、知识产权、研发机构条件）",
                        f -> f.scienceAward() == null ? null : f.scienceAward().equals("NATIONAL")));
    }

    // ---- 专精特新"小巨人" under 2号文附件2 (N2 ✔)
    static TierCriteria littleGiant2026(Settings s) {
        return TierCriteria.of("LITTLE_GIANT", "2号文附件2《专精特新“小巨人”企业认定条件》")
                .requirements(holds("SPECIALIZED", "须持有效期内的专精特新中小企业称号"),
                        min("nicheYears", "从事特定细分市场年限", YEARS, FirmFacts::nicheYears, 3),
                        min("revenueWan", "上年营业收入", WAN, FirmFacts::revenueWan, 5000),
                        min("mainBusinessShare", "主营业务收入占营业收入比重", PERCENT, FirmFacts::mainBusinessShare, 0.90),
                        min("revenueGrowth", "近两年营业收入复合增长率", PERCENT, FirmFacts::revenueGrowth, 0.05),
                        max("debtRatio", "资产负债率", PERCENT, FirmFacts::debtRatio, 0.75),
                        min("rdSpendWan", "近两年研发费用总额", WAN, f -> f.rdSpendWan() == null || f.rdSpendPrevWan() == null ? null
                                : f.rdSpendWan() + f.rdSpendPrevWan(), 1200),
                        min("rdRatio", "上年研发费用占营业收入比重", PERCENT, FirmFacts::rdRatio, 0.03),
                        min("rdRatioPrev", "前年研发费用占营业收入比重", PERCENT, FirmFacts::rdRatioPrev, 0.03),
                        ipWithWaiver(4, "，近三年获国家级科技奖励前三名者免", f -> "NATIONAL".equals(f.scienceAward())),
                        custom("marketShare", "细分市场地位", "国内或国际市场占有率≥10%，或国内排名前三", f -> {
                            Boolean byShare = f.marketShare() == null ? null : Rule.atLeast(f.marketShare(), 0.10);
                            Boolean byRank = f.marketRank() == null ? null : Rule.atMost(f.marketRank(), 3);
                            String shown = (f.marketShare() == null ? "" : "占有率" + PERCENT.show(f.marketShare()))
                                    + (f.marketRank() == null ? "" : (f.marketShare() == null ? "" : "，") + "国内" + RANK.show(f.marketRank()));
                            Boolean pass = Boolean.TRUE.equals(byShare) || Boolean.TRUE.equals(byRank) ? Boolean.TRUE
                                    : byShare == null && byRank == null ? null : byShare == null || byRank == null ? null : Boolean.FALSE;
                            return new Check(shown.isEmpty() ? null : shown, pass);
                        }),
                        keyFieldRequirement("属于六基或产业技术基础领域，或处于重点产业链关键环节"))
                .externalScore("developmentScore", "专精特新企业发展评价得分（平台计算）", 60, FirmFacts::developmentScore);
    }

    // ---- 制造业单项冠军: 工信部政法〔2023〕138号 (C, ◐ rows are settings)
    static TierCriteria champion(Settings s) {
        return TierCriteria.of("CHAMPION", "工信部政法〔2023〕138号《制造业单项冠军企业认定管理办法》")
                .requirements(min("nicheYears", "从事特定细分产品领域年限", YEARS, FirmFacts::nicheYears, s.championNicheYears()),
                        min("mainRevenueWan", "主营业务收入（以上年营业收入×主营占比计；标准为近三年平均）", WAN,
                                f -> f.revenueWan() == null || f.mainBusinessShare() == null ? null : f.revenueWan() * f.mainBusinessShare(),
                                s.championMainRevenueWan()),
                        max("globalMarketRank", "单项产品全球市场占有率排名", RANK, FirmFacts::globalMarketRank, 3))
                .note("“技术水平国际先进、能耗达到先进值”无可核数据，未列为条件。年限与主营收入门槛各来源不一，可配置（duijie.cultivation.champion-*）。");
    }

    // ---- shared pieces

    private static Requirement holds(String tier, String name) {
        return custom("tier", name, "已获评" + Tier.of(tier).label(),
                f -> new Check(Tier.of(f.tier()).label(), rank(f.tier()) >= rank(tier)));
    }

    private static Requirement revenueOrEquity(double revenueWan, double equityWan) {
        return custom("revenueWan", "上年营业收入（或近两年新增股权融资）",
                "营业收入≥" + WAN.show(revenueWan) + "，或近两年股权融资≥" + WAN.show(equityWan), f -> {
                    Boolean byRevenue = f.revenueWan() == null ? null : Rule.atLeast(f.revenueWan(), revenueWan);
                    Boolean byEquity = f.equityRaisedWan() == null ? null : Rule.atLeast(f.equityRaisedWan(), equityWan);
                    String shown = f.revenueWan() == null ? null : WAN.show(f.revenueWan());
                    if (Boolean.TRUE.equals(byRevenue) || Boolean.TRUE.equals(byEquity)) {
                        return new Check(Boolean.TRUE.equals(byRevenue) ? shown : "股权融资" + WAN.show(f.equityRaisedWan()), true);
                    }
                    // revenue alone decides when it is known and short: missing equity counts as none raised
                    return byRevenue == null ? new Check(null, null) : new Check(shown, false);
                });
    }

    private static Requirement ipWithWaiver(int count, String waiverText, Function<FirmFacts, Boolean> waived) {
        return custom("ipClass1", "Ⅰ类知识产权（发明专利等）", "≥" + count + "项" + waiverText, f -> {
            if (Boolean.TRUE.equals(waived.apply(f))) {
                return new Check(f.ipClass1() == null ? "免" : COUNT.show(f.ipClass1()) + "（免）", true);
            }
            return f.ipClass1() == null ? new Check(null, null) : new Check(COUNT.show(f.ipClass1()), Rule.atLeast(f.ipClass1(), count));
        });
    }

    private static Requirement keyFieldRequirement(String threshold) {
        return custom("keyField", "重点领域", threshold, f -> {
            String k = f.keyField();
            if (k == null || !KEY_FIELDS.contains(k)) {
                return new Check(null, null);
            }
            return new Check(keyFieldLabel(k), !k.equals("NONE"));
        });
    }

    static String keyFieldLabel(String k) {
        return switch (k) {
            case "KEY_LINK" -> "产业链关键环节（补短板、锻长板、填空白）";
            case "BASIC" -> "六基/产业技术基础";
            default -> "不属于重点领域";
        };
    }

    /** IP tied to the main product: 高价值Ⅰ类 &gt; Ⅰ类 &gt; Ⅱ类 &gt; none (points best first, three bands). */
    private static Indicator ip(String code, String name, String group, int[] points) {
        return new Indicator(code, name, group, points[0], f -> {
            if (f.ipClass1() == null && f.ipClass2() == null && f.ipHighValue() == null) {
                return new Score(null, 0, true, null, null);
            }
            double high = f.ipHighValue() == null ? 0 : f.ipHighValue();
            double one = f.ipClass1() == null ? 0 : f.ipClass1();
            double two = f.ipClass2() == null ? 0 : f.ipClass2();
            String shown = "Ⅰ类" + COUNT.show(one) + (high > 0 ? "（高价值" + COUNT.show(high) + "）" : "") + "，Ⅱ类" + COUNT.show(two);
            if (high >= 1) {
                return new Score(shown, points[0], false, null, null);
            }
            if (one >= 1) {
                return new Score(shown, points[1], false, points[0], "拥有1项以上Ⅰ类高价值知识产权");
            }
            if (two >= 1) {
                return new Score(shown, points[2], false, points[1], "拥有1项以上Ⅰ类知识产权（如发明专利）");
            }
            return new Score(shown, 0, false, points[2], "拥有1项以上Ⅱ类知识产权");
        });
    }

    /** 63号附件2: 研发费用总额 or 占比, whichever earns more. */
    private static Score rdSpendBand(FirmFacts f) {
        double[] wan = {500, 400, 300, 200, 100};
        double[] ratio = {0.10, 0.08, 0.06, 0.04, 0.03};
        int[] pts = {10, 8, 6, 4, 2};
        if (f.rdSpendWan() == null && f.rdRatio() == null) {
            return new Score(null, 0, true, null, null);
        }
        int band = pts.length;
        for (int i = 0; i < pts.length; i++) {
            if (f.rdSpendWan() != null && Rule.atLeast(f.rdSpendWan(), wan[i]) || f.rdRatio() != null && Rule.atLeast(f.rdRatio(), ratio[i])) {
                band = i;
                break;
            }
        }
        String shown = (f.rdSpendWan() == null ? "" : WAN.show(f.rdSpendWan())) + (f.rdRatio() == null ? ""
                : (f.rdSpendWan() == null ? "" : "，") + "占比" + PERCENT.show(f.rdRatio()));
        int now = band < pts.length ? pts[band] : 0;
        return band == 0 ? new Score(shown, now, false, null, null)
                : new Score(shown, now, false, pts[band - 1], "研发费用达到" + WAN.show(wan[band - 1]) + "或占比达到" + PERCENT.show(ratio[band - 1]));
    }

    /** 专业化: 补短板/锻长板/填空白 5, 六基/为链主配套 3 (the SUPPLIES edges to a chain leader count as evidence). */
    private static Indicator keyField() {
        return new Indicator("keyField", "产品所属领域（补短板、锻长板、填空白 / 六基、为大企业配套）", SPECIALIZATION, 5, f -> {
            String k = f.keyField();
            if (k != null && k.equals("KEY_LINK")) {
                return new Score(keyFieldLabel(k), 5, false, null, null);
            }
            if (k != null && k.equals("BASIC") || Boolean.TRUE.equals(f.suppliesChainLeader())) {
                return new Score(k != null && k.equals("BASIC") ? keyFieldLabel(k) : "为链主企业配套", 3, false, 5,
                        "产品属于补短板、锻长板或填空白领域");
            }
            if (k == null || !KEY_FIELDS.contains(k)) {
                return new Score(null, 0, true, null, null);
            }
            return new Score(keyFieldLabel(k), 0, false, 3, "进入链主企业供应链或属于六基领域");
        });
    }

    /** 精细化 quality: ISO9001 and an own brand, 3 points each, at most 5. */
    private static Indicator quality() {
        return new Indicator("ownBrand", "质量与品牌（质量管理体系认证、自主品牌，每项3分）", REFINEMENT, 5, f -> {
            boolean iso = f.hasCertification("ISO9001");
            boolean brand = Boolean.TRUE.equals(f.ownBrand());
            int pts = Math.min(5, (iso ? 3 : 0) + (brand ? 3 : 0));
            String shown = (iso ? "ISO9001" : "无质量体系认证") + "，" + (f.ownBrand() == null ? "品牌未知" : brand ? "有自主品牌" : "无自主品牌");
            if (pts == 5) {
                return new Score(shown, 5, false, null, null);
            }
            if (f.ownBrand() == null && !iso) {
                return new Score(shown, 0, true, 3, "通过ISO9001质量管理体系认证");
            }
            return new Score(shown, pts, f.ownBrand() == null, 5, iso ? "拥有自主品牌" : "通过ISO9001质量管理体系认证");
        });
    }

    /** 特色化 item 1 of the Jiangsu rules (J1 ✔): national share ≥10% 6; 5–10% or a leader's supply chain 4. */
    private static Indicator marketJiangsu() {
        return new Indicator("marketShare", "细分市场地位（江苏细则：全国占有率、为链主配套）", CHARACTER, 6, f -> {
            Double share = f.marketShare();
            if (share != null && Rule.atLeast(share, 0.10)) {
                return new Score(PERCENT.show(share), 6, false, null, null);
            }
            if (share != null && Rule.atLeast(share, 0.05) || Boolean.TRUE.equals(f.suppliesChainLeader())) {
                return new Score(share == null ? "为链主企业配套" : PERCENT.show(share), 4, false, 6, "全国市场占有率达到10%");
            }
            if (share == null) {
                return new Score(null, 0, true, null, null);
            }
            return new Score(PERCENT.show(share), 0, false, 4, "全国市场占有率达到5%或进入链主企业供应链");
        });
    }

    private static Check littleGiantRd(FirmFacts f) {
        if (f.revenueWan() == null) {
            return new Check(null, null);
        }
        double rev = f.revenueWan();
        if (Rule.atLeast(rev, 10_000) || Rule.atLeast(rev, 5_000)) {
            double need = Rule.atLeast(rev, 10_000) ? 0.03 : 0.06;
            return f.rdRatio() == null ? new Check(null, null)
                    : new Check("营收" + WAN.show(rev) + "，研发占比" + PERCENT.show(f.rdRatio()), Rule.atLeast(f.rdRatio(), need));
        }
        if (f.equityRaisedWan() == null || f.rdSpendWan() == null || f.rdStaffShare() == null) {
            return new Check(null, null);
        }
        double rd2 = f.rdSpendWan() + (f.rdSpendPrevWan() == null ? 0 : f.rdSpendPrevWan());
        boolean pass = Rule.atLeast(f.equityRaisedWan(), 8000) && Rule.atLeast(rd2, 3000) && Rule.atLeast(f.rdStaffShare(), 0.5);
        return new Check("营收" + WAN.show(rev) + "，股权融资" + WAN.show(f.equityRaisedWan()) + "，研发费用" + WAN.show(rd2)
                + "，研发人员" + PERCENT.show(f.rdStaffShare()), pass);
    }

    private static Boolean atLeastLevel(String level, int rank) {
        Integer r = FirmFacts.levelRank(level);
        return r == null ? null : r >= rank;
    }
}
