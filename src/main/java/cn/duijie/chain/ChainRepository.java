package cn.duijie.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** Chains, their segment trees and gaps, read from the graph (Cypher in resources/cypher/chain). */
@ApplicationScoped
public class ChainRepository {

    private static final String LIST = Graph.cypher("chain/chains.cypher");
    private static final String DETAIL = Graph.cypher("chain/chain-detail.cypher");
    private static final String GAPS = Graph.cypher("chain/chain-gaps.cypher");

    private final Graph graph;

    ChainRepository(Graph graph) {
        this.graph = graph;
    }

    public Uni<List<ChainApi.ChainSummary>> list() {
        return graph.read(LIST, Map.of()).map(rows -> rows.stream().map(r -> ChainApi.ChainSummary.from(r.get("chain"))).toList());
    }

    /** The chain with supplier counts in region (null: everywhere). */
    public Uni<Optional<ChainApi.ChainView>> find(String id, String region) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("region", region);
        return graph.read(DETAIL, p).map(rows -> rows.stream().findFirst().map(r -> ChainApi.ChainView.from(r.get("chain"))));
    }

    public Uni<Boolean> exists(String id) {
        return graph.read("MATCH (c:Chain {id: $id}) RETURN count(c) > 0 AS found", Map.of("id", id))
                .map(rows -> rows.get(0).get("found").asBoolean());
    }

    public Uni<List<ChainApi.Gap>> gaps(String id, String region, int min) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("region", region);
        p.put("min", min);
        return graph.read(GAPS, p).map(rows -> rows.stream().map(r -> ChainApi.Gap.from(r.get("gap"))).toList());
    }
}
