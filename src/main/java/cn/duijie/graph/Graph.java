package cn.duijie.graph;

import cn.duijie.common.EngineOutage;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Non-blocking Neo4j reads for request handlers. Results come back on the caller's Vert.x context, so a handler may
 * go on to use Hibernate Reactive afterwards.
 */
@ApplicationScoped
public class Graph {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final Driver driver;

    Graph(Driver driver) {
        this.driver = driver;
    }

    public Uni<List<Record>> read(String cypher, Map<String, Object> parameters) {
        return run(cypher, parameters, AccessMode.READ);
    }

    public Uni<List<Record>> write(String cypher, Map<String, Object> parameters) {
        return run(cypher, parameters, AccessMode.WRITE);
    }

    private Uni<List<Record>> run(String cypher, Map<String, Object> parameters, AccessMode mode) {
        Context context = Vertx.currentContext();
        Uni<List<Record>> uni = Uni.createFrom().completionStage(() -> {
            AsyncSession session = driver.session(AsyncSession.class,
                    SessionConfig.builder().withDefaultAccessMode(mode).build());
            // the server ends the transaction too, so a pathological query cannot keep a core busy after we gave up
            org.neo4j.driver.TransactionConfig limit = org.neo4j.driver.TransactionConfig.builder().withTimeout(TIMEOUT).build();
            var stage = mode == AccessMode.READ
                    ? session.executeReadAsync(tx -> tx.runAsync(cypher, parameters).thenCompose(ResultCursor::listAsync), limit)
                    : session.executeWriteAsync(tx -> tx.runAsync(cypher, parameters).thenCompose(ResultCursor::listAsync), limit);
            return stage.whenComplete((r, e) -> session.closeAsync());
        }).ifNoItem().after(TIMEOUT).failWith(() -> new EngineOutage.GraphTimeoutException(cypher.substring(0, Math.min(60, cypher.length()))));
        return context == null ? uni : uni.emitOn(command -> context.runOnContext(v -> command.run()));
    }

    /**
     * One page of a list: {@code match} selects and filters the rows (ending in a WITH), {@code pageClause} orders,
     * skips ($skip), limits ($size) and returns one column mapped by {@code map}; the total comes from the same match.
     */
    public <T> Uni<cn.duijie.common.Page<T>> page(String match, String pageClause, Map<String, Object> parameters, int page, int size,
                                                 java.util.function.Function<Record, T> map) {
        Map<String, Object> p = new java.util.HashMap<>(parameters);
        p.put("skip", (long) page * size);
        p.put("size", size);
        return read(match + " RETURN count(*) AS total", p).map(r -> r.get(0).get("total").asLong())
                .chain(total -> read(match + " " + pageClause, p)
                        .map(rows -> new cn.duijie.common.Page<>(rows.stream().map(map).toList(), total, page, size)));
    }

    /**
     * A list query from a Cypher file: the part above the line {@code // page} selects and filters (ending in a WITH
     * or WHERE), the part below orders, skips, limits and returns one column; the whole file runs as it is in Neo4j
     * Browser.
     */
    public record PagedQuery(String select, String page) {
        public static PagedQuery of(String path) {
            String text = cypher(path);
            int marker = text.indexOf("\n// page\n");
            if (marker < 0) {
                throw new IllegalStateException("cypher/" + path + " has no '// page' line");
            }
            return new PagedQuery(text.substring(0, marker), text.substring(marker + "\n// page\n".length()));
        }
    }

    public <T> Uni<cn.duijie.common.Page<T>> page(PagedQuery query, Map<String, Object> parameters, int page, int size,
                                                 java.util.function.Function<Record, T> map) {
        return page(query.select(), query.page(), parameters, page, size, map);
    }

    /** Cypher text of a resource file (src/main/resources/cypher/...), so a person can paste it into Neo4j Browser. */
    public static String cypher(String path) {
        try (var in = Graph.class.getResourceAsStream("/cypher/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing cypher/" + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
