package cn.duijie.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading and listing the domain enums at the edges (JSON, CSV cells, query parameters, Cypher parameters). */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** The constant named by text, ignoring case and surrounding blanks; empty for null, blank or unknown text. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
    }

    /** The constants' names in declaration order. */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** "A / B / C", as error messages list what is allowed. */
    public static String allowed(Class<? extends Enum<?>> type) {
        return String.join(" / ", names(type));
    }
}
