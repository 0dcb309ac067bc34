package cn.duijie.cultivation;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.common.PageRequest;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/tech-transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cultivation", description = "梯度培育 Tiered cultivation")
public class TechTransferResource {

    private final TechTransferService service;
    private final CultivationAccess access;

    TechTransferResource(TechTransferService service, CultivationAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记技术转移项目 Record a technology transfer",
            description = "某机构的科技成果以转让、许可或作价入股方式交给一家企业。由成果所属机构、受让企业或其所在地区的局方登记；"
                    + "计入受让企业所在地区看板的“技术转移项目”（按签约日期计至目标年末）。同一成果以同一方式转给同一企业只登记一次。")
    @APIResponse(responseCode = "201", description = "已登记 Recorded")
    public Uni<Response> record(@Valid @NotNull TechTransferApi.NewTransfer body) {
        return service.record(body).map(t -> Response.created(URI.create("/api/v1/tech-transfers/" + t.id())).entity(t).build());
    }

    @GET
    @Operation(summary = "地区的技术转移项目 Technology transfers received by a region's firms", description = "地区含下级，按签约日期新的在前。")
    public Uni<Page<TechTransferApi.Transfer>> list(@Parameter(description = "地区代码，如 321100", required = true) @QueryParam("region") String region,
                                                    @Valid @BeanParam PageRequest paging) {
        if (region == null || region.isBlank()) {
            throw DomainException.invalid("region", Messages.get("dashboard.no-region"));
        }
        return access.region(region).chain(() -> service.list(region.strip(), paging.page, paging.size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "技术转移项目 A technology transfer")
    public Uni<TechTransferApi.Transfer> get(@PathParam("id") String id) {
        return service.get(id);
    }
}
