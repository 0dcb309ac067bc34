package cn.duijie.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.impl.transaction.log.checkpoint.CheckPointer;
import org.neo4j.kernel.impl.transaction.log.checkpoint.SimpleTriggerInfo;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/** An in-process Neo4j 5.26 with Bolt on localhost, used when no NEO4J_URI is configured. */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final java.util.List<String> DATABASES =
            java.util.List.of(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, GraphDatabaseSettings.SYSTEM_DATABASE_NAME);

    /** A writer held by a backup longer than this fails with a transient error instead of waiting on. */
    private static final Duration LONGEST_WRITE_HOLD = Duration.ofSeconds(30);

    private final Path home;
    private final int port;
    private final String pageCache;
    private DatabaseManagementService dbms;
    /** Every write commit passes it; an online backup closes it while it copies the store (see OnlineBackup). */
    private final GraphWriteGate writeGate = new GraphWriteGate(LONGEST_WRITE_HOLD);

    public EmbeddedNeo4j(Path home, int port, String pageCache) {
        this.home = home;
        this.port = port;
        this.pageCache = pageCache;
    }

    public synchronized EmbeddedNeo4j start() {
        if (dbms != null) {
            return this;
        }
        dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .loadPropertiesFromFile(writeExtraConfig())
                .build();
        try {
            // a crash leaves no lock behind (the store lock is an OS file lock); recovery replays the transaction log here
            if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(Duration.ofMinutes(5).toMillis())) {
                throw new IllegalStateException("database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + " did not become available");
            }
            // the system database takes no listener, and no writes of Duijie's (Community has no user management)
            dbms.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, writeGate);
        } catch (RuntimeException e) {
            dbms.shutdown();
            dbms = null;
            throw e;
        }
        return this;
    }

    /** Settings the builder has no typed constant for. */
    private Path writeExtraConfig() {
        try {
            Files.createDirectories(home);
            Path conf = home.resolve("duijie-neo4j.conf");
            Files.writeString(conf, String.join("\n",
                    "# written at every start by Duijie",
                    // otherwise every shutdown waits 10 s for Netty's quiet period
                    "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
                    ""));
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (dbms != null) {
            dbms.shutdown();
            dbms = null;
        }
    }

    /**
     * Holds every graph write commit until the returned pause is closed; commits already under way finish first.
     * Fails (nothing held) if they do not finish within {@code wait}. Reads go on meanwhile.
     */
    public WritePause pauseWrites(Duration wait) throws InterruptedException {
        if (!writeGate.close(wait)) {
            throw new IllegalStateException("graph commits under way did not finish within " + wait.toMillis() + " ms");
        }
        return writeGate::open;
    }

    /** Held graph writes; closing it lets them commit. */
    public interface WritePause extends AutoCloseable {
        @Override
        void close();
    }

    /** Flushes every database to its store files and writes a check point, so a copy of the files needs no recovery. */
    public synchronized void checkpoint() throws java.io.IOException {
        for (String name : DATABASES) {
            ((GraphDatabaseAPI) dbms.database(name)).getDependencyResolver().resolveDependency(CheckPointer.class)
                    .forceCheckPoint(new SimpleTriggerInfo("Duijie online backup"));
        }
    }

    /** The Neo4j home: {@code data/} (stores and transaction logs), {@code logs/} and the generated config. */
    public Path home() {
        return home;
    }

    /** The default database, for the offline tools (backup counts); the service itself goes through Bolt. */
    public synchronized org.neo4j.graphdb.GraphDatabaseService database() {
        return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    public synchronized boolean isRunning() {
        return dbms != null;
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
