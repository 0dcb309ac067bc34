package cn.duijie.imports;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports", description = "导入图谱数据 (CSV / XLSX) Import graph-seed files")
public class ImportResource {

    private final ImportService service;
    private final cn.duijie.account.CurrentCaller caller;

    ImportResource(ImportService service, cn.duijie.account.CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "上传并导入图谱文件 Upload graph-seed files",
            description = "multipart/form-data，每个文件一个 part，以文件名命名（如 enterprises.csv 或 enterprises.xlsx）。"
                    + "按依赖顺序导入，按键幂等更新；坏行逐行报告（行号、列、原因），好行照常入库。wait=true 时等导入完成再返回。")
    @APIResponse(responseCode = "201", description = "任务已创建 Job created")
    public Uni<Response> upload(@RestForm(FileUpload.ALL) List<FileUpload> files,
                                @Parameter(description = "等待导入完成后再返回 Wait for the job to finish")
                                @QueryParam("wait") boolean wait) {
        List<ImportService.Upload> uploads = new ArrayList<>();
        for (FileUpload f : files == null ? List.<FileUpload>of() : files) {
            String name = ImportFile.forName(f.fileName()).isPresent() ? f.fileName() : f.name();
            uploads.add(new ImportService.Upload(name, f.uploadedFile()));
        }
        if (uploads.isEmpty()) {
            throw DomainException.invalid("files", Messages.get("import.request.no-files"));
        }
        ImportService.Submitted submitted = service.submit("api", uploads, caller.get());
        return Uni.createFrom().completionStage(wait ? submitted.done() : submitted.accepted())
                .map(job -> {
                    if (wait && nothingReadable(job)) {
                        // every file was refused as a whole (not UTF-8, not an xlsx, unknown name, no header): a 422, not a DONE job
                        throw DomainException.unprocessable(Messages.get("import.file.nothing-read", job.id(), job.errors().get(0).reason()),
                                job.errors().stream().map(e -> new cn.duijie.common.Problem.FieldError(e.file(), e.reason())).toList());
                    }
                    return Response.created(URI.create("/api/v1/imports/" + job.id())).entity(job).build();
                });
    }

    private static boolean nothingReadable(ImportJobView job) {
        return !job.errors().isEmpty() && job.errors().stream().allMatch(e -> e.row() == 0)
                && job.files().stream().allMatch(f -> f.created() + f.updated() + f.unchanged() + f.rejected() == 0);
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "导入任务状态与报告 Import job status and report")
    public Uni<ImportJobView> get(@PathParam("jobId") String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound(Messages.get("import.job.not-found", jobId));
        }
        return service.find(id, caller.get());
    }
}
