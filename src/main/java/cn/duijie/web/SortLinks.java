package cn.duijie.web;

import java.util.Arrays;

import cn.duijie.common.SortParam;

/**
 * Clickable column headers of a list sorted on the server: the link of each whitelisted sort key (the list's other
 * parameters kept, back to the first page) — the header of the key in use links to the same key reversed
 * ({@code sort=-KEY}), the others to their usual order — which key is in use and its direction (aria-sort, arrow).
 */
public record SortLinks(String base, SortParam.Order<?> current) {

    /** {@code base}: the list's address with its filters but without sort and page, e.g. "/bureau?kind=SUPPLY". */
    public static SortLinks of(String base, SortParam.Order<?> current) {
        return new SortLinks(base, current);
    }

    public String href(String key) {
        check(key);
        return base + (base.contains("?") ? "&" : "?") + "sort=" + (active(key) ? current.flipped().param() : key);
    }

    /** The page's address with this sort, for the pager's links ("&sort=KEY" or "&sort=-KEY"). */
    public String param() {
        return "&sort=" + current.param();
    }

    /** The sort as the parameter is written, for a form's hidden field. */
    public String value() {
        return current.param();
    }

    public boolean active(String key) {
        return current.key().name().equals(key);
    }

    /** aria-sort of a header: the direction of the key in use, "none" for the others. */
    public String aria(String key) {
        if (!active(key)) {
            return "none";
        }
        return current.descending() ? "descending" : "ascending";
    }

    /** The arrow after the header of the key in use. */
    public String mark(String key) {
        if (!active(key)) {
            return "";
        }
        return current.descending() ? " ▼" : " ▲";
    }

    private void check(String key) {
        // a typo in a template is a programming error, not a link to a 400 page
        if (Arrays.stream(current.key().getDeclaringClass().getEnumConstants()).noneMatch(e -> e.name().equals(key))) {
            throw new IllegalArgumentException("no sort key " + key + " in " + current.key().getDeclaringClass().getSimpleName());
        }
    }
}
