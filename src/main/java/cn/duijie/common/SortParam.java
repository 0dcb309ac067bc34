package cn.duijie.common;

import cn.duijie.domain.Vocabulary;

/**
 * A list's order from its {@code sort} query parameter: one constant of the list's whitelist enum (firm search,
 * needs, events, an import's rejected rows), case-insensitive; anything else is a 400 problem naming the allowed
 * values. Only the constant ever reaches a query, never the text.
 */
public final class SortParam {

    /** A whitelisted sort key; {@code descending} says which way it orders, for the arrow beside a column header. */
    public interface Key {
        boolean descending();
    }

    private SortParam() {
    }

    /** {@code fallback} for none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return Vocabulary.parse(type, text).orElseThrow(() -> DomainException.invalid("sort",
                Messages.get("enum.allowed", text, Vocabulary.allowed(type))));
    }
}
