package cn.duijie.enterprise;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.duijie.common.Page;
import cn.duijie.domain.Tier;
import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** Firms in the graph (Cypher in resources/cypher/enterprise); writes go through the importer's rules. */
@ApplicationScoped
public class EnterpriseRepository {

    private static final Graph.PagedQuery SEARCH = Graph.PagedQuery.of("enterprise/enterprises.cypher");
    private static final String RELEVANT = Graph.cypher("enterprise/enterprises-relevant.cypher");
    private static final String HIT_COUNT = Graph.cypher("enterprise/enterprise-hit-count.cypher");
    private static final String BY_TIER = Graph.cypher("enterprise/enterprises-by-tier.cypher");
    private static final String BY_NAME = Graph.cypher("enterprise/enterprises-by-name.cypher");
    private static final String FIRM_COUNT = "MATCH (e:Enterprise) RETURN count(e) AS total";
    private static final List<String> TIERS_HIGH_FIRST = Arrays.stream(Tier.values())
            .sorted(java.util.Comparator.comparingInt(Tier::rank).reversed()).map(Tier::name).toList();
    private static final String DETAIL = Graph.cypher("enterprise/enterprise-detail.cypher");
    private static final Map<String, Object> TIER_RANK = Arrays.stream(Tier.values())
            .collect(Collectors.toUnmodifiableMap(Tier::name, t -> (Object) t.rank()));

    private final Graph graph;
    /** A full-text search counts this many hits exactly (with filters: looks at this many + 1); beyond, the total is a lower bound. */
    private final long countedHits;
    /** The first window of best hits ranked for a page; a page needs more only when scores tie across its edge. */
    private final long firstWindow;

    EnterpriseRepository(Graph graph,
                         @ConfigProperty(name = "duijie.search.counted-hits") long countedHits,
                         @ConfigProperty(name = "duijie.search.first-window") long firstWindow) {
        this.graph = graph;
        this.countedHits = countedHits;
        this.firstWindow = firstWindow;
    }

    public Uni<Page<EnterpriseApi.Summary>> search(EnterpriseApi.Filter f, int page, int size) {
        String q = FullText.escape(f.q());
        // what a clerk meets first is read without ranking every firm: words best first from the best full-text hits
        // (filters or not), the list without words from indexes; the other orders go through enterprises.cypher
        boolean forward = !f.sort().reversed();
        EnterpriseApi.Sort key = f.sort().key();
        if (!q.isEmpty() && key == EnterpriseApi.Sort.RELEVANCE && forward) {
            // without filters a small window, widened while needed; with filters the best counted-hits + 1 at once
            // (a district keeps few of them), and every hit when those do not settle the page
            return relevant(q, f, page, size, filtered(f) ? countedHits + 1 : Math.max(firstWindow, 2 * ((long) page * size + size)));
        }
        if (q.isEmpty() && !filtered(f) && forward && key != EnterpriseApi.Sort.EMPLOYEES) {
            Map<String, Object> p = Map.of("tiers", TIERS_HIGH_FIRST, "tierRank", TIER_RANK, "skip", (long) page * size, "size", (long) size);
            return graph.read(FIRM_COUNT, Map.of()).map(rows -> rows.get(0).get("total").asLong())
                    .chain(total -> graph.read(key == EnterpriseApi.Sort.NAME ? BY_NAME : BY_TIER, p)
                            .map(rows -> new Page<>(rows.stream().map(r -> EnterpriseApi.Summary.from(r.get("hit"))).toList(), total, page, size)));
        }
        return ranked(q, f, page, size);
    }

    /** The general ranking (enterprises.cypher): every firm the words and filters select, ordered, counted, paged. */
    private Uni<Page<EnterpriseApi.Summary>> ranked(String q, EnterpriseApi.Filter f, int page, int size) {
        Map<String, Object> p = filters(q, f);
        p.put("sort", f.sort().key().name());
        p.put("reversed", f.sort().reversed());
        return graph.page(SEARCH, p, page, size, r -> EnterpriseApi.Summary.from(r.get("hit")));
    }

    private static boolean filtered(EnterpriseApi.Filter f) {
        return f.tier() != null || f.region() != null || f.chain() != null || f.segment() != null || f.product() != null;
    }

    private static Map<String, Object> filters(String q, EnterpriseApi.Filter f) {
        Map<String, Object> p = new HashMap<>();
        p.put("q", q);
        p.put("tier", f.tier() == null ? null : f.tier().name());
        p.put("region", f.region());
        p.put("chain", f.chain());
        p.put("segment", f.segment());
        p.put("product", f.product());
        p.put("tierRank", TIER_RANK);
        return p;
    }

    /**
     * The clerk's usual search (words, best first) without ranking every hit: the best {@code window} hits are ranked
     * (enterprises-relevant.cypher says when a window settles the page). Without filters the window widens fourfold
     * until it does, and the total is counted up to {@code duijie.search.counted-hits}; with filters a window of that
     * many hits + 1 is tried once, its kept rows are the total when it holds every hit and a lower bound otherwise,
     * and every hit is ranked when it does not settle the page.
     */
    private Uni<Page<EnterpriseApi.Summary>> relevant(String q, EnterpriseApi.Filter f, int page, int size, long window) {
        boolean filtered = filtered(f);
        Map<String, Object> p = filters(q, f);
        p.put("window", window);
        p.put("skip", (long) page * size);
        p.put("size", (long) size);
        return graph.read(RELEVANT, p).chain(rows -> {
            var r = rows.get(0);
            long found = r.get("found").asLong();
            boolean allHits = found < window;
            boolean settled = allHits || (!r.get("boundary").isNull() && r.get("lowest").asDouble() < r.get("boundary").asDouble());
            if (!settled) {
                return filtered ? ranked(q, f, page, size) : relevant(q, f, page, size, window * 4);
            }
            List<EnterpriseApi.Summary> hits = r.get("hits").asList(EnterpriseApi.Summary::from);
            if (filtered) {
                return Uni.createFrom().item(new Page<>(hits, r.get("matched").asLong(), page, size, allHits));
            }
            Uni<Long> total = allHits ? Uni.createFrom().item(found)
                    : graph.read(HIT_COUNT, Map.of("q", q, "cap", countedHits)).map(c -> c.get(0).get("hits").asLong());
            return total.map(n -> new Page<>(hits, Math.min(n, countedHits), page, size, n <= countedHits));
        });
    }

    /** Names of these firms by credit code (unknown codes are left out). */
    public Uni<Map<String, String>> names(java.util.Collection<String> creditCodes) {
        if (creditCodes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return graph.read("MATCH (e:Enterprise) WHERE e.creditCode IN $codes RETURN e.creditCode AS code, e.name AS name",
                Map.of("codes", java.util.List.copyOf(creditCodes))).map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(r -> names.put(r.get("code").asString(), r.get("name").asString("")));
                    return names;
                });
    }

    public Uni<Optional<EnterpriseApi.Detail>> find(String creditCode) {
        return graph.read(DETAIL, Map.of("creditCode", creditCode))
                .map(rows -> rows.stream().findFirst().map(r -> EnterpriseApi.Detail.from(r.get("firm"))));
    }
}
