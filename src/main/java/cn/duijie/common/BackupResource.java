package cn.duijie.common;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

/** Online backups of the embedded engines, made by the running service (ADMIN; see {@link OnlineBackup}). */
@jakarta.ws.rs.Path("/api/v1/admin/backups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system", description = "运行状态 Service status")
public class BackupResource {

    private static final Logger LOG = Logger.getLogger(BackupResource.class);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("'duijie-'yyyyMMdd-HHmmss-SSS");

    private final ServiceConfig config;

    BackupResource(ServiceConfig config) {
        this.config = config;
    }

    /** A backup written: its folder on the server, the moment it shows, its counts and what it cost. */
    @Schema(name = "Backup")
    public record BackupView(String directory, String createdAt, String mode, long pauseMillis, long tookMillis, long bytes,
                             Map<String, Long> postgresRows, Map<String, Long> neo4jNodes, long neo4jRelationships) {
        static BackupView from(OnlineBackup.Report r) {
            BackupCommand.Manifest m = r.manifest();
            return new BackupView(r.directory().toString(), m.createdAt(), m.mode(), r.pauseMillis(), r.tookMillis(), r.bytes(),
                    m.postgresRows(), m.neo4jNodes(), m.neo4jRelationships());
        }
    }

    @POST
    @Blocking
    @Operation(summary = "在线备份（服务不停）Online backup of both embedded engines",
            description = "把内嵌 Neo4j 与 PostgreSQL 备份为同一时刻的一致副本，写入服务器上的 DUIJIE_BACKUP_DIR（默认 DATA_DIR/backups）"
                    + "下的新目录；期间读照常，写入只在短暂停顿内等待。停服务后用 restore --from DIR 恢复。")
    @APIResponse(responseCode = "201", description = "备份已写入 Backup written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackupView.class)))
    @APIResponse(responseCode = "409", description = "引擎是外部服务器 Engines are external servers")
    @APIResponse(responseCode = "503", description = "另一个备份在进行，或写入未能及时暂停 Busy; retry")
    public Response create() {
        EngineBootstrap engines = EngineBootstrap.running()
                .filter(e -> e.neo4j().filter(n -> n.isRunning()).isPresent() && e.postgres().isPresent())
                .orElseThrow(() -> DomainException.conflict(Messages.get("backup.external")));
        Path root = config.backup().dir().map(Path::of).orElse(Path.of(config.dataDir()).resolve("backups"));
        Path target = root.toAbsolutePath().normalize().resolve(OffsetDateTime.now(ZoneOffset.UTC).format(FOLDER));
        try {
            OnlineBackup.Report report = OnlineBackup.run(engines, target, config.backup().pauseWait());
            return Response.status(Response.Status.CREATED).entity(BackupView.from(report)).build();
        } catch (OnlineBackup.Busy e) {
            throw DomainException.unavailable(e.getMessage());
        } catch (IOException | SQLException | IllegalStateException e) {
            LOG.error("Online backup to " + target + " failed", e);
            throw new DomainException(500, "backup-failed", Messages.get("problem.internal"),
                    Messages.get("backup.failed", e.getMessage()), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.unavailable(Messages.get("backup.failed", "interrupted"));
        }
    }
}
