package cn.duijie.chain;

import java.util.List;

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

@Path("/api/v1/chains")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "chains", description = "产业链、环节与缺口 Chains, segments and gaps")
public class ChainResource {

    private final ChainService service;

    ChainResource(ChainService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "产业链列表 Chains")
    public Uni<List<ChainApi.ChainSummary>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "产业链图谱：环节、产品与地区内企业数 A chain with its segment tree and local supplier counts")
    public Uni<ChainApi.ChainView> get(@PathParam("id") String id,
                                       @Parameter(description = "行政区划代码，含下级；不填为全部") @QueryParam("region") String region) {
        return service.get(id, region);
    }

    @GET
    @Path("/{id}/gaps")
    @Operation(summary = "补链缺口 Segments and products with fewer than min suppliers in the region",
            description = "按地区内企业数从少到多排列，并给出地区外的企业数，供招商与补链参考。")
    public Uni<List<ChainApi.Gap>> gaps(@PathParam("id") String id, @QueryParam("region") String region,
                                        @QueryParam("min") @DefaultValue("3") int min) {
        return service.gaps(id, region, min);
    }
}
