package cn.duijie.enterprise;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import cn.duijie.common.Page;
import cn.duijie.common.PageRequest;
import cn.duijie.domain.Tier;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "enterprises", description = "企业 Firms")
public class EnterpriseResource {

    private final EnterpriseService service;

    private final cn.duijie.account.CurrentCaller caller;
    private final cn.duijie.account.AccessPolicy access;

    EnterpriseResource(EnterpriseService service, cn.duijie.account.CurrentCaller caller, cn.duijie.account.AccessPolicy access) {
        this.service = service;
        this.caller = caller;
        this.access = access;
    }

    @GET
    @Operation(summary = "检索企业 Search firms", description = "q 为中文全文检索（名称、简介、产品），可与等级、地区（含下级）、产业链、产品（含细分）组合。")
    public Uni<Page<EnterpriseApi.Summary>> search(@Parameter(description = "关键词，如 轴承") @QueryParam("q") String q,
                                                   @QueryParam("tier") Tier tier,
                                                   @Parameter(description = "行政区划代码（省、市或区县）") @QueryParam("region") String region,
                                                   @QueryParam("chain") String chain,
                                                   @Parameter(description = "环节编号：生产该环节产品的企业") @QueryParam("segment") String segment,
                                                   @QueryParam("product") String product,
                                                   @Parameter(description = "RELEVANCE（默认）、NAME、TIER 或 EMPLOYEES；前加 - 为倒序（如 -TITLE：与 TITLE 恰好相反）") @QueryParam("sort") String sort,
                                                   @Valid @BeanParam PageRequest paging) {
        return service.search(new EnterpriseApi.Filter(q, tier, region, chain, segment, product, EnterpriseApi.Sort.order(sort)),
                paging.page, paging.size);
    }

    @GET
    @Path("/{creditCode}")
    @Operation(summary = "企业详情 A firm with its products, chains, buyers, suppliers, collaborations and investors")
    public Uni<EnterpriseApi.Detail> get(@PathParam("creditCode") String creditCode) {
        return service.get(creditCode);
    }

    @PUT
    @Path("/{creditCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "登记或更新企业 Create or update a firm", description = "校验与 Excel 导入相同：信用代码校验位、等级、地区与产品代码须存在等。")
    @APIResponse(responseCode = "200", description = "已更新 Updated")
    @APIResponse(responseCode = "201", description = "已创建 Created")
    public Uni<Response> put(@PathParam("creditCode") String creditCode, @Valid @NotNull EnterpriseApi.Upsert body) {
        return access.requireFirmEdit(caller.get(), creditCode, body.regionCode())
                .chain(() -> service.upsert(creditCode, body)).map(u -> u.created()
                ? Response.created(URI.create("/api/v1/enterprises/" + u.firm().creditCode())).entity(u.firm()).build()
                : Response.ok(u.firm()).build());
    }
}
