package cn.duijie.web;

import java.util.Arrays;

import cn.duijie.common.SortParam;

/**
 * Clickable column headers of a list sorted on the server: the link of each whitelisted sort key (the list's other
 * parameters kept, back to the first page), which key is in use and its direction (aria-sort, arrow).
 */
public record SortLinks(String base, Enum<?> current) {

    /** {@code base}: the list's address with its filters but without sort and page, e.g. "/bureau?kind=SUPPLY". */
    public static SortLinks of(String base, Enum<?> current) {
        return new SortLinks(base, current);
    }

    public String href(String key) {
        check(key);
        return base + (base.contains("?") ? "&" : "?") + "sort=" + key;
    }

    /** The page's address with this sort, for the pager's links ("&sort=KEY", or "" for the default). */
    public String param() {
        return "&sort=" + current.name();
    }

    public boolean active(String key) {
        return current.name().equals(key);
    }

    /** aria-sort of a header: the direction of the key in use, "none" for the others. */
    public String aria(String key) {
        if (!active(key)) {
            return "none";
        }
        return ((SortParam.Key) current).descending() ? "descending" : "ascending";
    }

    /** The arrow after the header of the key in use. */
    public String mark(String key) {
        if (!active(key)) {
            return "";
        }
        return ((SortParam.Key) current).descending() ? " ▼" : " ▲";
    }

    private void check(String key) {
        // a typo in a template is a programming error, not a link to a 400 page
        if (Arrays.stream(current.getDeclaringClass().getEnumConstants()).noneMatch(e -> e.name().equals(key))) {
            throw new IllegalArgumentException("no sort key " + key + " in " + current.getDeclaringClass().getSimpleName());
        }
    }
}
