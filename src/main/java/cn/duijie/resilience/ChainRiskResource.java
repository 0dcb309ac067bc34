package cn.duijie.resilience;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** HTTP of a chain's segments graded by supply risk in a region (what the chain map shades). */
@Path("/api/v1/chains/{id}/risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "resilience", description = "强链补链：供应风险、断供推演、二次寻源、补链招商 Chain resilience")
public class ChainRiskResource {

    private final SegmentRiskService service;

    ChainRiskResource(SegmentRiskService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "环节风险 A chain's segments graded by supply risk in a region",
            description = "每个环节：本地区生产企业数、本地区链主来自该环节的单一来源与同城集中的外购产品数，及风险等级 HIGH / ELEVATED / LOW 与原因。"
                    + "只给汇总数，不列企业。")
    public Uni<List<ResilienceApi.SegmentRisk>> risk(@PathParam("id") String id,
                                                     @Parameter(description = "地区代码（必填）") @QueryParam("region") String region) {
        return service.segments(id, region);
    }
}
