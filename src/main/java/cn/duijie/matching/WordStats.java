package cn.duijie.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many firms use each word (document frequency over every firm's name, description and product names), and
 * from it each word's weight, the inverse document frequency: a word in nearly every firm (有限公司, 设备, 材料) weighs
 * almost nothing, a word few firms use (谐波减速器) weighs much. Immutable; {@link #with} makes the counts after a
 * batch of firm changes, copying the map once.
 */
public record WordStats(Map<String, Integer> df, int docs) {

    static final WordStats EMPTY = new WordStats(Map.of(), 0);

    /** BM25's inverse document frequency, ln(1 + (N − df + ½) / (df + ½)); 0 for a word no firm uses. */
    public double idf(String word) {
        int n = df.getOrDefault(word, 0);
        return n == 0 ? 0 : Math.log(1 + (docs - n + 0.5) / (n + 0.5));
    }

    /**
     * A common word: used by more than {@code share} of the firms (and by at least {@code minDocs} of them, so that
     * a small region does not make every word common) — 设备, 材料, 科技, 有限公司 in a real register.
     */
    public boolean common(String word, double share, int minDocs) {
        int n = df.getOrDefault(word, 0);
        return n >= minDocs && n > share * docs;
    }

    /**
     * How much of what the asking words say a firm's words cover: the IDF weight of the shared words over the IDF
     * weight of all asking words that any firm uses (a word no firm uses can match nobody and is left out). 0 … 1.
     */
    public double coverage(Collection<String> asking, Collection<String> firm) {
        double all = 0;
        double shared = 0;
        for (String w : asking) {
            double idf = idf(w);
            all += idf;
            if (idf > 0 && firm.contains(w)) {
                shared += idf;
            }
        }
        return all == 0 ? 0 : shared / all;
    }

    /** The asking words a firm shares, heaviest first. */
    public List<String> shared(Collection<String> asking, Collection<String> firm) {
        return asking.stream().filter(firm::contains).filter(w -> idf(w) > 0)
                .sorted((a, b) -> Double.compare(idf(b), idf(a))).toList();
    }

    /** The counts after removing the old words of changed or deleted firms and adding the new ones. */
    WordStats with(Collection<List<String>> removed, Collection<List<String>> added) {
        if (removed.isEmpty() && added.isEmpty()) {
            return this;
        }
        Map<String, Integer> next = new HashMap<>(df);
        removed.forEach(ws -> ws.forEach(w -> next.computeIfPresent(w, (k, v) -> v <= 1 ? null : v - 1)));
        added.forEach(ws -> ws.forEach(w -> next.merge(w, 1, Integer::sum)));
        return new WordStats(next, docs - removed.size() + added.size());
    }
}
