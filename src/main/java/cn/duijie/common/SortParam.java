package cn.duijie.common;

import java.util.List;

import cn.duijie.domain.Vocabulary;

/**
 * A list's order from its {@code sort} query parameter: one constant of the list's whitelist enum (firm search,
 * needs, events, an import's rejected rows, an event's participants and requests), case-insensitive, optionally after
 * a {@code -} that reverses it ({@code sort=-TITLE}: exactly the reverse of {@code sort=TITLE}); anything else is a
 * 400 problem naming the allowed values. Only the constant ever reaches a query, never the text.
 */
public final class SortParam {

    /** A whitelisted sort key; {@code descending} says which way it usually orders, for the arrow beside a column header. */
    public interface Key {
        boolean descending();
    }

    /** A key and whether the list is reversed. */
    public record Order<E extends Enum<E> & Key>(E key, boolean reversed) {

        public static <E extends Enum<E> & Key> Order<E> of(E key) {
            return new Order<>(key, false);
        }

        /** Which way the key's column runs in this order. */
        public boolean descending() {
            return key.descending() != reversed;
        }

        /** As the parameter is written: {@code TITLE} or {@code -TITLE}. */
        public String param() {
            return (reversed ? "-" : "") + key.name();
        }

        /** The same key the other way round. */
        public Order<E> flipped() {
            return new Order<>(key, !reversed);
        }

        /** These rows, already in the key's usual order, in this order. */
        public <T> List<T> apply(List<T> usual) {
            if (!reversed) {
                return usual;
            }
            List<T> out = new java.util.ArrayList<>(usual);
            java.util.Collections.reverse(out);
            return out;
        }

        /** The key's usual columns, each the other way round when reversed. */
        public io.quarkus.panache.common.Sort apply(io.quarkus.panache.common.Sort usual) {
            if (!reversed) {
                return usual;
            }
            io.quarkus.panache.common.Sort out = null;
            for (io.quarkus.panache.common.Sort.Column c : usual.getColumns()) {
                var direction = c.getDirection() == io.quarkus.panache.common.Sort.Direction.Ascending
                        ? io.quarkus.panache.common.Sort.Direction.Descending : io.quarkus.panache.common.Sort.Direction.Ascending;
                out = out == null ? io.quarkus.panache.common.Sort.by(c.getName(), direction) : out.and(c.getName(), direction);
            }
            return out;
        }
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

    /** The key and direction of {@code text} ({@code KEY} or {@code -KEY}); {@code fallback} the usual way for none. */
    public static <E extends Enum<E> & Key> Order<E> order(Class<E> type, String text, E fallback) {
        String t = text == null ? "" : text.strip();
        boolean reversed = t.startsWith("-");
        E key = parse(type, reversed ? t.substring(1) : t, fallback);
        return new Order<>(key, reversed && !t.substring(1).isBlank());
    }
}
