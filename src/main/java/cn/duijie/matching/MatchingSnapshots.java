package cn.duijie.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.StartupTasks;
import cn.duijie.graph.GraphChanges;
import cn.duijie.graph.GraphChanges.Domain;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Holds the current {@link MatchingSnapshot} and keeps it current: loaded in full once at start (or when a full
 * reload is published), then every row of the change feed ({@code graph_change}, written by every replica's writers)
 * is applied in place — only the firms, track records or small domains a row names are read again. Each replica
 * follows the same table, so a write through one shows on all of them within {@code duijie.matching.feed-interval}.
 */
@ApplicationScoped
public class MatchingSnapshots {

    private static final Logger LOG = Logger.getLogger(MatchingSnapshots.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    /** A hole in the feed's ids older than this is a rolled-back insert, not a row still to come. */
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);

    private final SnapshotLoader loader;
    private final Pool pool;
    private final StartupTasks startup;
    private final TextHits textHits;
    private final int firmBatch;
    private final Duration firstLoadWait;
    private final Duration feedInterval;
    private final boolean enabled;
    private final java.util.concurrent.ScheduledExecutorService follower = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "duijie-matching-feed");
        t.setDaemon(true);
        return t;
    });
    private final ReentrantLock applying = new ReentrantLock();
    /** Completes when the first load has finished; it carries no snapshot (one held here would keep that version's firms alive after every reload). */
    private final CompletableFuture<Boolean> first = new CompletableFuture<>();
    private final AtomicBoolean loadingFirst = new AtomicBoolean();
    private volatile MatchingSnapshot current;
    private volatile boolean schemasReady;
    /** Every feed row with an id up to this one is applied; {@link #seen} holds the applied ones above it. */
    private long watermark;
    private final Set<Long> seen = new HashSet<>();
    private volatile String failure;
    private volatile long nextFirstLoad;
    private volatile long fullLoads;
    private volatile long lastFullLoadMs;
    private volatile long changesApplied;

    MatchingSnapshots(SnapshotLoader loader, Pool pool, StartupTasks startup, TextHits textHits, MatchingConfig config) {
        this.loader = loader;
        this.pool = pool;
        this.startup = startup;
        this.textHits = textHits;
        this.firmBatch = config.snapshot().firmBatch();
        this.firstLoadWait = config.snapshot().firstLoadWait();
        this.feedInterval = config.snapshot().feedInterval();
        this.enabled = config.snapshot().enabled();
    }

    void onReady(@Observes StartupTasks.SchemasReady ready) {
        if (!enabled) {
            return;
        }
        schemasReady = true;
        // a thread of its own, not the scheduler (whose shortest period is 1 s): the feed is read every feed-interval
        follower.scheduleWithFixedDelay(this::poll, 0, feedInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        follower.shutdownNow();
    }

    /** The current version; waits for the first load after start (503 problem when it takes too long). */
    public Uni<MatchingSnapshot> current() {
        MatchingSnapshot s = current;
        if (s != null) {
            return Uni.createFrom().item(s);
        }
        return awaitShared(first, firstLoadWait, () -> DomainException.unavailable(Messages.get("matching.snapshot.loading")))
                .map(loaded -> current);
    }

    /**
     * Waits for a future many requests share, failing with {@code late} after {@code wait}. Each waiter subscribes to
     * a copy: Mutiny cancels the stage of a Uni that gives up, and cancelling the shared one would fail every later
     * request with a CancellationException (a 500) although the load goes on.
     */
    static <T> Uni<T> awaitShared(CompletableFuture<T> shared, Duration wait, java.util.function.Supplier<? extends Throwable> late) {
        return Uni.createFrom().completionStage(shared::copy).ifNoItem().after(wait).failWith(late);
    }

    /** The current version, or null before the first load (health, tests, benchmarks). */
    public MatchingSnapshot now() {
        return current;
    }

    /** Blocks until the first load is done (tests and benchmarks); null when the time ran out. */
    public MatchingSnapshot await(Duration timeout) {
        try {
            first.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return current;
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Why the last load or change could not be applied (null when it worked), for /q/health. */
    public String failure() {
        return failure;
    }

    public record Stats(long fullLoads, long lastFullLoadMs, long changesApplied) {
    }

    public Stats stats() {
        return new Stats(fullLoads, lastFullLoadMs, changesApplied);
    }

    /** Logged at WARN once per distinct reason (the feed retries every feed-interval), and shown on /q/health. */
    private void failed(String what, RuntimeException e) {
        String text = Messages.get("matching.snapshot.failed", reason(e));
        if (!text.equals(failure)) {
            LOG.warnf("%s: %s", what, reason(e));
        }
        failure = text;
    }

    private void loadFirst() {
        if (current != null || System.currentTimeMillis() < nextFirstLoad || !loadingFirst.compareAndSet(false, true)) {
            return;
        }
        applying.lock();
        try {
            long start = System.nanoTime();
            long upTo = maxChangeId();
            FirmsAndProducts firms = FirmsAndProducts.empty(loader.taxonomy());
            List<String> keys = loader.firmKeys();
            for (int i = 0; i < keys.size(); i += firmBatch) {
                List<String> chunk = keys.subList(i, Math.min(keys.size(), i + firmBatch));
                firms = firms.withFirms(loader.firms(chunk).values(), List.of());
            }
            MatchingSnapshot s = new MatchingSnapshot(1, upTo, firms, loader.research(), loader.funds(), loader.regions(),
                    new TrackRecords(loader.outcomes(null)), OpenNeeds.of(loader.needs(null).values()));
            watermark = upTo;
            seen.clear();
            lastFullLoadMs = (System.nanoTime() - start) / 1_000_000;
            fullLoads++;
            failure = null;
            current = s;
            first.complete(Boolean.TRUE);
            LOG.infof("Matching snapshot loaded: %d firms, %d products with makers, %d funds, %d achievements, in %d ms",
                    firms.byId().size(), firms.makersByProduct().size(), s.funds().byId().size(),
                    s.research().achievements().size(), lastFullLoadMs);
        } catch (RuntimeException e) {
            failed("Matching snapshot not loaded (retrying)", e);
            nextFirstLoad = System.currentTimeMillis() + 5_000;
        } finally {
            applying.unlock();
            loadingFirst.set(false);
        }
    }

    void poll() {
        try {
            if (!schemasReady) {
                return;
            }
            if (current == null) {
                loadFirst();
                return;
            }
            follow();
        } catch (RuntimeException e) {
            LOG.warnf("Matching snapshot feed not read: %s", reason(e)); // never let the follower thread die
        }
    }

    /** A writer on this replica published a change: apply it before its request answers (read your own writes). */
    void onPublished(@Observes GraphChanges.Published published) {
        if (current != null) {
            follow();
        }
    }

    /** Applies every feed row not applied yet, as one new version per batch. */
    void follow() {
        long t0 = System.nanoTime();
        applying.lock();
        long locked = System.nanoTime();
        try {
            List<Row> rows = new ArrayList<>();
            pool.preparedQuery("SELECT id, domain, keys, created_at < now() - make_interval(secs => $2) AS old "
                            + "FROM graph_change WHERE id > $1 ORDER BY id LIMIT 5000")
                    .execute(Tuple.of(watermark, (double) GAP_TIMEOUT.toSeconds())).await().atMost(DB_TIMEOUT).forEach(rows::add);
            List<Row> fresh = rows.stream().filter(r -> !seen.contains(r.getLong("id"))).toList();
            long read = System.nanoTime();
            if (!fresh.isEmpty()) {
                apply(fresh);
                fresh.forEach(r -> seen.add(r.getLong("id")));
                changesApplied += fresh.size();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > 200) {
                    LOG.infof("Matching snapshot: %d changes applied in %d ms (waited %d ms for the lock, read the feed in %d ms)",
                            fresh.size(), ms, (locked - t0) / 1_000_000, (read - locked) / 1_000_000);
                }
            }
            advanceWatermark(rows);
            if (failure != null) {
                LOG.info("Matching snapshot follows the change feed again");
            }
            failure = null;
        } catch (RuntimeException e) {
            failed("Matching snapshot change not applied (retrying)", e);
        } finally {
            applying.unlock();
        }
    }

    private void advanceWatermark(List<Row> rows) {
        TreeMap<Long, Boolean> above = new TreeMap<>(); // applied ids above the watermark → older than the gap timeout
        rows.forEach(r -> above.put(r.getLong("id"), r.getBoolean("old")));
        for (Map.Entry<Long, Boolean> e : above.entrySet()) {
            long id = e.getKey();
            if (id == watermark + 1 || e.getValue()) {
                watermark = id; // contiguous, or a hole old enough to be a rolled-back insert
                seen.remove(id);
            } else {
                break;
            }
        }
        seen.removeIf(id -> id <= watermark);
    }

    private void apply(List<Row> rows) {
        Set<Domain> whole = java.util.EnumSet.noneOf(Domain.class);
        Set<String> firmKeys = new LinkedHashSet<>();
        Set<String> outcomeKeys = new LinkedHashSet<>();
        Set<String> needKeys = new LinkedHashSet<>();
        long newest = current.appliedChange();
        for (Row r : rows) {
            newest = Math.max(newest, r.getLong("id"));
            Domain d = Domain.valueOf(r.getString("domain"));
            String[] keys = r.getArrayOfStrings("keys");
            if (d == Domain.ALL) {
                whole.addAll(List.of(Domain.FIRMS, Domain.TAXONOMY, Domain.RESEARCH, Domain.FUNDS, Domain.REGIONS, Domain.OUTCOMES,
                        Domain.NEEDS));
            } else if (keys == null || d == Domain.TAXONOMY || d == Domain.RESEARCH || d == Domain.FUNDS || d == Domain.REGIONS) {
                whole.add(d);
            } else if (d == Domain.FIRMS) {
                firmKeys.addAll(List.of(keys));
            } else if (d == Domain.OUTCOMES) {
                outcomeKeys.addAll(List.of(keys));
            } else if (d == Domain.NEEDS) {
                needKeys.addAll(List.of(keys));
            }
        }
        MatchingSnapshot s = current;
        FirmsAndProducts firms = whole.contains(Domain.TAXONOMY) ? s.firms().withTaxonomy(loader.taxonomy()) : s.firms();
        Research research = whole.contains(Domain.RESEARCH) ? loader.research() : s.research();
        Funds funds = whole.contains(Domain.FUNDS) ? loader.funds() : s.funds();
        Regions regions = whole.contains(Domain.REGIONS) ? loader.regions() : s.regions();
        TrackRecords track = whole.contains(Domain.OUTCOMES) ? new TrackRecords(loader.outcomes(null))
                : outcomeKeys.isEmpty() ? s.track() : s.track().with(outcomeKeys, loader.outcomes(List.copyOf(outcomeKeys)));
        OpenNeeds needs = whole.contains(Domain.NEEDS) ? OpenNeeds.of(loader.needs(null).values())
                : needKeys.isEmpty() ? s.needs() : s.needs().with(needKeys, loader.needs(List.copyOf(needKeys)));
        boolean allFirms = whole.contains(Domain.FIRMS);
        List<String> keys = allFirms ? loader.firmKeys() : List.copyOf(firmKeys);
        Object wordIndexBefore = s.firms().firmsByWord();
        Object wordStatsBefore = s.firms().words();
        if (allFirms) {
            fullLoads++;
            // a full reload must not hold the old version while it replaces the firms batch by batch (the heap would
            // double): the other domains are published at once, and nothing here keeps the old snapshot
            current = current.with(current.appliedChange(), firms, research, funds, regions, track, needs);
        }
        s = null;
        long start = System.nanoTime();
        // in batches, each published as a version of its own: a full reload replaces firms a batch at a time instead
        // of holding a second copy of all of them
        for (int i = 0; i < keys.size(); i += firmBatch) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + firmBatch));
            Map<String, FirmsAndProducts.Firm> read = loader.firms(chunk);
            List<String> gone = chunk.stream().filter(k -> !read.containsKey(k)).toList();
            firms = firms.withFirms(read.values(), gone);
            if (i + firmBatch < keys.size()) {
                current = current.with(current.appliedChange(), firms, research, funds, regions, track, needs);
            }
        }
        if (allFirms) {
            Set<String> present = new HashSet<>(keys);
            List<String> removed = firms.byId().keySet().stream().filter(k -> !present.contains(k)).toList();
            firms = firms.withFirms(List.of(), removed);
            lastFullLoadMs = (System.nanoTime() - start) / 1_000_000;
        }
        current = current.with(newest, firms, research, funds, regions, track, needs);
        if (firms.firmsByWord() != wordIndexBefore || firms.words() != wordStatsBefore) {
            textHits.firmsChanged();
        }
        if (whole.contains(Domain.RESEARCH)) {
            textHits.researchChanged();
        }
    }

    private long maxChangeId() {
        return pool.query("SELECT coalesce(max(id), 0) AS id FROM graph_change").execute().await().atMost(DB_TIMEOUT)
                .iterator().next().getLong("id");
    }

    /** The reason of a failure as a person reads it: the root cause's message. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
