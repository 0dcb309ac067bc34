package cn.duijie.need;

import java.util.Optional;
import cn.duijie.domain.Vocabulary;
import cn.duijie.domain.NodeKind;
import cn.duijie.domain.CandidateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.common.StartupTasks;
import cn.duijie.graph.Graph;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Projects outbox rows into Neo4j, in order, idempotently. Rows are claimed with SKIP LOCKED so several replicas can
 * relay side by side; a failed row is retried with exponential backoff (1 s doubling to 60 s) until it succeeds.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final String PROJECT_NEED = Graph.cypher("need/project-need.cypher");

    private final Pool pool;
    private final Driver driver;
    private final ObjectMapper json;
    private final StartupTasks startup;
    private final cn.duijie.graph.GraphChanges changes;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    OutboxRelay(Pool pool, Driver driver, ObjectMapper json, StartupTasks startup, cn.duijie.graph.GraphChanges changes) {
        this.changes = changes;
        this.pool = pool;
        this.driver = driver;
        this.json = json;
        this.startup = startup;
    }

    /** Asks for a relay pass soon, off the caller's thread. */
    public void nudge() {
        Infrastructure.getDefaultWorkerPool().execute(this::relay);
    }

    @Scheduled(every = "${duijie.outbox.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "3s")
    void scheduled() {
        relay();
    }

    /**
     * On a graceful stop: claim nothing more and let the pass under way finish, so the rows it claimed are marked
     * processed instead of waiting out their claim (60 s) for another replica.
     */
    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Relays until nothing is due; returns how many rows were projected. Blocking. */
    public int relay() {
        if (stopping || !startup.postgresMigrated()) {
            return 0;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return 0;
        }
        int total = 0;
        try {
            do {
                again.set(false);
                int n;
                while (!stopping && (n = relayBatch()) > 0) {
                    total += n;
                }
                while (!stopping && (n = relayEventSignals()) > 0) {
                    total += n;
                }
            } while (again.get() && !stopping);
        } catch (RuntimeException e) {
            LOG.debugf("Outbox relay pass stopped: %s", e.toString());
        } finally {
            running.set(false);
        }
        return total;
    }

    private int relayBatch() {
        List<Row> claimed = new ArrayList<>();
        pool.preparedQuery("""
                UPDATE outbox SET claimed_until = now() + interval '60 seconds'
                WHERE id IN (SELECT id FROM outbox
                             WHERE processed_at IS NULL AND next_attempt_at <= now()
                               AND (claimed_until IS NULL OR claimed_until < now())
                             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING id, aggregate_type, aggregate_id, event_type, payload, attempts
                """).execute(Tuple.of(BATCH)).await().atMost(Duration.ofSeconds(30)).forEach(claimed::add);
        if (claimed.isEmpty()) {
            return 0;
        }
        claimed.sort((a, b) -> Long.compare(a.getLong("id"), b.getLong("id")));
        List<Long> done = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        try (Session session = driver.session()) {
            // the whole batch in one transaction (one commit, not one per row: after an import of 15,000 needs the
            // relay caught up at ~34 rows/s, bound by commits); if any row fails, row by row so that only it waits
            List<String> batchNeeds = new ArrayList<>();
            List<String> batchOutcomes = new ArrayList<>();
            try {
                session.executeWriteWithoutResult(tx -> {
                    batchNeeds.clear();
                    batchOutcomes.clear();
                    for (Row row : claimed) {
                        project(tx, row.getString("event_type"), row.getString("payload"), batchNeeds, batchOutcomes);
                    }
                });
                claimed.forEach(row -> done.add(row.getLong("id")));
                needs.addAll(batchNeeds);
                outcomes.addAll(batchOutcomes);
                claimed.clear();
            } catch (RuntimeException batchFailed) {
                LOG.debugf("Outbox batch of %d rows not projected at once, row by row: %s", claimed.size(), batchFailed.toString());
            }
            for (Row row : claimed) {
                try {
                    session.executeWriteWithoutResult(tx -> project(tx, row.getString("event_type"), row.getString("payload"), needs, outcomes));
                    done.add(row.getLong("id"));
                } catch (RuntimeException e) {
                    int attempts = row.getInteger("attempts") + 1;
                    long backoff = Math.min(60, 1L << Math.min(attempts - 1, 6));
                    pool.preparedQuery("""
                            UPDATE outbox SET attempts = $2, last_error = $3, claimed_until = NULL,
                                   next_attempt_at = now() + make_interval(secs => $4)
                            WHERE id = $1""")
                            .execute(Tuple.of(row.getLong("id"), attempts, String.valueOf(e.getMessage()), (double) backoff))
                            .await().atMost(Duration.ofSeconds(30));
                    LOG.debugf("Outbox row %d not projected (attempt %d, retry in %d s): %s",
                            row.getLong("id"), attempts, backoff, e.toString());
                }
            }
        } finally {
            if (!done.isEmpty()) {
                publish(needs, outcomes);
                pool.preparedQuery("UPDATE outbox SET processed_at = now(), claimed_until = NULL WHERE id = ANY($1)")
                        .execute(Tuple.of(done.toArray(new Long[0]))).await().atMost(Duration.ofSeconds(30));
            }
        }
        // failed rows wait for their backoff; stop when nothing of the batch could be projected
        return done.size();
    }

    /**
     * MET and DEAL signals recorded at events (match_signal) become MATCH_OUTCOME edges both ways between the two
     * parties, so the track-record signal of every matcher counts them like feedback on a need.
     */
    private int relayEventSignals() {
        List<Row> rows = new ArrayList<>();
        pool.query("""
                SELECT id, party_a, party_a_type, party_b, party_b_type, kind, source_event_id, created_at
                FROM match_signal WHERE projected_at IS NULL ORDER BY created_at LIMIT 200""")
                .execute().await().atMost(Duration.ofSeconds(30)).forEach(rows::add);
        if (rows.isEmpty()) {
            return 0;
        }
        List<java.util.UUID> done = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        try (Session session = driver.session()) {
            for (Row r : rows) {
                Optional<NodeKind> a = NodeKind.parse(r.getString("party_a_type"));
                Optional<NodeKind> b = NodeKind.parse(r.getString("party_b_type"));
                if (a.isPresent() && b.isPresent()) {
                    Map<String, Object> p = Map.of("a", r.getString("party_a"), "b", r.getString("party_b"),
                            "kind", r.getString("kind"), "eventId", r.getUUID("source_event_id").toString());
                    session.executeWriteWithoutResult(tx -> tx.run("MATCH " + a.get().pattern("a", "a") + " MATCH " + b.get().pattern("b", "b")
                            + " MERGE (a)-[x:MATCH_OUTCOME {kind: $kind, eventId: $eventId}]->(b) "
                            + "MERGE (b)-[y:MATCH_OUTCOME {kind: $kind, eventId: $eventId}]->(a)", p).consume());
                    outcomes.add(r.getString("party_a_type") + ":" + r.getString("party_a"));
                    outcomes.add(r.getString("party_b_type") + ":" + r.getString("party_b"));
                }
                done.add(r.getUUID("id"));
            }
        } finally {
            if (!done.isEmpty()) {
                publish(List.of(), outcomes);
                pool.preparedQuery("UPDATE match_signal SET projected_at = now() WHERE id = ANY($1)")
                        .execute(Tuple.of(done.toArray(new java.util.UUID[0]))).await().atMost(Duration.ofSeconds(30));
            }
        }
        return done.size();
    }

    private void project(org.neo4j.driver.TransactionContext tx, String type, String payload, List<String> needs, List<String> outcomes) {
        Map<String, Object> p = read(payload);
        switch (type) {
            case "NEED_UPSERTED" -> {
                tx.run(PROJECT_NEED, p).consume();
                needs.add(String.valueOf(p.get("id")));
            }
            case "MATCH_OUTCOME" -> {
                CandidateType candidateType = Vocabulary.parse(CandidateType.class, (String) p.get("candidateType")).orElse(CandidateType.ENTERPRISE);
                tx.run(MatchOutcomes.cypher(candidateType), p).consume();
                outcomes.add(candidateType.name() + ":" + p.get("candidateId")); // the candidate's track record in matching
            }
            default -> LOG.warnf("Unknown outbox event type %s, skipped", type);
        }
    }

    /** What this pass projected, for the matching snapshot of every replica (the change feed). */
    private void publish(List<String> needs, List<String> outcomes) {
        try {
            changes.publish(cn.duijie.graph.GraphChanges.Domain.NEEDS, needs);
            changes.publish(cn.duijie.graph.GraphChanges.Domain.OUTCOMES, outcomes);
        } catch (RuntimeException e) {
            LOG.warnf("Projected changes not published to the matching snapshot: %s", e.toString());
        }
    }

    private Map<String, Object> read(String payload) {
        try {
            return json.readValue(payload, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
