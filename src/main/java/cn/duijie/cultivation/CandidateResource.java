package cn.duijie.cultivation;

import jakarta.ws.rs.DefaultValue;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.Page;
import cn.duijie.common.PageRequest;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/cultivation")
@Tag(name = "cultivation", description = "梯度培育 Tiered cultivation")
public class CandidateResource {

    private final CandidateService service;

    private final CultivationAccess access;

    CandidateResource(CandidateService service, CultivationAccess access) {
        this.access = access;
        this.service = service;
    }

    @GET
    @Path("/candidates")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "培育对象清单 Firms closest to the next tier, with what they lack",
            description = "地区（含下级）中层级低于 tier 的企业（不填 tier 时各对照自己的上一级），已达标者在前，其次按不满足条件数、距及格线分数、缺数据项数排序。")
    public Uni<Page<CandidateService.Candidate>> candidates(
            @Parameter(description = "地区代码", required = true) @QueryParam("region") String region,
            @Parameter(description = "目标层级 INNOVATIVE / SPECIALIZED / LITTLE_GIANT / CHAMPION") @QueryParam("tier") String tier,
            @Parameter(description = "P2022 / N2026；不填按配置与日期") @QueryParam("regime") String regime,
            @Valid @BeanParam PageRequest paging) {
        return access.region(region).chain(() -> service.candidates(region, tier, regime, paging.page, paging.size));
    }

    @GET
    @Path("/candidates.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "培育对象清单（Excel） The candidate list as a workbook to forward upward")
    public Uni<Response> xlsx(@QueryParam("region") String region, @QueryParam("tier") String tier,
                              @QueryParam("regime") String regime) {
        return access.region(region).chain(() -> service.candidates(region, tier, regime, 0, Integer.MAX_VALUE / 2))
                .map(p -> Response.ok(CultivationWorkbooks.candidates(region, tier, p.items()))
                        .header("Content-Disposition", "attachment; filename=\"candidates-" + region.strip() + ".xlsx\"").build());
    }
}
