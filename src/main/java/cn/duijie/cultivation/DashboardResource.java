package cn.duijie.cultivation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cultivation", description = "梯度培育 Tiered cultivation")
public class DashboardResource {

    private final DashboardService service;

    private final CultivationAccess access;

    DashboardResource(DashboardService service, CultivationAccess access) {
        this.access = access;
        this.service = service;
    }

    @GET
    @Operation(summary = "培育看板 Tier pipeline vs targets, the climb over years, SRDI concentration per chain, outcomes vs targets",
            description = "地区含下级。层级目标按“该层级及以上”计实际数；集聚度为链上企业中专精特新及以上的占比；对接成效计至目标年末。")
    public Uni<DashboardApi.Dashboard> dashboard(@Parameter(description = "地区代码，如 321100", required = true) @QueryParam("region") String region,
                                                 @Parameter(description = "目标年份；默认最近一年的目标") @QueryParam("year") Integer year) {
        if (region == null || region.isBlank()) {
            throw DomainException.invalid("region", Messages.get("dashboard.no-region"));
        }
        return access.region(region).chain(() -> service.dashboard(region.strip(), year));
    }
}
