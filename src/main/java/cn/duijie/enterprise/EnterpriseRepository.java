package cn.duijie.enterprise;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.Page;
import cn.duijie.domain.Tier;
import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** Firms in the graph (Cypher in resources/cypher/enterprise); writes go through the importer's rules. */
@ApplicationScoped
public class EnterpriseRepository {

    private static final Graph.PagedQuery SEARCH = Graph.PagedQuery.of("enterprise/enterprises.cypher");
    private static final String DETAIL = Graph.cypher("enterprise/enterprise-detail.cypher");
    private static final Map<String, Object> TIER_RANK = Arrays.stream(Tier.values())
            .collect(Collectors.toUnmodifiableMap(Tier::name, t -> (Object) t.rank()));

    private final Graph graph;

    EnterpriseRepository(Graph graph) {
        this.graph = graph;
    }

    public Uni<Page<EnterpriseApi.Summary>> search(EnterpriseApi.Filter f, int page, int size) {
        Map<String, Object> p = new HashMap<>();
        p.put("q", FullText.escape(f.q()));
        p.put("tier", f.tier() == null ? null : f.tier().name());
        p.put("region", f.region());
        p.put("chain", f.chain());
        p.put("segment", f.segment());
        p.put("product", f.product());
        p.put("sort", f.sort().key().name());
        p.put("reversed", f.sort().reversed());
        p.put("tierRank", TIER_RANK);
        return graph.page(SEARCH, p, page, size, r -> EnterpriseApi.Summary.from(r.get("hit")));
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
