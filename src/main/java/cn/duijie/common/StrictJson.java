package cn.duijie.common;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The one place request JSON is held to Duijie's rules, for every endpoint: no enums by ordinal, no fractions into
 * whole numbers, no duplicated keys, no NUL bytes in text (PostgreSQL refuses them), no number beyond what a column
 * holds (|x| &lt; 10^12, NUMERIC(14,2)), no non-finite number (1e309), no date outside the years 1900–9999, and bounded
 * nesting and sizes. A refused value becomes a 400 problem naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final BigDecimal MAX_ABS = new BigDecimal("1e12");
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 9999;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(64).maxStringLength(5_000_000).build());
        SimpleModule module = new SimpleModule("duijie-strict-json");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = bean.getBeanClass();
                if (type == String.class) {
                    return new Checked(deserializer, StrictJson::checkText);
                }
                if (type == BigDecimal.class || type == Double.class || type == double.class
                        || type == Float.class || type == float.class) {
                    return new Checked(deserializer, StrictJson::checkNumber);
                }
                if (type == OffsetDateTime.class || type == LocalDate.class || type == Instant.class) {
                    return new Checked(deserializer, StrictJson::checkDate);
                }
                return deserializer;
            }
        });
        mapper.registerModule(module);
    }

    static String checkText(Object value) {
        return value instanceof String s && s.indexOf('\0') >= 0 ? Messages.get("json.nul") : null;
    }

    static String checkNumber(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return Messages.get("json.number-range", MAX_ABS.toPlainString());
        }
        if (value instanceof Number n && new BigDecimal(n.toString()).abs().compareTo(MAX_ABS) >= 0) {
            return Messages.get("json.number-range", MAX_ABS.toPlainString());
        }
        return null;
    }

    static String checkDate(Object value) {
        int year = value instanceof OffsetDateTime t ? t.getYear()
                : value instanceof LocalDate d ? d.getYear()
                : value instanceof Instant i ? i.atOffset(ZoneOffset.UTC).getYear()
                : MIN_YEAR;
        return year < MIN_YEAR || year > MAX_YEAR ? Messages.get("json.date-range", MIN_YEAR, MAX_YEAR) : null;
    }

    /** Runs the standard deserializer, then refuses a value its check names a reason for. */
    static final class Checked extends DelegatingDeserializer {

        private final java.util.function.Function<Object, String> check;

        Checked(JsonDeserializer<?> delegate, java.util.function.Function<Object, String> check) {
            super(delegate);
            this.check = check;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, check);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            String reason = value == null ? null : check.apply(value);
            if (reason != null) {
                throw new RefusedJsonValue(p, reason, value, value.getClass());
            }
            return value;
        }
    }
}
