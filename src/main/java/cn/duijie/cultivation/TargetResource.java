package cn.duijie.cultivation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/regions/{code}/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cultivation", description = "梯度培育 Tiered cultivation")
public class TargetResource {

    private final TargetService service;

    private final CultivationAccess access;

    TargetResource(TargetService service, CultivationAccess access) {
        this.access = access;
        this.service = service;
    }

    @GET
    @Operation(summary = "地区培育目标 A region's plan targets, per year",
            description = "各层级企业数、产学研协议、技术转移、对接场次、签约、重点产业链专精特新集聚度、研发强度。year 只取某一年。")
    public Uni<List<TargetsApi.Targets>> get(@PathParam("code") String code, @QueryParam("year") Integer year) {
        return access.region(code).chain(() -> service.list(code.strip(), year));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设定某年的培育目标 Replace a region's targets for one year",
            description = "按 year 整体替换该年的目标；未列出的指标即无目标。")
    public Uni<TargetsApi.Targets> put(@PathParam("code") String code, @Valid @NotNull TargetsApi.Targets body) {
        return access.region(code).chain(() -> service.put(code.strip(), body, access.author()));
    }
}
