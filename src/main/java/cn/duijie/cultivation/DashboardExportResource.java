package cn.duijie.cultivation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/dashboard.xlsx")
@Tag(name = "cultivation", description = "梯度培育 Tiered cultivation")
public class DashboardExportResource {

    private final DashboardService service;

    private final CultivationAccess access;

    DashboardExportResource(DashboardService service, CultivationAccess access) {
        this.access = access;
        this.service = service;
    }

    @GET
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "培育看板（Excel） The dashboard as a workbook: pipeline, climb, concentration, outcomes")
    public Uni<Response> xlsx(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        if (region == null || region.isBlank()) {
            throw DomainException.invalid("region", Messages.get("dashboard.no-region"));
        }
        return access.region(region).chain(() -> service.dashboard(region.strip(), year)).map(d -> Response.ok(CultivationWorkbooks.dashboard(d))
                .header("Content-Disposition", "attachment; filename=\"dashboard-" + d.regionCode() + ".xlsx\"").build());
    }
}
