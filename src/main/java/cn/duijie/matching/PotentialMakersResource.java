package cn.duijie.matching;

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

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

/** Discovery (补链, second sourcing): firms able to make a product they do not list yet. */
@Path("/api/v1/products/{code}/potential-makers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "chains", description = "产业链、环节与缺口 Chains, segments and gaps")
public class PotentialMakersResource {

    private final SupplyMatcher supply;
    private final MatchingSnapshots snapshots;

    PotentialMakersResource(SupplyMatcher supply, MatchingSnapshots snapshots) {
        this.supply = supply;
        this.snapshots = snapshots;
    }

    @GET
    @Operation(summary = "潜在制造商（补链、第二货源）Firms able to make a product they do not list",
            description = "未登记该产品、但有能力证据的企业：生产其同类产品或上位品类、与该产品的制造商产品结构相似（共同生产）、"
                    + "名称或简介提及该产品；按能力证据排序，层级、规模与成交记录只在同等证据间排序。每个候选标记 DISCOVERED，附理由。")
    public Uni<List<MatchModel.Match>> potentialMakers(@PathParam("code") String code,
                                                       @Parameter(description = "只看该地区（含下辖）的企业") @QueryParam("region") String region,
                                                       @QueryParam("limit") @DefaultValue("10") int limit) {
        if (limit < 1 || limit > 100) {
            throw DomainException.invalid("limit", Messages.get("discovery.limit"));
        }
        String r = region == null || region.isBlank() ? null : region.strip();
        return snapshots.current().chain(s -> {
            if (r != null && !s.regions().level().containsKey(r)) {
                return Uni.createFrom().failure(DomainException.invalid("region", Messages.get("discovery.region", r)));
            }
            return supply.potentialMakers(code, r, limit);
        });
    }
}
