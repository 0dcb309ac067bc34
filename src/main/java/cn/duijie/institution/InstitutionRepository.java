package cn.duijie.institution;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.Page;
import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** Institutions, experts and achievements in the graph (Cypher in resources/cypher/institution). */
@ApplicationScoped
public class InstitutionRepository {

    private static final Graph.PagedQuery LIST = Graph.PagedQuery.of("institution/institutions.cypher");
    private static final String DETAIL = Graph.cypher("institution/institution-detail.cypher");
    private static final Graph.PagedQuery ACHIEVEMENTS = Graph.PagedQuery.of("institution/achievements.cypher");

    private final Graph graph;

    InstitutionRepository(Graph graph) {
        this.graph = graph;
    }

    public Uni<Page<InstitutionApi.Summary>> list(InstitutionApi.InstitutionFilter f, int page, int size) {
        Map<String, Object> p = new HashMap<>();
        p.put("q", FullText.escape(f.q()));
        p.put("kind", f.kind() == null ? null : f.kind().name());
        p.put("region", f.region());
        p.put("technology", f.technology());
        return graph.page(LIST, p, page, size, r -> InstitutionApi.Summary.from(r.get("hit")));
    }

    public Uni<Optional<InstitutionApi.Detail>> find(String id) {
        return graph.read(DETAIL, Map.of("id", id)).map(rows -> rows.stream().findFirst().map(r -> InstitutionApi.Detail.from(r.get("i"))));
    }

    public Uni<Page<InstitutionApi.Achievement>> achievements(InstitutionApi.AchievementFilter f, int page, int size) {
        Map<String, Object> p = new HashMap<>();
        p.put("q", FullText.escape(f.q()));
        p.put("technology", f.technology());
        p.put("institution", f.institution());
        p.put("minTrl", f.minTrl());
        return graph.page(ACHIEVEMENTS, p, page, size, r -> InstitutionApi.Achievement.from(r.get("hit")));
    }
}
