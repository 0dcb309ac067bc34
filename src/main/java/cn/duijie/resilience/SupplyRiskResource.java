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

/** HTTP of a firm's supply risk and its second-source search (强链补链). */
@Path("/api/v1/enterprises/{creditCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "resilience", description = "强链补链：供应风险、断供推演、二次寻源、补链招商 Chain resilience")
public class SupplyRiskResource {

    private final SupplyRiskService service;
    private final ResilienceAccess access;

    SupplyRiskResource(SupplyRiskService service, ResilienceAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Path("/supply-risk")
    @Operation(summary = "供应风险 A firm's inputs graded by supply risk",
            description = "对企业外购的每种产品（现有供货关系 SUPPLIES 与在征集的 SUPPLY 需求）：供应商、本市生产企业数、"
                    + "风险等级 SINGLE_SOURCE（单一来源）、ONE_CITY（供应商集中在一个城市）、NO_LOCAL_MAKER（本市无生产企业）、"
                    + "CONCENTRATED（按采购额的 HHI 过高）、NO_SUPPLIER（有需求尚无供应商），每项附中文原因和二次寻源链接。")
    public Uni<ResilienceApi.SupplyRisk> supplyRisk(@PathParam("creditCode") String creditCode) {
        return access.firm(creditCode).chain(() -> service.supplyRisk(creditCode));
    }

    @GET
    @Path("/second-sources")
    @Operation(summary = "二次寻源 Second sources for a product the firm buys",
            description = "按配套匹配排出该产品的候选企业，再按二次寻源调整：与现有供应商无关联（不同城市、非其供应商、不属同一集团）"
                    + "的企业优先并附理由“降低单一来源风险”；现有供应商标注 INCUMBENT_SUPPLIER，关联企业标注 TIED_TO_INCUMBENT，均不隐藏。")
    public Uni<ResilienceApi.SecondSources> secondSources(@PathParam("creditCode") String creditCode,
                                                          @Parameter(description = "产品代码") @QueryParam("product") String product,
                                                          @QueryParam("limit") @DefaultValue("10") int limit) {
        return access.firm(creditCode).chain(() -> service.secondSources(creditCode, product, limit));
    }
}
