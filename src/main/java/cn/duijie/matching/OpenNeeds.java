package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The open needs part of the matching snapshot, for the reverse views (the needs a firm, an institution or a fund
 * could serve): every open need by id, the SUPPLY needs by each product they want, the TECH needs by each technology
 * they want, the FINANCE needs, each list in need id order. Immutable; a change to some needs makes a new one ({@link #with}).
 */
public record OpenNeeds(Map<String, MatchQuery> byId, Map<String, List<MatchQuery>> supplyByProduct,
                        Map<String, List<MatchQuery>> techByTechnology, List<MatchQuery> finance,
                        ConcurrentMap<String, List<String>> words) {

    public static final OpenNeeds NONE = of(List.of());

    /** The views of these open needs. */
    static OpenNeeds of(Collection<MatchQuery> open) {
        return of(open, new ConcurrentHashMap<>());
    }

    /**
     * The words of a need's title and description ({@link Words#of}), cut once and kept while the need is unchanged:
     * a firm's view reads the words of every candidate need, and cutting Chinese text is most of what it costs.
     */
    List<String> words(MatchQuery need) {
        return words.computeIfAbsent(need.needId(), k -> Words.of(need.title(), need.description()));
    }

    private static OpenNeeds of(Collection<MatchQuery> open, ConcurrentMap<String, List<String>> words) {
        TreeMap<String, MatchQuery> byId = new TreeMap<>();
        open.forEach(n -> byId.put(n.needId(), n));
        Map<String, List<MatchQuery>> byProduct = new HashMap<>();
        Map<String, List<MatchQuery>> byTech = new HashMap<>();
        List<MatchQuery> finance = new ArrayList<>();
        for (MatchQuery n : byId.values()) {
            switch (n.kind()) {
                case "SUPPLY" -> n.productCodes().forEach(p -> byProduct.computeIfAbsent(p, k -> new ArrayList<>()).add(n));
                case "TECH" -> n.technologyCodes().forEach(t -> byTech.computeIfAbsent(t, k -> new ArrayList<>()).add(n));
                case "FINANCE" -> finance.add(n);
                default -> {
                }
            }
        }
        return new OpenNeeds(Collections.unmodifiableMap(byId), byProduct, byTech, List.copyOf(finance), words);
    }

    /**
     * A new version after the needs {@code ids} changed: {@code read} holds those still open as they are now; the
     * others (closed, withdrawn, expired, deleted) leave.
     */
    OpenNeeds with(Collection<String> ids, Map<String, MatchQuery> read) {
        TreeMap<String, MatchQuery> next = new TreeMap<>(byId);
        ids.forEach(next::remove);
        next.putAll(read);
        ConcurrentMap<String, List<String>> kept = new ConcurrentHashMap<>(words);
        ids.forEach(kept::remove);
        return of(next.values(), kept);
    }
}
