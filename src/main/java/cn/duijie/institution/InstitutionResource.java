package cn.duijie.institution;

import java.util.ArrayList;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.common.Paging;
import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions", description = "高校院所、专家与科技成果 Institutions, experts, achievements")
public class InstitutionResource {

    @Schema(name = "InstitutionSummary")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String id, String name, String kind, String regionCode, String regionName, List<String> technologies,
                          Long achievements) {
    }

    @Schema(name = "Expert")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expert(String id, String name, String title, List<String> technologies) {
    }

    @Schema(name = "InstitutionDetail")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String id, String name, String kind, String regionCode, String regionName, String description,
                         List<String> technologies, List<Expert> experts, Long achievements,
                         List<Collaboration> collaborations) {
    }

    @Schema(name = "InstitutionCollaboration")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Collaboration(String creditCode, String name, Long year, String title) {
    }

    @Schema(name = "Achievement")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Achievement(String id, String title, String kind, Long trl, String description, String institutionId,
                              String institutionName, List<String> technologies, List<String> products) {
    }

    private final Graph graph;
    private final ObjectMapper json;

    InstitutionResource(Graph graph, ObjectMapper json) {
        this.graph = graph;
        this.json = json;
    }

    @GET
    @Path("/institutions")
    @Operation(summary = "高校院所 Institutions")
    public Uni<Page<Summary>> list(@QueryParam("q") String q, @QueryParam("kind") String kind, @QueryParam("region") String region,
                                   @QueryParam("technology") String technology,
                                   @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size);
        Map<String, Object> p = new HashMap<>();
        List<String> where = new ArrayList<>();
        String text = FullText.escape(q);
        String source = text.isEmpty() ? "MATCH (i:Institution) WITH i, 0.0 AS score"
                : "CALL db.index.fulltext.queryNodes('institution_text', $q) YIELD node AS i, score";
        p.put("q", text);
        if (kind != null && !kind.isBlank()) {
            if (!java.util.Set.of("UNIVERSITY", "INSTITUTE", "LAB").contains(kind.strip().toUpperCase())) {
                throw cn.duijie.common.DomainException.invalid("kind",
                        cn.duijie.common.Messages.get("enum.allowed", kind, "UNIVERSITY / INSTITUTE / LAB"));
            }
            p.put("kind", kind.strip().toUpperCase());
            where.add("i.kind = $kind");
        }
        if (region != null && !region.isBlank()) {
            p.put("region", region.strip());
            where.add("EXISTS { (i)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) }");
        }
        if (technology != null && !technology.isBlank()) {
            p.put("technology", technology.strip());
            where.add("EXISTS { (i)-[:EXPERT_IN]->(:Technology)-[:BROADER*0..2]->(:Technology {code: $technology}) }");
        }
        String body = source + " WITH i, score" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " WITH i, score";
        return graph.page(body, "ORDER BY score DESC, i.id SKIP $skip LIMIT $size "
                        + "OPTIONAL MATCH (i)-[:LOCATED_IN]->(r:Region) RETURN i {.id, .name, .kind, .regionCode, regionName: r.name, "
                        + "technologies: [(i)-[:EXPERT_IN]->(t) | t.name], achievements: COUNT { (i)<-[:OWNED_BY]-() }} AS hit", p, page, size,
                r -> json.convertValue(r.get("hit").asMap(), Summary.class));
    }

    @GET
    @Path("/institutions/{id}")
    @Operation(summary = "高校院所详情 An institution with its experts, fields and collaborations")
    public Uni<Detail> get(@PathParam("id") String id) {
        return graph.read("""
                MATCH (i:Institution {id: $id}) OPTIONAL MATCH (i)-[:LOCATED_IN]->(r:Region)
                RETURN i {.id, .name, .kind, .regionCode, .description, regionName: r.name,
                          technologies: [(i)-[:EXPERT_IN]->(t) | t.name],
                          experts: [(x:Expert)-[:WORKS_AT]->(i) | x {.id, .name, .title, technologies: [(x)-[:EXPERT_IN]->(t) | t.name]}],
                          achievements: COUNT { (i)<-[:OWNED_BY]-() },
                          collaborations: [(i)-[c:COLLABORATED_WITH]->(e) | {creditCode: e.creditCode, name: e.name, year: c.year, title: c.title}]} AS i
                """, Map.of("id", id)).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.notFound(Messages.get("institution.not-found", id));
            }
            return json.convertValue(rows.get(0).get("i").asMap(), Detail.class);
        });
    }

    @GET
    @Path("/achievements")
    @Operation(summary = "科技成果检索 Search achievements", description = "q 为中文全文检索（标题、简介）。")
    public Uni<Page<Achievement>> achievements(@QueryParam("q") String q, @QueryParam("technology") String technology,
                                               @QueryParam("institution") String institution, @QueryParam("minTrl") Integer minTrl,
                                               @QueryParam("page") @DefaultValue("0") int page,
                                               @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size);
        Map<String, Object> p = new HashMap<>();
        List<String> where = new ArrayList<>();
        String text = FullText.escape(q);
        String source = text.isEmpty() ? "MATCH (a:Achievement) WITH a, 0.0 AS score"
                : "CALL db.index.fulltext.queryNodes('achievement_text', $q) YIELD node AS a, score";
        p.put("q", text);
        if (technology != null && !technology.isBlank()) {
            p.put("technology", technology.strip());
            where.add("EXISTS { (a)-[:ABOUT]->(:Technology)-[:BROADER*0..2]->(:Technology {code: $technology}) }");
        }
        if (institution != null && !institution.isBlank()) {
            p.put("institution", institution.strip());
            where.add("a.institutionId = $institution");
        }
        if (minTrl != null) {
            p.put("minTrl", minTrl);
            where.add("a.trl >= $minTrl");
        }
        String body = source + " WITH a, score" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " WITH a, score";
        return graph.page(body, "ORDER BY score DESC, a.id SKIP $skip LIMIT $size "
                        + "OPTIONAL MATCH (a)-[:OWNED_BY]->(i:Institution) RETURN a {.id, .title, .kind, .trl, .description, "
                        + ".institutionId, institutionName: i.name, technologies: [(a)-[:ABOUT]->(t) | t.name], "
                        + "products: [(a)-[:APPLIES_TO]->(x) | x.name]} AS hit", p, page, size,
                r -> json.convertValue(r.get("hit").asMap(), Achievement.class));
    }
}
