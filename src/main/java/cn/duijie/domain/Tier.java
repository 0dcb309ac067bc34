package cn.duijie.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.duijie.common.Messages;

/**
 * The cultivation ladder (梯度培育), lowest first: the declaration order is the ladder, and each rung carries the score
 * matching gives a firm on it. The one place the ladder is written down.
 */
public enum Tier {
    NONE(0.0),
    POOL(0.25),
    INNOVATIVE(0.45),
    SPECIALIZED(0.7),
    LITTLE_GIANT(0.85),
    CHAMPION(1.0);

    private final double score;

    Tier(double score) {
        this.score = score;
    }

    /** Position on the ladder: NONE 0 … CHAMPION 5. */
    public int rank() {
        return ordinal();
    }

    /** The score in [0, 1] a firm on this rung contributes to matching. */
    public double score() {
        return score;
    }

    /** The Chinese name of the rung, e.g. 专精特新“小巨人”. */
    public String label() {
        return Messages.get("tier." + name());
    }

    /** The next rung up, empty for CHAMPION. */
    public Optional<Tier> next() {
        return this == CHAMPION ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public boolean isAbove(Tier other) {
        return compareTo(other) > 0;
    }

    /** The tier a stored or sent value names; a missing or unknown value is NONE (the graph's default). */
    public static Tier of(String text) {
        return Vocabulary.parse(Tier.class, text).orElse(NONE);
    }

    public static Optional<Tier> parse(String text) {
        return Vocabulary.parse(Tier.class, text);
    }

    /** A Cypher expression giving the ladder rank of a tier property, e.g. {@code rankCypher("e.tier")}. */
    public static String rankCypher(String property) {
        return Arrays.stream(values()).filter(t -> t != NONE)
                .map(t -> "WHEN '" + t.name() + "' THEN " + t.rank())
                .collect(Collectors.joining(" ", "CASE " + property + " ", " ELSE 0 END"));
    }
}
