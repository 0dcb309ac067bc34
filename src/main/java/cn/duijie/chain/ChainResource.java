package cn.duijie.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/chains")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "chains", description = "产业链、环节与缺口 Chains, segments and gaps")
public class ChainResource {

    private static final String DETAIL = Graph.cypher("chain/chain-detail.cypher");
    private static final String GAPS = Graph.cypher("chain/chain-gaps.cypher");

    @Schema(name = "ChainSummary")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChainSummary(String id, String name, String description, Long segments, Long products, Long leaders) {
    }

    @Schema(name = "ChainProduct")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductView(String code, String name, String broaderCode, @Schema(description = "地区内生产该产品的企业数") Long suppliers) {
    }

    @Schema(name = "ChainSegment")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SegmentView(String id, String name, String stage, List<String> feeds,
                              @Schema(description = "地区内该环节的企业数") Long suppliers, List<ProductView> products) {
    }

    @Schema(name = "ChainLeader")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Leader(String creditCode, String name, String regionCode) {
    }

    @Schema(name = "Chain")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChainView(String id, String name, String description, List<SegmentView> segments, List<Leader> leaders) {
    }

    @Schema(name = "ChainGap", description = "地区内企业少于 min 家的环节或产品")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(@Schema(enumeration = {"SEGMENT", "PRODUCT"}) String kind, String id, String name, String segmentId,
                      String segmentName, String stage, @Schema(description = "地区内企业数") Long inRegion,
                      @Schema(description = "地区外企业数（可招引的来源）") Long elsewhere) {
    }

    private final Graph graph;
    private final ObjectMapper json;

    ChainResource(Graph graph, ObjectMapper json) {
        this.graph = graph;
        this.json = json;
    }

    @GET
    @Operation(summary = "产业链列表 Chains")
    public Uni<List<ChainSummary>> list() {
        return graph.read("""
                MATCH (c:Chain)
                RETURN c {.id, .name, .description,
                          segments: COUNT { (c)-[:HAS_SEGMENT]->() },
                          products: COUNT { (c)-[:HAS_SEGMENT]->()<-[:IN_SEGMENT]-(:Product) },
                          leaders: COUNT { (c)<-[:LEADS]-() }} AS chain ORDER BY c.id""", Map.of())
                .map(rows -> rows.stream().map(r -> json.convertValue(r.get("chain").asMap(), ChainSummary.class)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "产业链图谱：环节、产品与地区内企业数 A chain with its segment tree and local supplier counts")
    public Uni<ChainView> get(@PathParam("id") String id,
                              @Parameter(description = "行政区划代码，含下级；不填为全部") @QueryParam("region") String region) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("region", blankToNull(region));
        return graph.read(DETAIL, p).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.notFound(Messages.get("chain.not-found", id));
            }
            return json.convertValue(rows.get(0).get("chain").asMap(), ChainView.class);
        });
    }

    @GET
    @Path("/{id}/gaps")
    @Operation(summary = "补链缺口 Segments and products with fewer than min suppliers in the region",
            description = "按地区内企业数从少到多排列，并给出地区外的企业数，供招商与补链参考。")
    public Uni<List<Gap>> gaps(@PathParam("id") String id, @QueryParam("region") String region,
                               @QueryParam("min") @DefaultValue("3") int min) {
        if (min < 1 || min > 1000) {
            throw DomainException.invalid("min", Messages.get("gaps.min"));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("region", blankToNull(region));
        p.put("min", min);
        return graph.read("MATCH (c:Chain {id: $id}) RETURN c.id AS id", Map.of("id", id)).chain(found -> {
            if (found.isEmpty()) {
                throw DomainException.notFound(Messages.get("chain.not-found", id));
            }
            return graph.read(GAPS, p);
        }).map(rows -> rows.stream().map(r -> json.convertValue(r.get("gap").asMap(), Gap.class)).toList());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
