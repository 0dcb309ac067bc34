package cn.duijie.cultivation;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/enterprises/{creditCode}/cultivation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cultivation", description = "梯度培育 Tiered cultivation")
public class CultivationFileResource {

    private final CultivationFileService service;

    private final CultivationAccess access;

    CultivationFileResource(CultivationFileService service, CultivationAccess access) {
        this.access = access;
        this.service = service;
    }

    @GET
    @Operation(summary = "一企一册 A firm's cultivation file", description = "服务专员、走访记录（新的在前）、提升计划（按期限）；尚未建册时 openedAt 为空、列表为空。")
    public Uni<CultivationFileApi.File> get(@PathParam("creditCode") String creditCode) {
        return access.firm(creditCode).chain(() -> service.get(creditCode));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "建册或补充 Open or add to a firm's cultivation file",
            description = "设定服务专员与目标层级，追加走访记录，新增计划事项（不带 id）或更新事项状态（带 id）；全部成功或全部不写。")
    @APIResponse(responseCode = "201", description = "已建册 Opened")
    @APIResponse(responseCode = "200", description = "已补充 Updated")
    public Uni<Response> post(@PathParam("creditCode") String creditCode, @Valid @NotNull CultivationFileApi.Update body) {
        return access.firm(creditCode).chain(() -> service.update(creditCode, body, access.author())).map(e -> e.getKey()
                ? Response.created(URI.create("/api/v1/enterprises/" + e.getValue().creditCode() + "/cultivation")).entity(e.getValue()).build()
                : Response.ok(e.getValue()).build());
    }
}
