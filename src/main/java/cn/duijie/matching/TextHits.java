package cn.duijie.matching;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;

/**
 * Chinese full-text hits of a TECH need's text in the achievement and institution indexes, the one thing matching
 * still asks the graph per request (supply matching and discovery read firms' words from the snapshot,
 * {@link FirmsAndProducts#wordHits}). Kept in quarkus-cache (Caffeine; size and expiry under
 * {@code quarkus.cache.caffeine."matching-text-research"}): needs often share a title. The change feed empties it when
 * research changes.
 */
@ApplicationScoped
public class TextHits {

    /**
     * One hit: which index ({@code E} firms, {@code A} achievements, {@code I} institutions), the key, and its score
     * (Lucene's for research; for firms the IDF share of the asking words, from the snapshot).
     */
    public record Hit(String index, String id, double score) {
    }

    private static final String RESEARCH = """
            CALL db.index.fulltext.queryNodes('achievement_text', $text, {limit: $limit}) YIELD node, score
            RETURN 'A' AS idx, node.id AS id, score
            UNION ALL
            CALL db.index.fulltext.queryNodes('institution_text', $text, {limit: $limit}) YIELD node, score
            RETURN 'I' AS idx, node.id AS id, score""";

    private final Graph graph;
    private final Cache research;
    private final boolean enabled;
    private final int researchLimit;

    TextHits(Graph graph, @CacheName("matching-text-research") Cache research, MatchingConfig config) {
        this.graph = graph;
        this.research = research;
        this.enabled = config.textCache();
        this.researchLimit = config.tech().textLimit();
    }

    /** Achievements and institutions matching the text (empty text: none). */
    public Uni<List<Hit>> research(String text) {
        return hits(research, RESEARCH, FullText.escape(text), researchLimit);
    }

    private Uni<List<Hit>> hits(Cache cache, String cypher, String text, int limit) {
        if (text.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<List<Hit>> query = graph.read(cypher, Map.of("text", text, "limit", limit))
                .map(rows -> rows.stream().map(r -> new Hit(r.get("idx").asString(), r.get("id").asString(),
                        r.get("score").asDouble())).toList());
        return enabled ? cache.getAsync(text, k -> query) : query;
    }

    void researchChanged() {
        research.invalidateAll().await().indefinitely();
    }
}
