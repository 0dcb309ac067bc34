package cn.duijie.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import cn.duijie.domain.Vocabulary;

/**
 * Query and path parameters of the shared vocabulary's enum types are read in any case ({@code kind=lab} is LAB); an
 * unknown value is a 400 problem naming the parameter and the allowed values.
 */
@Provider
public class EnumParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !rawType.getPackageName().equals(Vocabulary.class.getPackageName())) {
            return null;
        }
        return (ParamConverter<T>) converter((Class) rawType, parameterName(annotations));
    }

    private static <E extends Enum<E>> ParamConverter<E> converter(Class<E> type, String name) {
        return new ParamConverter<>() {
            @Override
            public E fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                return Vocabulary.parse(type, value).orElseThrow(() -> DomainException.invalid(name,
                        Messages.get("enum.allowed", value, Vocabulary.allowed(type))));
            }

            @Override
            public String toString(E value) {
                return value == null ? null : value.name();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "";
    }
}
