package cn.duijie.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

import cn.duijie.common.DomainException;
import cn.duijie.common.Problem;

/**
 * The reasons a form was refused, per field, as the API's problem+json gives them: shown beside each field, the
 * summary above the form.
 */
public record FormErrors(String detail, Map<String, String> byField) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    static FormErrors of(DomainException e) {
        Problem p = e.toProblem();
        return of(p.detail(), p.errors() == null ? List.of() : p.errors());
    }

    static FormErrors of(String detail, List<Problem.FieldError> errors) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Problem.FieldError f : errors) {
            // productCodes[0] and productCodes are one field of the form
            String field = f.field() == null ? "" : f.field().replaceAll("\\[\\d+]", "");
            m.merge(field, f.reason(), (a, b) -> a + "；" + b);
        }
        return new FormErrors(detail, m);
    }

    static <T> List<Problem.FieldError> violations(Set<ConstraintViolation<T>> violations) {
        List<Problem.FieldError> out = new ArrayList<>();
        for (ConstraintViolation<T> v : violations) {
            out.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        out.sort(Comparator.comparing(Problem.FieldError::field));
        return out;
    }

    public boolean any() {
        return detail != null || !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.getOrDefault(field, "");
    }

    /** Reasons for fields the form does not show (they still must be read). */
    public List<String> others(String shownFields) {
        List<String> shown = List.of(shownFields.split(","));
        return byField.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(e -> e.getKey() + "：" + e.getValue()).toList();
    }
}
