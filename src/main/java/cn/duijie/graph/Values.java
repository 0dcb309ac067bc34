package cn.duijie.graph;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.neo4j.driver.Value;

/** Null-safe reads of driver values for the records' {@code from(Value)} factories. */
public final class Values {

    private Values() {
    }

    public static String text(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    public static Long whole(Value v) {
        return v == null || v.isNull() ? null : v.asLong();
    }

    public static Double number(Value v) {
        return v == null || v.isNull() ? null : v.asDouble();
    }

    public static Boolean flag(Value v) {
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    /** Money and other decimals: exact from the stored number's text, never through binary rounding surprises. */
    public static BigDecimal decimal(Value v) {
        return v == null || v.isNull() ? null : new BigDecimal(v.asNumber().toString());
    }

    public static List<String> texts(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }

    public static <T> List<T> list(Value v, Function<Value, T> map) {
        return v == null || v.isNull() ? List.of() : v.asList(map::apply);
    }

    /** The enum constant a stored name stands for; null when missing or unknown. */
    public static <E extends Enum<E>> E constant(Value v, Class<E> type) {
        return v == null || v.isNull() ? null : cn.duijie.domain.Vocabulary.parse(type, v.asString()).orElse(null);
    }
}
