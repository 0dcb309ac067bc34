package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Co-production (item-to-item similarity over MAKES): for each pair of products, how many firms make both. Firms
 * that make 减速器 often also make 齿轮; a firm that makes 齿轮 but does not list 减速器 is then a likely maker of
 * it. The similarity of two products is the cosine of their maker sets, {@code both / √(makers(p) · makers(q))}.
 * Immutable; {@link #with} applies a batch of changed firms, copying only the rows of the products they touch.
 */
public record CoProduction(Map<String, Map<String, Integer>> both) {

    static final CoProduction EMPTY = new CoProduction(Map.of());

    /** A product made together with the asked one: by how many firms, and the cosine of the two maker sets. */
    public record Similar(String product, int both, double cosine) {
    }

    /**
     * Products made together with {@code product} by at least {@code minBoth} firms, most similar first, at most
     * {@code limit}; {@code makers} gives each product's maker count.
     */
    public List<Similar> similar(String product, Map<String, ? extends Collection<?>> makers, int minBoth, int limit) {
        Map<String, Integer> row = both.getOrDefault(product, Map.of());
        int n = size(makers.get(product));
        List<Similar> out = new ArrayList<>();
        row.forEach((q, k) -> {
            int m = size(makers.get(q));
            if (k >= minBoth && n > 0 && m > 0) {
                out.add(new Similar(q, k, k / Math.sqrt((double) n * m)));
            }
        });
        out.sort(Comparator.comparingDouble(Similar::cosine).reversed().thenComparing(Similar::product));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static int size(Collection<?> c) {
        return c == null ? 0 : c.size();
    }

    /** How many firms make both products. */
    public int both(String p, String q) {
        return both.getOrDefault(p, Map.of()).getOrDefault(q, 0);
    }

    /** The counts after taking out the old product lists of changed firms and adding the new ones. */
    CoProduction with(Collection<List<String>> removed, Collection<List<String>> added) {
        if (removed.isEmpty() && added.isEmpty()) {
            return this;
        }
        Map<String, Map<String, Integer>> next = new HashMap<>(both);
        Map<String, Map<String, Integer>> copied = new HashMap<>();
        removed.forEach(makes -> pairs(makes, (p, q) -> {
            Map<String, Integer> row = row(next, copied, p);
            row.computeIfPresent(q, (k, v) -> v <= 1 ? null : v - 1);
        }));
        added.forEach(makes -> pairs(makes, (p, q) -> row(next, copied, p).merge(q, 1, Integer::sum)));
        copied.forEach((p, row) -> {
            if (row.isEmpty()) {
                next.remove(p);
            }
        });
        return new CoProduction(next);
    }

    private static Map<String, Integer> row(Map<String, Map<String, Integer>> next, Map<String, Map<String, Integer>> copied,
                                            String p) {
        return copied.computeIfAbsent(p, k -> {
            Map<String, Integer> r = new HashMap<>(next.getOrDefault(k, Map.of()));
            next.put(k, r);
            return r;
        });
    }

    private static void pairs(List<String> makes, java.util.function.BiConsumer<String, String> each) {
        for (String p : makes) {
            for (String q : makes) {
                if (!p.equals(q)) {
                    each.accept(p, q);
                }
            }
        }
    }
}
