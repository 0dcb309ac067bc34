package cn.duijie.investor;

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
import cn.duijie.domain.FundStage;
import cn.duijie.domain.Instrument;
import cn.duijie.domain.InvestorKind;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/funds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "funds", description = "投资机构、基金与银行产品 Investors, funds, bank products")
public class FundResource {

    private final FundService service;

    FundResource(FundService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "基金与银行产品 Funds and bank products")
    public Uni<Page<FundApi.Fund>> list(@Parameter(description = "关注的产业链编号") @QueryParam("chain") String chain,
                                        @QueryParam("stage") FundStage stage, @QueryParam("instrument") Instrument instrument,
                                        @QueryParam("investorKind") InvestorKind investorKind,
                                        @Parameter(description = "投资机构编号：只列该机构管理的基金") @QueryParam("investor") String investor,
                                        @Valid @BeanParam PageRequest paging) {
        return service.list(new FundApi.FundFilter(chain, stage, instrument, investorKind, investor), paging.page, paging.size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "基金详情（含已投企业） A fund with its investor, focus and portfolio")
    public Uni<FundApi.Fund> get(@PathParam("id") String id) {
        return service.get(id);
    }
}
