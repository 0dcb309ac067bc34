package cn.duijie.common;

import java.util.List;

/** The shared list shape: {items, total, page, size}; page counts from 0. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
