package cn.duijie.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shared list shape: {items, total, page, size, totalExact}; page counts from 0. {@code totalExact} is false only
 * where a list stops counting at a cap (the firm search with words looks at 10,000 full-text hits): {@code total} is
 * then a lower bound.
 */
public record Page<T>(List<T> items, long total, int page, int size,
                      @Schema(description = "false：total 是下限（列表数到 total 即停止计数，如企业检索命中超过 10000 家时）") boolean totalExact) {

    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, true);
    }
}
