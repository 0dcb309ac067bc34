package cn.duijie.common;

import java.util.ArrayList;
import java.util.List;

/** Checks the shared paging parameters: page from 0, size 1..100. */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static void check(int page, int size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new Problem.FieldError("page", Messages.get("paging.page")));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", Messages.get("paging.size")));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
        }
    }
}
