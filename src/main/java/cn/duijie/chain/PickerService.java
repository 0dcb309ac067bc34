package cn.duijie.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.neo4j.driver.Value;

import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/**
 * Pickers: products and technologies found by Chinese name or keyword (full text with the cjk analyzer), with where
 * they sit in the chains, so a buyer can pick the code a need is matched on.
 */
@ApplicationScoped
public class PickerService {

    /** A product or technology a picker offers: code, name, and the segment and chain it belongs to (products). */
    @Schema(name = "PickerItem")
    public record Item(String code, String name, String broaderName, String segmentName, String chainName) {
        static Item from(Value v) {
            return new Item(v.get("code").asString(), v.get("name").asString(), text(v.get("broaderName")),
                    text(v.get("segmentName")), text(v.get("chainName")));
        }

        private static String text(Value v) {
            return v == null || v.isNull() ? null : v.asString();
        }
    }

    private final Graph graph;

    PickerService(Graph graph) {
        this.graph = graph;
    }

    public Uni<List<Item>> products(String q, int limit) {
        return search("product_text", "Product", """
                OPTIONAL MATCH (n)-[:BROADER]->(b:Product)
                OPTIONAL MATCH (n)-[:IN_SEGMENT]->(s:Segment)<-[:HAS_SEGMENT]-(c:Chain)
                RETURN n {.code, .name, broaderName: b.name, segmentName: s.name, chainName: c.name} AS item""", q, limit);
    }

    public Uni<List<Item>> technologies(String q, int limit) {
        return search("technology_text", "Technology", """
                OPTIONAL MATCH (n)-[:BROADER]->(b:Technology)
                RETURN n {.code, .name, broaderName: b.name, segmentName: null, chainName: null} AS item""", q, limit);
    }

    private Uni<List<Item>> search(String index, String label, String tail, String q, int limit) {
        String text = FullText.escape(q);
        Map<String, Object> p = new HashMap<>();
        p.put("q", text);
        p.put("limit", limit);
        // label and index are constants of this class, never request text
        String source = text.isEmpty()
                ? "MATCH (n:" + label + ") WITH n, 0.0 AS score ORDER BY n.code LIMIT $limit"
                : "CALL db.index.fulltext.queryNodes('" + index + "', $q) YIELD node AS n, score "
                        + "WITH n, score ORDER BY score DESC, n.code LIMIT $limit";
        return graph.read(source + " " + tail, p).map(rows -> rows.stream().map(r -> Item.from(r.get("item"))).toList());
    }
}
