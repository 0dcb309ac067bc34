package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The firms-and-products part of the matching snapshot: who makes what, where, at which tier and with which
 * certifications, whom each firm supplies; the product tree; segments with their FEEDS and chains. Immutable: a
 * change builds a new instance that shares every list it did not touch ({@link #withFirms}).
 */
public record FirmsAndProducts(Map<String, Firm> byId, Map<String, List<Firm>> makersByProduct,
                               Map<String, List<String>> suppliedBy, int nextIdx,
                               Map<String, String> productNames, Map<String, String> productSegment,
                               Map<String, List<String>> narrower, Map<String, List<String>> broader,
                               Map<String, List<String>> siblings,
                               Map<String, String> segmentNames, Map<String, List<String>> feeds,
                               Map<String, String> segmentChain, Map<String, String> chainNames,
                               WordStats words, CoProduction coProduction, Map<String, List<String>> productWords,
                               Map<String, List<String>> productKeywords, Map<String, List<String>> firmsByWord) {

    /**
     * A firm as matching sees it; lat/lon NaN when unknown. {@code idx} is a dense number for bit sets, kept when
     * the firm changes.
     */
    public record Firm(int idx, String id, String name, String regionCode, Long employees, boolean leader, double lat,
                       double lon, cn.duijie.domain.Tier tier, List<String> certifications, List<String> makes, List<Supply> supplies,
                       List<String> techs, List<String> leads, int descriptionLength, List<String> words) {

        /** The firms it supplies, each once, in the order of its edges. */
        public Set<String> buyers() {
            Set<String> out = new java.util.LinkedHashSet<>();
            supplies.forEach(x -> out.add(x.buyer()));
            return out;
        }
    }

    /** One SUPPLIES edge of a firm: to whom, and the product it names (null when it names none). */
    public record Supply(String buyer, String product) {
    }

    /** A SUPPLIES edge seen from its buyer: the supplier, and the product it names (null when it names none). */
    public record Incoming(String supplier, String product) {
    }

    /** The product tree (with each product's keywords), segments and chains as the graph holds them now. */
    public record Taxonomy(Map<String, String> productNames, Map<String, String> productSegment, Map<String, String> productParent,
                           Map<String, String> segmentNames, Map<String, List<String>> feeds, Map<String, String> segmentChain,
                           Map<String, String> chainNames, Map<String, List<String>> productKeywords) {
    }

    static FirmsAndProducts empty(Taxonomy taxonomy) {
        return new FirmsAndProducts(Map.of(), Map.of(), Map.of(), 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), WordStats.EMPTY, CoProduction.EMPTY, Map.of(), Map.of(), Map.of())
                .withTaxonomy(taxonomy);
    }

    public Firm firm(String id) {
        return id == null ? null : byId.get(id);
    }

    /**
     * The SUPPLIES edges into a buyer as (supplier, product) pairs, ordered by product (edges naming none last) and
     * supplier: the snapshot's answer to "who supplies this firm with what", without asking the graph.
     */
    public List<Incoming> suppliesInto(String buyer) {
        List<Incoming> out = new ArrayList<>();
        for (String supplier : new java.util.LinkedHashSet<>(suppliedBy.getOrDefault(buyer, List.of()))) {
            Firm f = byId.get(supplier);
            if (f != null) {
                f.supplies().stream().filter(x -> x.buyer().equals(buyer)).forEach(x -> out.add(new Incoming(supplier, x.product())));
            }
        }
        out.sort(java.util.Comparator.comparing(Incoming::product, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(Incoming::supplier));
        return out;
    }

    /** The segments of the products a firm makes. */
    public Set<String> segmentsOf(Firm firm) {
        Set<String> out = new HashSet<>();
        for (String p : firm.makes()) {
            String seg = productSegment.get(p);
            if (seg != null) {
                out.add(seg);
            }
        }
        return out;
    }

    /** The same firms over a new product tree: narrower (two levels down), broader (two up) and siblings derived here. */
    FirmsAndProducts withTaxonomy(Taxonomy t) {
        Map<String, List<String>> up = new HashMap<>();
        Map<String, List<String>> down = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        t.productParent().forEach((p, b1) -> children.computeIfAbsent(b1, k -> new ArrayList<>()).add(p));
        for (Map.Entry<String, String> e : t.productParent().entrySet()) {
            String p = e.getKey();
            String b1 = e.getValue();
            String b2 = t.productParent().get(b1);
            List<String> above = new ArrayList<>(List.of(b1));
            if (b2 != null && !b2.equals(p)) {
                above.add(b2);
            }
            up.put(p, List.copyOf(above));
            above.forEach(u -> down.computeIfAbsent(u, k -> new ArrayList<>()).add(p));
        }
        Map<String, List<String>> sib = new HashMap<>();
        children.values().forEach(kids -> kids.forEach(k -> {
            List<String> others = kids.stream().filter(o -> !o.equals(k)).toList();
            if (!others.isEmpty()) {
                sib.put(k, others);
            }
        }));
        Map<String, List<String>> productWords = new HashMap<>();
        t.productNames().forEach((code, name) -> productWords.put(code, Words.of(name)));
        return new FirmsAndProducts(byId, makersByProduct, suppliedBy, nextIdx, Map.copyOf(t.productNames()),
                Map.copyOf(t.productSegment()), freeze(down), up, sib, Map.copyOf(t.segmentNames()), Map.copyOf(t.feeds()),
                Map.copyOf(t.segmentChain()), Map.copyOf(t.chainNames()), words, coProduction, Map.copyOf(productWords),
                freeze(t.productKeywords()), firmsByWord);
    }

    /**
     * Applies changed firms in place, copy-on-write: {@code rows} holds the current state of firms read from the
     * graph (idx ignored), {@code gone} the keys read that no longer exist. Only the maker and buyer lists these
     * firms are in are copied; every other list is shared with this version.
     */
    FirmsAndProducts withFirms(Collection<Firm> rows, Collection<String> gone) {
        Map<String, Firm> ids = new HashMap<>(byId);
        Map<String, List<Firm>> makers = new HashMap<>(makersByProduct);
        Map<String, List<String>> buyers = new HashMap<>(suppliedBy);
        // the word index is copied only when some firm's words change (a tier edit keeps it, and the text hits
        // cached for it: TextHits#firms)
        boolean wordsChange = false;
        for (Firm row : rows) {
            Firm old = byId.get(row.id());
            wordsChange |= old == null ? !row.words().isEmpty() : !old.words().equals(row.words());
        }
        for (String id : gone) {
            Firm old = byId.get(id);
            wordsChange |= old != null && !old.words().isEmpty();
        }
        Map<String, List<String>> byWord = wordsChange ? new HashMap<>(firmsByWord) : firmsByWord;
        Set<String> touchedWords = new HashSet<>();
        Set<String> touchedProducts = new HashSet<>();
        Set<String> touchedBuyers = new HashSet<>();
        Map<String, Firm> replaced = new HashMap<>();
        int next = nextIdx;
        List<Firm> fresh = new ArrayList<>(rows.size());
        for (Firm row : rows) {
            Firm old = ids.get(row.id());
            Firm f = new Firm(old == null ? next++ : old.idx(), row.id(), row.name(), row.regionCode(), row.employees(),
                    row.leader(), row.lat(), row.lon(), row.tier(), row.certifications(), row.makes(), row.supplies(),
                    row.techs(), row.leads(), row.descriptionLength(), row.words());
            fresh.add(f);
            if (old != null) {
                replaced.put(f.id(), old);
            }
            ids.put(f.id(), f);
        }
        for (String id : gone) {
            Firm old = ids.remove(id);
            if (old != null) {
                replaced.put(id, old);
            }
        }
        // take the old versions out of the lists they were in
        for (Firm old : replaced.values()) {
            for (String p : old.makes()) {
                List<Firm> list = touchedProducts.add(p) ? copy(makers, p) : makers.get(p);
                list.removeIf(x -> x.id().equals(old.id()));
            }
            for (Supply x : old.supplies()) {
                String b = x.buyer();
                List<String> list = touchedBuyers.add(b) ? copy(buyers, b) : buyers.get(b);
                list.remove(old.id());
            }
            Firm now = ids.get(old.id());
            // the word lists hold keys, not firms (so no old version stays reachable through them): a firm whose
            // words stay keeps its entries (a tier edit copies none)
            for (String w : now != null && now.words().equals(old.words()) ? List.<String>of() : old.words()) {
                List<String> list = touchedWords.add(w) ? copy(byWord, w) : byWord.get(w);
                list.remove(old.id());
            }
        }
        for (Firm f : fresh) {
            for (String p : f.makes()) {
                (touchedProducts.add(p) ? copy(makers, p) : makers.get(p)).add(f);
            }
            for (Supply x : f.supplies()) {
                String b = x.buyer();
                (touchedBuyers.add(b) ? copy(buyers, b) : buyers.get(b)).add(f.id());
            }
            Firm old = replaced.get(f.id());
            for (String w : old != null && old.words().equals(f.words()) ? List.<String>of() : f.words()) {
                (touchedWords.add(w) ? copy(byWord, w) : byWord.get(w)).add(f.id());
            }
        }
        touchedWords.forEach(w -> {
            List<String> list = byWord.get(w);
            if (list.isEmpty()) {
                byWord.remove(w);
            } else {
                list.sort(null); // wordHits walks the lists in key order; appended firms are one short run (TimSort: linear)
            }
        });
        touchedProducts.forEach(p -> {
            if (makers.get(p).isEmpty()) {
                makers.remove(p);
            }
        });
        touchedBuyers.forEach(b -> {
            if (buyers.get(b).isEmpty()) {
                buyers.remove(b);
            }
        });
        // the word statistics change by the firms whose words changed, came or went (the others would cancel out)
        List<List<String>> oldWords = new ArrayList<>();
        List<List<String>> newWords = new ArrayList<>();
        for (Firm old : replaced.values()) {
            Firm now = ids.get(old.id());
            if (now == null || !now.words().equals(old.words())) {
                oldWords.add(old.words());
            }
        }
        for (Firm f : fresh) {
            Firm old = replaced.get(f.id());
            if (old == null || !old.words().equals(f.words())) {
                newWords.add(f.words());
            }
        }
        List<List<String>> oldMakes = replaced.values().stream().map(Firm::makes).toList();
        List<List<String>> newMakes = fresh.stream().map(Firm::makes).toList();
        return new FirmsAndProducts(ids, makers, buyers, next, productNames, productSegment, narrower, broader, siblings,
                segmentNames, feeds, segmentChain, chainNames, words.with(oldWords, newWords),
                coProduction.with(oldMakes, newMakes), productWords, productKeywords, byWord);
    }

    /**
     * The firms whose words (name, description, product names, as {@link Words} segments them) share the most of
     * {@code asking}, best first: each firm scores the IDF weight of the asking words it holds over that of all asking
     * words that any firm uses; common words ({@link WordStats#common}) are no evidence and find nobody. Ties by key.
     * This is supply matching's and discovery's full-text search, from the snapshot instead of a graph query.
     */
    public List<TextHits.Hit> wordHits(Collection<String> asking, int limit, double commonShare, int commonMinFirms) {
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(asking));
        double all = 0;
        List<List<String>> lists = new ArrayList<>(); // the evidence words' firm keys (sorted), in asking order
        List<Double> weights = new ArrayList<>();
        for (String w : distinct) {
            double idf = words.idf(w);
            if (idf > 0) {
                all += idf;
                if (!words.common(w, commonShare, commonMinFirms)) {
                    lists.add(firmsByWord.getOrDefault(w, List.of()));
                    weights.add(idf);
                }
            }
        }
        int n = lists.size();
        if (n == 0 || limit < 1) {
            return List.of();
        }
        // MaxScore over the key-sorted lists, walked together in key order: the lightest words whose weights together
        // cannot beat the current `limit`-th best ("non-essential") find no new firm, they are only looked up for the
        // firms the others name. A later firm has a larger key, so it must score strictly more to get in.
        Integer[] light = new Integer[n];
        for (int i = 0; i < n; i++) {
            light[i] = i;
        }
        java.util.Arrays.sort(light, java.util.Comparator.comparingDouble((Integer i) -> weights.get(i)).thenComparing(i -> i));
        double[] upTo = new double[n + 1]; // upTo[j]: the weight of the j lightest words together
        for (int j = 0; j < n; j++) {
            upTo[j + 1] = upTo[j] + weights.get(light[j]);
        }
        record Scored(String id, double score) {
        }
        java.util.Comparator<Scored> better = java.util.Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Scored::id);
        java.util.PriorityQueue<Scored> top = new java.util.PriorityQueue<>(limit + 1, better.reversed());
        int[] at = new int[n];
        int nonEssential = 0;
        while (true) {
            double bar = top.size() < limit ? Double.NEGATIVE_INFINITY : top.peek().score();
            while (nonEssential < n && upTo[nonEssential + 1] <= bar) {
                nonEssential++;
            }
            String next = null;
            for (int j = nonEssential; j < n; j++) {
                List<String> l = lists.get(light[j]);
                int i = at[light[j]];
                if (i < l.size() && (next == null || l.get(i).compareTo(next) < 0)) {
                    next = l.get(i);
                }
            }
            if (next == null) {
                break;
            }
            double score = 0;
            for (int b = 0; b < n; b++) { // summed in the asking words' order, as one pass over them would
                List<String> l = lists.get(b);
                int i = seek(l, at[b], next);
                at[b] = i;
                if (i < l.size() && l.get(i).equals(next)) {
                    score += weights.get(b);
                    at[b] = i + 1;
                }
            }
            if (top.size() < limit) {
                top.add(new Scored(next, score));
            } else if (score > top.peek().score()) {
                top.poll();
                top.add(new Scored(next, score));
            }
        }
        double total = all;
        return top.stream().sorted(better).map(x -> new TextHits.Hit("E", x.id(), x.score() / total)).toList();
    }

    /** The first index at or after {@code from} whose key is not below {@code id} (galloping, then binary search). */
    private static int seek(List<String> list, int from, String id) {
        int size = list.size();
        if (from >= size || list.get(from).compareTo(id) >= 0) {
            return from;
        }
        int lo = from;
        int step = 1;
        int hi = from + 1;
        while (hi < size && list.get(hi).compareTo(id) < 0) {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }
        hi = Math.min(hi, size);
        while (lo + 1 < hi) { // list[lo] < id, list[hi] >= id (or hi == size)
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).compareTo(id) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static <T> List<T> copy(Map<String, List<T>> map, String key) {
        List<T> copy = new ArrayList<>(map.getOrDefault(key, List.of()));
        map.put(key, copy);
        return copy;
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> m) {
        Map<String, List<String>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
