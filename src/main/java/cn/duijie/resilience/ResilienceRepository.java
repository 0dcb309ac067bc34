package cn.duijie.resilience;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;

import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/**
 * The graph reads of chain resilience that the matching snapshot does not hold: what each SUPPLIES edge carries
 * (product, volume) and region names. Everything else (makers, locations, who supplies whom) comes from the snapshot.
 */
@ApplicationScoped
class ResilienceRepository {

    private static final String SUPPLIES_INTO = Graph.cypher("resilience/supplies-into.cypher");
    private static final String REGION_NAMES = Graph.cypher("resilience/region-names.cypher");

    /** One SUPPLIES edge: supplier → buyer, its product (null when the edge names none) and yearly volume (万元). */
    record SupplyEdge(String buyer, String supplier, String product, Double volumeWan) {
        static SupplyEdge from(Record r) {
            return new SupplyEdge(r.get("buyer").asString(), r.get("supplier").asString(), r.get("product").asString(null),
                    r.get("volumeWan").isNull() ? null : r.get("volumeWan").asDouble());
        }
    }

    private final Graph graph;

    ResilienceRepository(Graph graph) {
        this.graph = graph;
    }

    Uni<List<SupplyEdge>> suppliesInto(Collection<String> buyers) {
        if (buyers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return graph.read(SUPPLIES_INTO, Map.of("buyers", List.copyOf(buyers))).map(rows -> rows.stream().map(SupplyEdge::from).toList());
    }

    /** Names by region code: of the given codes, or of every region when codes is null. */
    Uni<Map<String, String>> regionNames(Collection<String> codes) {
        Map<String, Object> params = new HashMap<>();
        params.put("codes", codes == null ? null : List.copyOf(codes));
        return graph.read(REGION_NAMES, params).map(rows -> {
            Map<String, String> out = new HashMap<>();
            rows.forEach(r -> out.put(r.get("code").asString(), r.get("name").asString("")));
            return out;
        });
    }
}
