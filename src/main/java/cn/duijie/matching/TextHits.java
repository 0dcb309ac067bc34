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
 * {@link FirmsAndProducts#wordHits}). Both kinds are kept in quarkus-cache (Caffeine; size and expiry under
 * {@code quarkus.cache.caffeine."matching-text-research"} and {@code ."matching-text-firms"}): needs often share a
 * title, and a need's list is opened again and again. The change feed empties the research hits when research changes;
 * firm hits belong to one version of the snapshot's word index (their key holds it, compared by identity), and the
 * feed empties them when that index changes — a tier edit or a new need keeps them.
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
    private final io.quarkus.cache.CaffeineCache firms;
    private final boolean enabled;
    private final int researchLimit;

    TextHits(Graph graph, @CacheName("matching-text-research") Cache research, @CacheName("matching-text-firms") Cache firms,
             MatchingConfig config) {
        this.graph = graph;
        this.research = research;
        this.firms = firms.as(io.quarkus.cache.CaffeineCache.class);
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

    /** A text, for one version of the firms' word index and word statistics (both compared by identity). */
    private record FirmKey(Object index, Object stats, String text) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FirmKey k && k.index == index && k.stats == stats && k.text.equals(text);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(index) * 31 + System.identityHashCode(stats)) * 31 + text.hashCode();
        }
    }

    /**
     * The firms whose words best match a text in this version of the snapshot ({@code compute} is
     * {@link FirmsAndProducts#wordHits} with the caller's settings; one caller per setting, so the text is the key).
     */
    @SuppressWarnings("unchecked")
    public List<Hit> firms(FirmsAndProducts snapshot, String text, java.util.function.Function<String, List<Hit>> compute) {
        if (!enabled) {
            return compute.apply(text);
        }
        FirmKey key = new FirmKey(snapshot.firmsByWord(), snapshot.words(), text);
        java.util.concurrent.CompletableFuture<Object> cached = firms.getIfPresent(key);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return (List<Hit>) cached.join();
        }
        List<Hit> hits = compute.apply(text);
        firms.put(key, java.util.concurrent.CompletableFuture.completedFuture(hits));
        return hits;
    }

    /** The firms' word index changed: the hits of older versions are of no use (and hold the old index). */
    void firmsChanged() {
        firms.invalidateAll().await().indefinitely();
    }

    void researchChanged() {
        research.invalidateAll().await().indefinitely();
    }
}
