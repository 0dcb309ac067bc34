package cn.duijie.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import cn.duijie.common.StartupTasks;

/** Loads the demo region (graph-seed/) on a start with an empty graph, so a new user sees a living region at once. */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final ImportService imports;
    private final Driver driver;
    private final boolean onEmpty;
    private final Path dir;
    private volatile boolean done;

    SeedLoader(ImportService imports, Driver driver,
               @ConfigProperty(name = "duijie.seed.on-empty") boolean onEmpty,
               @ConfigProperty(name = "duijie.seed.dir") String dir) {
        this.imports = imports;
        this.driver = driver;
        this.onEmpty = onEmpty;
        this.dir = Path.of(dir);
    }

    void onSchemasReady(@Observes StartupTasks.SchemasReady ready) {
        if (!onEmpty) {
            done = true;
            return;
        }
        try (Session session = driver.session()) {
            long firms = session.run("MATCH (e:Enterprise) RETURN count(e) AS n").single().get("n").asLong();
            if (firms > 0) {
                done = true;
                return;
            }
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
            done = true;
            return;
        }
        LOG.infof("Empty graph: loading the demo region from %s", from.toAbsolutePath());
        ImportJobView job = imports.importNow("seed", sources);
        LOG.infof("Demo region loaded (job %s, %s): %s", job.id(), job.status(), job.files());
        if (job.errorCount() > 0) {
            LOG.warnf("Demo region had %d rejected rows; first: %s", job.errorCount(), job.errors().get(0));
        }
        done = true;
    }

    public boolean done() {
        return done;
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
