package cn.duijie.cultivation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.duijie.common.Messages;
import cn.duijie.domain.Tier;

/** 找差距补短板: holds a firm against the criteria of every tier above its own. Pure: no engines. */
public final class Readiness {

    /** At most this many scored 扣分项 are listed per tier (failed requirements are always all listed). */
    static final int SCORED_GAPS = 5;
    /** Codes of the scored groups, for the sub-minimum requirements (score.innovation …). */
    static final Map<String, String> GROUP_CODES = Map.of("专业化", "specialization", "精细化", "refinement", "特色化", "character",
            "创新能力", "innovation", "成长性", "growth");

    private Readiness() {
    }

    public static ReadinessApi.Readiness assess(FirmFacts f, Regime regime, LocalDate on, Criteria.Settings s) {
        List<ReadinessApi.Assessment> out = new ArrayList<>();
        int current = Criteria.rank(f.tier());
        for (String tier : Criteria.ASSESSED) {
            if (Criteria.rank(tier) > current) {
                out.add(assess(f, Criteria.of(tier, regime, s)));
            }
        }
        return new ReadinessApi.Readiness(f.creditCode(), f.name(), f.tier(), Tier.of(f.tier()).label(), regime.name(),
                regime.document, on.toString(), out);
    }

    /** One tier: requirements, score, direct routes, and the gaps ordered failed requirements first, then by gain. */
    public static ReadinessApi.Assessment assess(FirmFacts f, TierCriteria c) {
        List<String> direct = new ArrayList<>();
        for (Rule.Direct d : c.direct()) {
            if (Boolean.TRUE.equals(d.holds().apply(f))) {
                direct.add(d.name());
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        List<ReadinessApi.Gap> gaps = new ArrayList<>();
        List<ReadinessApi.Requirement> requirements = new ArrayList<>();
        boolean failed = false;
        boolean unknown = false;
        for (Rule.Requirement r : c.requirements()) {
            Rule.Check check = r.check().apply(f);
            boolean waived = r.waivedByDirect() && !direct.isEmpty() && !Boolean.TRUE.equals(check.pass());
            requirements.add(new ReadinessApi.Requirement(r.code(), r.name(), check.value(), r.threshold(), check.pass(), waived));
            if (waived) {
                continue;
            }
            if (check.pass() == null) {
                unknown = true;
                missing.add(r.code());
            } else if (!check.pass()) {
                failed = true;
                gaps.add(new ReadinessApi.Gap(r.code(), "REQUIREMENT", Messages.get("readiness.gap.requirement", r.name(),
                        check.value() == null ? "—" : check.value(), r.threshold()), null));
            }
        }

        // scored part: our own indicators, or a score the firm reports (发展评价)
        List<ReadinessApi.Indicator> indicators = new ArrayList<>();
        Integer score = null;
        Boolean scorePasses = null;
        if (!c.indicators().isEmpty()) {
            int total = 0;
            int missingPoints = 0;
            Map<String, Integer> byGroup = new LinkedHashMap<>();
            Map<String, Integer> missingByGroup = new LinkedHashMap<>();
            List<ReadinessApi.Gap> scored = new ArrayList<>();
            for (Rule.Indicator i : c.indicators()) {
                Rule.Score sc = i.score().apply(f);
                indicators.add(new ReadinessApi.Indicator(i.code(), i.name(), i.group(), sc.value(), sc.points(), i.maxPoints(), sc.missing()));
                total += sc.points();
                byGroup.merge(i.group(), sc.points(), Integer::sum);
                if (sc.missing()) {
                    missing.add(i.code());
                    missingPoints += i.maxPoints() - sc.points();
                    missingByGroup.merge(i.group(), i.maxPoints() - sc.points(), Integer::sum);
                }
                if (sc.nextPoints() != null && sc.nextPoints() > sc.points()) {
                    scored.add(new ReadinessApi.Gap(i.code(), "INDICATOR", Messages.get("readiness.gap.indicator", i.name(),
                            sc.value() == null ? "—" : sc.value(), sc.points(), sc.nextTarget(), sc.nextPoints(),
                            sc.nextPoints() - sc.points()), sc.nextPoints() - sc.points()));
                }
            }
            score = total;
            boolean groupsMet = true;
            boolean groupsReachable = true;
            for (Map.Entry<String, Integer> m : c.groupMinimums().entrySet()) {
                int got = byGroup.getOrDefault(m.getKey(), 0);
                if (got < m.getValue()) {
                    groupsMet = false;
                    if (got + missingByGroup.getOrDefault(m.getKey(), 0) < m.getValue()) {
                        groupsReachable = false;
                    }
                    requirements.add(new ReadinessApi.Requirement("score." + GROUP_CODES.getOrDefault(m.getKey(), m.getKey()), m.getKey() + "得分", got + "分",
                            "≥" + m.getValue() + "分", !direct.isEmpty() || got + missingByGroup.getOrDefault(m.getKey(), 0) >= m.getValue() ? null : Boolean.FALSE,
                            !direct.isEmpty()));
                }
            }
            boolean passes = total >= c.passMark() && groupsMet;
            scorePasses = passes ? Boolean.TRUE : total + missingPoints >= c.passMark() && groupsReachable ? null : Boolean.FALSE;
            if (!passes && direct.isEmpty()) {
                Set<String> already = new LinkedHashSet<>();
                gaps.forEach(g -> already.add(g.code()));
                Map<String, String> groupOf = new LinkedHashMap<>();
                c.indicators().forEach(i -> groupOf.put(i.code(), i.group()));
                Set<String> short_ = new LinkedHashSet<>();
                c.groupMinimums().forEach((g, min) -> {
                    if (byGroup.getOrDefault(g, 0) < min) {
                        short_.add(g);
                    }
                });
                // points in a group below its minimum come first: elsewhere they cannot lift the firm over it
                scored.stream().filter(g -> !already.contains(g.code()))
                        .sorted(Comparator.comparing((ReadinessApi.Gap g) -> !short_.contains(groupOf.get(g.code())))
                                .thenComparing(Comparator.comparing(ReadinessApi.Gap::gain).reversed()))
                        .limit(SCORED_GAPS).forEach(gaps::add);
            }
        } else if (c.externalScore() != null) {
            Rule.Requirement r = c.externalScore();
            Rule.Check check = r.check().apply(f);
            score = f.developmentScore() == null ? null : (int) Math.floor(f.developmentScore());
            requirements.add(new ReadinessApi.Requirement(r.code(), r.name(), check.value(), r.threshold(), check.pass(), false));
            scorePasses = check.pass();
            if (check.pass() == null) {
                missing.add(r.code());
            } else if (!check.pass()) {
                gaps.add(new ReadinessApi.Gap(r.code(), "REQUIREMENT", Messages.get("readiness.gap.requirement", r.name(),
                        check.value(), r.threshold()), null));
            }
        }
        boolean scoreOk = Boolean.TRUE.equals(scorePasses) || !direct.isEmpty() || scorePasses == null && c.passMark() == null;
        Boolean eligible;
        if (failed || Boolean.FALSE.equals(scorePasses) && direct.isEmpty()) {
            eligible = false;
        } else if (unknown || !scoreOk) {
            eligible = null;
        } else {
            eligible = true;
        }
        return new ReadinessApi.Assessment(c.tier(), Tier.of(c.tier()).label(), c.basis(), eligible, score, c.passMark(),
                direct, requirements, indicators, gaps, List.copyOf(missing), c.note());
    }
}
