package cn.duijie.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading and listing the domain enums at the edges (JSON, CSV cells, query parameters, Cypher parameters). */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** Each enum's constants by name, built once per enum (the matchers read a tier per candidate, per request). */
    private static final ClassValue<java.util.Map<String, Enum<?>>> BY_NAME = new ClassValue<>() {
        @Override
        protected java.util.Map<String, Enum<?>> computeValue(Class<?> type) {
            java.util.Map<String, Enum<?>> m = new java.util.HashMap<>();
            for (Object e : type.getEnumConstants()) {
                m.put(((Enum<?>) e).name(), (Enum<?>) e);
            }
            return java.util.Map.copyOf(m);
        }
    };

    /** The constant named by text, ignoring case and surrounding blanks; empty for null, blank or unknown text. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        java.util.Map<String, Enum<?>> byName = BY_NAME.get(type);
        Enum<?> e = byName.get(text); // the usual case: the name as stored
        if (e == null && !text.isBlank()) {
            e = byName.get(text.strip().toUpperCase(Locale.ROOT));
        }
        return e == null ? Optional.empty() : Optional.of(type.cast(e));
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
