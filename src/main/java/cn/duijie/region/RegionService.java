package cn.duijie.region;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** The administrative divisions in the graph (GB/T 2260), for pickers and for naming a region code. */
@ApplicationScoped
public class RegionService {

    /** A region: code, name, level (PROVINCE, CITY, DISTRICT) and the code of the region it lies within. */
    public record Region(String code, String name, String level, String parentCode) {
    }

    private final Graph graph;

    RegionService(Graph graph) {
        this.graph = graph;
    }

    /** Provinces and cities, province first, then cities by code: what a region picker offers. */
    public Uni<List<Region>> provincesAndCities() {
        return graph.read("""
                MATCH (r:Region) WHERE r.level IN ['PROVINCE', 'CITY']
                RETURN r {.code, .name, .level, parentCode: [(r)-[:WITHIN]->(p) | p.code][0]} AS region
                ORDER BY CASE r.level WHEN 'PROVINCE' THEN 0 ELSE 1 END, r.code""", Map.of())
                .map(rows -> rows.stream().map(r -> {
                    var m = r.get("region");
                    return new Region(m.get("code").asString(), m.get("name").asString(), m.get("level").asString(),
                            m.get("parentCode").isNull() ? null : m.get("parentCode").asString());
                }).toList());
    }
}
