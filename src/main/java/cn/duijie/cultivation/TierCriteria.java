package cn.duijie.cultivation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one tier asks of a firm under one regime: hard requirements, scored indicators with a pass mark (and minimum
 * points per group), an externally computed score where the regime uses one, and direct routes.
 */
public record TierCriteria(String tier, String basis, List<Rule.Requirement> requirements, List<Rule.Indicator> indicators,
                           Integer passMark, Map<String, Integer> groupMinimums, Rule.Requirement externalScore,
                           List<Rule.Direct> direct, String note) {

    static TierCriteria of(String tier, String basis) {
        return new TierCriteria(tier, basis, List.of(), List.of(), null, Map.of(), null, List.of(), null);
    }

    TierCriteria requirements(Rule.Requirement... r) {
        return new TierCriteria(tier, basis, List.of(r), indicators, passMark, groupMinimums, externalScore, direct, note);
    }

    TierCriteria scored(int passMark, Map<String, Integer> minimums, Rule.Indicator... i) {
        return new TierCriteria(tier, basis, requirements, List.of(i), passMark, minimums, externalScore, direct, note);
    }

    /** The pass mark is met by a score the firm reports from elsewhere (发展评价, computed on MIIT's platform). */
    TierCriteria externalScore(String code, String name, int passMark, Function<FirmFacts, Double> get) {
        return new TierCriteria(tier, basis, requirements, indicators, passMark, groupMinimums,
                Rule.min(code, name, Rule.Unit.POINTS, get, passMark), direct, note);
    }

    TierCriteria direct(Rule.Direct... d) {
        return new TierCriteria(tier, basis, requirements, indicators, passMark, groupMinimums, externalScore, List.of(d), note);
    }

    TierCriteria note(String text) {
        return new TierCriteria(tier, basis, requirements, indicators, passMark, groupMinimums, externalScore, direct, text);
    }
}
