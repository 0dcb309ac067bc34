package cn.duijie.imports;

import cn.duijie.common.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.duijie.common.StartupTasks;
import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code import [--server URL] FILE|DIR ...}: imports graph-seed files. With --server, uploads them to a running
 * Duijie; otherwise starts the engines in this process (the service must not be running on the same data directory).
 */
public class ImportCommand implements QuarkusApplication {

    @Inject
    ImportService imports;
    @Inject
    StartupTasks startup;
    @Inject
    ObjectMapper json;

    /** The files an argument list names: files as given, folders expanded to the graph-seed files they hold. */
    public static List<ImportEngine.Source> sources(List<String> args) {
        List<ImportEngine.Source> out = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                for (ImportFile f : ImportFile.values()) {
                    for (String ext : List.of(".csv", ".xlsx")) {
                        Path file = p.resolve(f.baseName + ext);
                        if (Files.exists(file)) {
                            out.add(new ImportEngine.Source(file.getFileName().toString(), file));
                        }
                    }
                }
            } else if (Files.exists(p)) {
                out.add(new ImportEngine.Source(p.getFileName().toString(), p));
            } else {
                throw new IllegalArgumentException(Messages.get("cli.no-such-file", a));
            }
        }
        return out;
    }

    @Override
    public int run(String... args) throws Exception {
        List<ImportEngine.Source> sources = sources(List.of(args));
        if (!startup.awaitSchemas(Duration.ofMinutes(5))) {
            System.err.println(Messages.get("cli.not-ready"));
            return 1;
        }
        long start = System.nanoTime();
        ImportJobView job = imports.importNow("cli", sources);
        System.out.println(json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(job));
        System.out.printf("import took %.1f s%n", (System.nanoTime() - start) / 1e9);
        return "DONE".equals(job.status()) ? 0 : 1;
    }

    /** Uploads the files to a running service and prints its report; returns the exit code. */
    public static int upload(String server, List<String> args) {
        List<ImportEngine.Source> sources = sources(args);
        String boundary = "duijie-" + UUID.randomUUID();
        try {
            var body = new java.io.ByteArrayOutputStream();
            for (ImportEngine.Source s : sources) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + s.name() + "\"; filename=\""
                        + s.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(s.path()));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.replaceAll("/$", "") + "/api/v1/imports?wait=true"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(response.body());
            return response.statusCode() == 201 ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
