package cn.duijie.graph;

import java.time.Duration;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The change feed of the graph: a writer that changed nodes matching reads appends what it changed to the
 * {@code graph_change} table (PostgreSQL), which every replica's matching snapshot follows. Writers publish after
 * their graph write committed, and on this replica the change is applied before {@link #publish} returns, so a
 * client sees its own write at once; other replicas see it on their next poll ({@code duijie.matching.feed-interval}).
 */
@ApplicationScoped
public class GraphChanges {

    /** What a change is about; each domain is one part of the matching snapshot. */
    public enum Domain {
        /** Firms by credit code: profile, products, technologies, buyers, chains led. */
        FIRMS,
        /** Products, segments, FEEDS and chains (keys are ignored: the trees are small and reloaded whole). */
        TAXONOMY,
        /** Technologies, institutions, experts, achievements, collaborations (reloaded whole). */
        RESEARCH,
        /** Funds and investors (reloaded whole: thousands, not hundreds of thousands). */
        FUNDS,
        /** Regions (reloaded whole). */
        REGIONS,
        /** Track records (MET, DEAL) of candidates, keys {@code TYPE:id} as ENTERPRISE:913…, FUND:F-1. */
        OUTCOMES,
        /** Open needs as the graph projects them, by need id. */
        NEEDS,
        /** Everything: a full reload asked for on demand. */
        ALL
    }

    /** Fired on this replica after a change row was written; the snapshot applies it before the event returns. */
    public record Published(long id) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final Event<Published> published;

    GraphChanges(Pool pool, Event<Published> published) {
        this.pool = pool;
        this.published = published;
    }

    /** Appends a change (keys null or empty: the whole domain) and applies it here; blocking, never on an event loop. */
    public void publish(Domain domain, Collection<String> keys) {
        if (keys != null && keys.isEmpty() && domain != Domain.TAXONOMY && domain != Domain.RESEARCH
                && domain != Domain.FUNDS && domain != Domain.REGIONS && domain != Domain.ALL) {
            return; // nothing of a keyed domain changed
        }
        String[] array = keys == null || keys.isEmpty() ? null : keys.toArray(new String[0]);
        long id = pool.preparedQuery("INSERT INTO graph_change (domain, keys) VALUES ($1, $2) RETURNING id")
                .execute(Tuple.tuple().addString(domain.name()).addArrayOfString(array)).await().atMost(TIMEOUT).iterator().next().getLong("id");
        published.fire(new Published(id));
    }

    /** A change to a whole domain (an import of products.csv, a reload on demand). */
    public void publishWhole(Domain domain) {
        publish(domain, null);
    }
}
