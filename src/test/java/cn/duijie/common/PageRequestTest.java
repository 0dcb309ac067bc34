package cn.duijie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The paging rule on its own: page from 0, size 1..100, each fault named with its parameter and a Chinese reason. */
class PageRequestTest {

    private final Validator validator = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private List<String> faults(int page, int size) {
        Set<ConstraintViolation<PageRequest>> v = validator.validate(new PageRequest(page, size));
        return v.stream().map(c -> c.getPropertyPath() + ": " + c.getMessage()).sorted().toList();
    }

    @Test
    void firstPageAndBothSizeLimitsAreAllowed() {
        assertEquals(List.of(), faults(0, 1));
        assertEquals(List.of(), faults(7, 100));
    }

    @Test
    void negativePageAndSizeOutsideOneToHundredAreRejectedWithReasons() {
        assertEquals(List.of("page: 页码 page 应大于等于 0"), faults(-1, 20));
        assertEquals(List.of("size: 每页条数 size 应在 1 到 100 之间"), faults(0, 0));
        assertEquals(List.of("size: 每页条数 size 应在 1 到 100 之间"), faults(0, 101));
        assertTrue(faults(-5, 500).size() == 2);
    }
}
