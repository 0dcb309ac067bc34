package cn.duijie.resilience;

import jakarta.ws.rs.DefaultValue;
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

/** HTTP of 补链招商: where to recruit makers from for a chain's gaps in a region. */
@Path("/api/v1/chains/{id}/recruitment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "resilience", description = "强链补链：供应风险、断供推演、二次寻源、补链招商 Chain resilience")
public class RecruitmentResource {

    private final RecruitmentService service;
    private final ResilienceAccess access;

    RecruitmentResource(RecruitmentService service, ResilienceAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Operation(summary = "补链招商 Makers outside the region ranked for each gap",
            description = "对 /chains/{id}/gaps 的每个产品缺口：本地区需要该产品的链主（现有采购、在征集需求，或其环节由该产品所在环节配套），"
                    + "以及地区外企业按为这些链主配套的匹配得分排序（生产该产品者在前），附理由。")
    public Uni<ResilienceApi.Recruitment> recruitment(@PathParam("id") String id,
                                                      @Parameter(description = "地区代码（必填）") @QueryParam("region") String region,
                                                      @QueryParam("min") @DefaultValue("3") int min,
                                                      @Parameter(description = "每个缺口列出的企业数") @QueryParam("limit") @DefaultValue("10") int limit) {
        return access.region(region).chain(() -> service.recruitment(id, region, min, limit));
    }
}
