package cn.duijie.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.neo4j.driver.Driver;
import org.neo4j.driver.async.AsyncSession;

import cn.duijie.graph.GraphMigrations;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/system")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system", description = "运行状态 Service status")
public class SystemResource {

    private static final List<String> LABELS = List.of("Region", "Chain", "Segment", "Product", "Technology",
            "Enterprise", "Institution", "Expert", "Achievement", "Investor", "Fund", "Need");

    private final StartupTasks startup;
    private final GraphMigrations graphMigrations;
    private final Driver driver;

    SystemResource(StartupTasks startup, GraphMigrations graphMigrations, Driver driver) {
        this.startup = startup;
        this.graphMigrations = graphMigrations;
        this.driver = driver;
    }

    /** Which engines serve this instance, their schema state and how many nodes of each kind the graph holds. */
    public record SystemStatus(String neo4j, String postgres, String graphSchema, boolean postgresMigrated,
                               Map<String, Long> graphCounts) {
    }

    @GET
    @Path("/status")
    @Operation(summary = "引擎、模式版本与图谱规模 Engines, schema versions and graph size")
    public Uni<SystemStatus> status() {
        StringBuilder cypher = new StringBuilder("RETURN {");
        for (int i = 0; i < LABELS.size(); i++) {
            cypher.append(i == 0 ? "" : ", ").append(LABELS.get(i))
                    .append(": COUNT { MATCH (:").append(LABELS.get(i)).append(") }");
        }
        cypher.append("} AS counts");
        return Uni.createFrom().completionStage(() -> {
                    AsyncSession session = driver.session(AsyncSession.class);
                    return session.runAsync(cypher.toString()).thenCompose(c -> c.singleAsync())
                            .whenComplete((r, e) -> session.closeAsync());
                })
                .map(r -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    r.get("counts").asMap(v -> v.asLong()).forEach(counts::put);
                    return counts;
                })
                .onFailure().recoverWithItem(Map.of())
                .map(counts -> new SystemStatus(startup.neo4jEngine(), startup.postgresEngine(),
                        graphMigrations.appliedVersion(), startup.postgresMigrated(), counts));
    }
}
