package cn.duijie;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.duijie.common.EngineBootstrap;
import cn.duijie.imports.ImportCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point: {@code serve} (the default), {@code import [--server URL] FILE|DIR ...},
 * {@code generate --out DIR [--enterprises N] [--seed S]}, {@code backup --to DIR}, {@code restore --from DIR},
 * {@code engines}, and (in a {@code -Pbench} build) the benchmarks and the scripted checks {@code crash-check} and
 * {@code replica-check}.
 * Starts the embedded engines that are not configured as external servers before Quarkus starts
 * (Hibernate Reactive connects while Quarkus boots).
 */
@QuarkusMain
public class DuijieMain {

    /** Exit status of a start whose embedded engines could not be brought up. */
    public static final int EXIT_ENGINE_FAILED = 3;

    public static void main(String... args) throws Exception {
        // Quarkus would answer a malformed URI with a bare 400; RequestGuard makes the same check with a problem+json
        System.setProperty(cn.duijie.common.RequestGuard.URI_VALIDATION_OFF, "true");
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "import" -> {
                if (rest.length >= 2 && rest[0].equals("--server")) {
                    System.exit(ImportCommand.upload(rest[1], List.of(Arrays.copyOfRange(rest, 2, rest.length))));
                }
                System.setProperty("quarkus.http.port", "0");
                System.setProperty("duijie.seed.on-empty", "false");
                System.setProperty("duijie.matching.snapshot.enabled", "false"); // it serves no matches
                start(ImportCommand.class, rest);
            }
            case "serve" -> start(Service.class, rest);
            case "backup", "restore" -> System.exit(cn.duijie.common.BackupCommand.run(command, rest));
            case "engines" -> engines();
            case "crash-check" -> benchClass("CrashCheck").getMethod("main", String[].class).invoke(null, (Object) rest);
            case "replica-check" -> benchClass("ReplicaCheck").getMethod("main", String[].class).invoke(null, (Object) rest);
            case "generate" -> cn.duijie.seed.SeedGenerator.main(rest);
            case "bench-http" -> benchClass("HttpBench").getMethod("main", String[].class).invoke(null, (Object) rest);
            case "bench-mixed" -> benchClass("MixedBench").getMethod("main", String[].class).invoke(null, (Object) rest);
            case "bench-pages" -> benchClass("PageBench").getMethod("main", String[].class).invoke(null, (Object) rest);
            case "bench-whatif" -> benchClass("WhatIfBench").getMethod("main", String[].class).invoke(null, (Object) rest);
            case "bench-quality" -> {
                // a throw-away data directory: the harness never touches the user's data
                System.setProperty("duijie.data-dir", tempDir());
                System.setProperty("quarkus.http.port", "0");
                System.setProperty("duijie.seed.on-empty", "false");
                start(benchClass("QualityHarness").asSubclass(QuarkusApplication.class), rest);
            }
            default -> {
                System.err.println("usage: serve | import [--server URL] FILE|DIR ... | generate --out DIR [--enterprises N] [--seed S]"
                        + " | backup --to DIR | restore --from DIR | engines | crash-check [--writes N] [--threads T]"
                        + " | replica-check [--writes N] [--threads T] [--probes P] [--port PORT]");
                System.exit(2);
            }
        }
    }

    /** Only the embedded engines (those not configured as external), on DUIJIE_NEO4J_PORT / DUIJIE_POSTGRES_PORT, until stopped. */
    private static void engines() throws InterruptedException {
        EngineBootstrap engines = new EngineBootstrap();
        Map<String, String> props = startOrExit(engines);
        System.out.println("Neo4j: " + props.get(EngineBootstrap.ENGINE_NEO4J));
        System.out.println("PostgreSQL: " + props.get(EngineBootstrap.ENGINE_POSTGRES));
        Thread.currentThread().join();
    }

    /** Benchmarks and scripted checks live in src/bench/java and are in the jar only when it was built with -Pbench. */
    private static Class<?> benchClass(String name) {
        try {
            return Class.forName("cn.duijie.bench." + name);
        } catch (ClassNotFoundException e) {
            System.err.println("benchmarks are not in this build: ./mvnw -B -Pbench package -DskipTests");
            System.exit(2);
            return null;
        }
    }

    private static String tempDir() throws java.io.IOException {
        return java.nio.file.Files.createTempDirectory("duijie-bench-").toString();
    }

    private static void start(Class<? extends QuarkusApplication> app, String[] args) {
        EngineBootstrap engines = new EngineBootstrap();
        Map<String, String> props = startOrExit(engines);
        props.forEach(System::setProperty);
        Quarkus.run(app, args);
    }

    /** Starts the embedded engines with a shutdown hook that stops them, or exits with {@link #EXIT_ENGINE_FAILED}. */
    private static Map<String, String> startOrExit(EngineBootstrap engines) {
        try {
            Map<String, String> props = engines.start(EngineBootstrap.Settings.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(engines::stop, "duijie-engines-stop"));
            return props;
        } catch (RuntimeException e) {
            // exit non-zero so a supervisor sees the failed start, instead of a JVM kept half-alive by engine threads
            org.jboss.logging.Logger.getLogger(DuijieMain.class).error("Duijie 无法启动 (cannot start): " + e.getMessage(), e);
            System.err.println("Duijie 无法启动 (cannot start): " + e.getMessage());
            System.exit(EXIT_ENGINE_FAILED);
            throw e;
        }
    }

    /** Runs until the service is asked to stop. */
    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
