package cn.duijie.institution;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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

import cn.duijie.common.Page;
import cn.duijie.common.PageRequest;
import cn.duijie.domain.InstitutionKind;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions", description = "高校院所、专家与科技成果 Institutions, experts, achievements")
public class InstitutionResource {

    private final InstitutionService service;

    InstitutionResource(InstitutionService service) {
        this.service = service;
    }

    @GET
    @Path("/institutions")
    @Operation(summary = "高校院所 Institutions")
    public Uni<Page<InstitutionApi.Summary>> list(@Parameter(description = "关键词（名称、简介）") @QueryParam("q") String q,
                                                  @QueryParam("kind") InstitutionKind kind,
                                                  @Parameter(description = "行政区划代码，含下级") @QueryParam("region") String region,
                                                  @Parameter(description = "技术代码，含细分") @QueryParam("technology") String technology,
                                                  @Valid @BeanParam PageRequest paging) {
        return service.list(new InstitutionApi.InstitutionFilter(q, kind, region, technology), paging.page, paging.size);
    }

    @GET
    @Path("/institutions/{id}")
    @Operation(summary = "高校院所详情 An institution with its experts, fields and collaborations")
    public Uni<InstitutionApi.Detail> get(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @Path("/achievements")
    @Operation(summary = "科技成果检索 Search achievements", description = "q 为中文全文检索（标题、简介）。")
    public Uni<Page<InstitutionApi.Achievement>> achievements(@QueryParam("q") String q, @QueryParam("technology") String technology,
                                                              @QueryParam("institution") String institution,
                                                              @QueryParam("minTrl") Integer minTrl,
                                                              @Valid @BeanParam PageRequest paging) {
        return service.achievements(new InstitutionApi.AchievementFilter(q, technology, institution, minTrl), paging.page, paging.size);
    }
}
