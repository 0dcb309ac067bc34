package cn.duijie.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Import jobs: accepted files are copied under the data directory, the job is recorded in PostgreSQL, and one
 * worker thread applies jobs in arrival order (imports never race each other in the graph).
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    static final int MAX_STORED_ERRORS = 10_000;

    /** A file as received: the name it was sent under and where its bytes are now. */
    public record Upload(String name, Path path) {
    }

    /** The job as accepted, and its completion. */
    public record Submitted(CompletableFuture<ImportJobView> accepted, CompletableFuture<ImportJobView> done) {
    }

    private final ImportEngine engine;
    private final ObjectMapper json;
    private final Path jobsDir;
    /** MicroProfile Context Propagation's managed executor, one job at a time in arrival order; no request context leaks in. */
    private final ManagedExecutor worker = ManagedExecutor.builder().maxAsync(1).maxQueued(-1)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();

    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final int maxQueued;

    private final ImportJobRepository jobs;

    ImportService(ImportEngine engine, ImportJobRepository jobs, ObjectMapper json,
                  cn.duijie.common.ServiceConfig config) {
        this.maxQueued = config.imports().maxQueued();
        this.engine = engine;
        this.jobs = jobs;
        this.json = json;
        this.jobsDir = Path.of(config.dataDir()).resolve("imports");
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Accepts the files (copied before the request ends) and queues the job. */
    public Submitted submit(String source, List<Upload> uploads, cn.duijie.account.Caller caller) {
        ImportScope scope = scopeOf(caller);
        if (pending.incrementAndGet() > maxQueued) {
            pending.decrementAndGet();
            throw new DomainException(503, "import-queue-full", Messages.get("problem.unavailable"),
                    Messages.get("import.queue.full", maxQueued), List.of());
        }
        CompletableFuture<ImportJobView> accepted = new CompletableFuture<>();
        CompletableFuture<ImportJobView> done = new CompletableFuture<>();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                UUID id = UUID.randomUUID();
                Path dir = jobsDir.resolve(id.toString());
                Files.createDirectories(dir);
                List<ImportEngine.Source> sources = new ArrayList<>();
                int i = 0;
                for (Upload u : uploads) {
                    Path target = dir.resolve((i++) + "-" + safeName(u.name()));
                    Files.copy(u.path(), target, StandardCopyOption.REPLACE_EXISTING);
                    sources.add(new ImportEngine.Source(u.name(), target));
                }
                ImportJobView queued = create(id, source, scope);
                accepted.complete(queued);
                worker.execute(() -> {
                    try {
                        done.complete(execute(id, sources, scope));
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    } finally {
                        pending.decrementAndGet();
                        deleteQuietly(dir);
                    }
                });
            } catch (IOException | RuntimeException e) {
                pending.decrementAndGet();
                LOG.error("Could not accept an import", e);
                accepted.completeExceptionally(e);
                done.completeExceptionally(e);
            }
        });
        return new Submitted(accepted, done);
    }

    /** Runs an import of files on disk now, on the import worker; blocking (seed loading, command line). */
    public ImportJobView importNow(String source, List<ImportEngine.Source> sources) {
        UUID id = UUID.randomUUID();
        create(id, source, ImportScope.ALL);
        try {
            return worker.submit(() -> execute(id, sources, ImportScope.ALL)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * What an import may write for this caller: ADMIN everything, bureau staff their region's parties (ImportScope);
     * anyone else may not import.
     */
    static ImportScope scopeOf(cn.duijie.account.Caller caller) {
        if (caller.is(cn.duijie.account.Role.ADMIN)) {
            return new ImportScope(null, caller.username());
        }
        if (caller.is(cn.duijie.account.Role.BUREAU) && caller.regionCode() != null) {
            return ImportScope.region(caller.regionCode(), caller.username());
        }
        throw cn.duijie.account.AccessPolicy.forbidden(Messages.get("access.role-bureau"));
    }

    /** A job, for the one who submitted it, bureau staff of its region and ADMIN; to anyone else it does not exist. */
    public Uni<ImportJobView> find(UUID id, cn.duijie.account.Caller caller) {
        return Panache.withSession(() -> jobs.findById(id))
                .map(job -> job != null && mayRead(job, caller) ? job : null)
                .onItem().ifNull().failWith(() -> DomainException.notFound(Messages.get("import.job.not-found", id)))
                .map(this::view);
    }

    private static boolean mayRead(ImportJob job, cn.duijie.account.Caller caller) {
        return caller.is(cn.duijie.account.Role.ADMIN)
                || (caller.username() != null && caller.username().equals(job.owner))
                || (caller.is(cn.duijie.account.Role.BUREAU) && job.regionCode != null
                        && cn.duijie.account.Regions.covers(caller.regionCode(), job.regionCode));
    }

    private ImportJobView execute(UUID id, List<ImportEngine.Source> sources, ImportScope scope) {
        update(id, job -> job.status = "RUNNING");
        try {
            long start = System.nanoTime();
            // each file publishes its changes to the matching snapshot
            ImportReport report = engine.run(sources, scope, progressOf(id));
            LOG.infof("Import %s done in %d ms: %s", id, (System.nanoTime() - start) / 1_000_000, report.files());
            return update(id, job -> {
                job.status = "DONE";
                job.finishedAt = now();
                job.rowsDone = job.rowsTotal;
                job.files = write(report.files());
                job.errorCount = report.errors().size();
                job.errors = write(report.errors().size() > MAX_STORED_ERRORS
                        ? report.errors().subList(0, MAX_STORED_ERRORS) : report.errors());
                job.duplicates = write(report.duplicates());
                job.accounts = write(report.accounts());
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", id);
            return update(id, job -> {
                job.status = "FAILED";
                job.finishedAt = now();
                job.failure = Messages.get("import.job.failed");
            });
        }
    }

    /** Writes the job's progress: the total at once, then the rows done at most every half second (the page polls each second). */
    private ImportEngine.Progress progressOf(UUID id) {
        long[] written = {Long.MIN_VALUE};
        return (total, done) -> {
            long now = System.nanoTime();
            if (done == 0 || done == total || now - written[0] >= 500_000_000L) {
                written[0] = now;
                update(id, job -> {
                    job.rowsTotal = total;
                    job.rowsDone = done;
                });
            }
        };
    }

    private ImportJobView create(UUID id, String source, ImportScope scope) {
        return await(() -> Panache.withTransaction(() -> {
            ImportJob job = new ImportJob();
            job.id = id;
            job.status = "QUEUED";
            job.source = source;
            job.owner = scope.owner();
            job.regionCode = scope.regionCode();
            job.createdAt = now();
            job.files = "[]";
            job.errors = "[]";
            job.duplicates = "[]";
            job.accounts = "[]";
            return jobs.persist(job).replaceWith(job);
        }).map(this::view));
    }

    private ImportJobView update(UUID id, java.util.function.Consumer<ImportJob> change) {
        return await(() -> Panache.withTransaction(() -> jobs.findById(id).invoke(change)).map(this::view));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    ImportJobView view(ImportJob job) {
        return new ImportJobView(job.id, job.status, job.source, job.createdAt, job.finishedAt,
                read(job.files, new TypeReference<List<ImportReport.FileCounts>>() { }),
                read(job.errors, new TypeReference<List<ImportReport.RowError>>() { }),
                job.errorCount,
                read(job.duplicates, new TypeReference<List<ImportReport.PossibleDuplicate>>() { }),
                read(job.accounts, new TypeReference<List<ImportReport.ProvisionedAccount>>() { }),
                job.failure, job.rowsTotal, job.rowsDone);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text == null ? "[]" : text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String safeName(String name) {
        String n = name == null ? "file" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.length() > 60 ? n.substring(n.length() - 60) : n;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("Could not delete %s", dir);
        }
    }
}
