package cn.duijie.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import cn.duijie.common.Messages;
import cn.duijie.common.StartupTasks;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Loads the demo region (graph-seed/) on a start with an empty graph, so a new user sees a living region at once;
 * resumes a demo load that a crash interrupted (the import is idempotent). Readiness stays DOWN until it is done.
 * Replicas starting together on one pair of engines take turns through a PostgreSQL advisory lock, held for the whole
 * decision and load: the first loads, the others wait and then find the region there. Holding the lock also proves
 * that a seed job still marked RUNNING belongs to a dead replica (the lock goes with its session), not a live one.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    /** Key of the session-level advisory lock a replica holds while it decides on and loads the demo region. */
    static final long LOCK_KEY = 0x6475696A69650001L; // "duijie" 1

    private final ImportService imports;
    private final Driver driver;
    private final Pool pool;
    private final DataSource dataSource;
    private final boolean onEmpty;
    private final Path dir;
    private volatile boolean done;
    private volatile boolean loading;

    SeedLoader(ImportService imports, Driver driver, Pool pool, DataSource dataSource,
               cn.duijie.common.ServiceConfig config) {
        this.imports = imports;
        this.driver = driver;
        this.pool = pool;
        this.dataSource = dataSource;
        this.onEmpty = config.seed().onEmpty();
        this.dir = Path.of(config.seed().dir());
    }

    void onSchemasReady(@Observes StartupTasks.SchemasReady ready) {
        try {
            if (onEmpty) {
                loadExclusively();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Loading the demo region failed; the service runs without it");
        } finally {
            loading = false;
            done = true;
        }
    }

    /** Takes the advisory lock (waiting while another replica loads), loads if needed, lets go. */
    void loadExclusively() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            boolean free;
            try (ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                free = rs.next() && rs.getBoolean(1);
            }
            if (!free) {
                loading = true; // by another replica: readiness says so meanwhile
                LOG.info("Another replica is deciding on or loading the demo region: waiting for it");
                st.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            }
            try {
                load();
            } finally {
                st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("demo-region lock: " + e.getMessage(), e);
        }
    }

    private void load() {
        boolean interrupted = markInterruptedSeedJobs() > 0;
        try (Session session = driver.session()) {
            long firms = session.run("MATCH (e:Enterprise) RETURN count(e) AS n").single().get("n").asLong();
            if (firms > 0 && !interrupted) {
                return;
            }
        }
        loading = true;
        if (interrupted) {
            LOG.warn("The last demo-region load was interrupted (service killed?): loading it again");
        }
        List<ImportEngine.Source> sources = new ArrayList<>();
        Path from = Files.isDirectory(dir) ? dir : copyFromClasspath();
        for (ImportFile f : ImportFile.values()) {
            Path p = from.resolve(f.fileName());
            if (Files.exists(p)) {
                sources.add(new ImportEngine.Source(f.fileName(), p));
            }
        }
        if (sources.isEmpty()) {
            LOG.warnf("No demo region to load: %s holds no graph-seed files", from.toAbsolutePath());
            return;
        }
        LOG.infof("Empty graph: loading the demo region from %s", from.toAbsolutePath());
        ImportJobView job = imports.importNow("seed", sources);
        LOG.infof("Demo region loaded (job %s, %s): %s", job.id(), job.status(), job.files());
        if (job.errorCount() > 0) {
            LOG.warnf("Demo region had %d rejected rows; first: %s", job.errorCount(), job.errors().get(0));
        }
        LOG.info("Demo region ready: the service now reports ready");
    }

    /** Seed jobs a killed service left QUEUED or RUNNING are closed as failed; any such job means: load again. */
    private int markInterruptedSeedJobs() {
        return pool.preparedQuery("""
                UPDATE import_job SET status = 'FAILED', finished_at = now(), failure = $1
                WHERE source = 'seed' AND status IN ('QUEUED', 'RUNNING')""")
                .execute(Tuple.of(Messages.get("import.job.interrupted")))
                .await().atMost(Duration.ofSeconds(30)).rowCount();
    }

    /** True once start-up loading is over (loaded, not needed, or failed and logged). */
    public boolean done() {
        return done;
    }

    /** True while the demo region is being imported. */
    public boolean loading() {
        return loading;
    }

    private static Path copyFromClasspath() {
        try {
            Path tmp = Files.createTempDirectory("duijie-seed-");
            for (ImportFile f : ImportFile.values()) {
                try (InputStream in = SeedLoader.class.getResourceAsStream("/graph-seed/" + f.fileName())) {
                    if (in != null) {
                        Files.copy(in, tmp.resolve(f.fileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
