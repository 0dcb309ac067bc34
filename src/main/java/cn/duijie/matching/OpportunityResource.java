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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/enterprises/{creditCode}/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching", description = "对接推荐 Recommendations")
public class OpportunityResource {

    private final MatchingService matching;

    OpportunityResource(MatchingService matching) {
        this.matching = matching;
    }

    @GET
    @Operation(summary = "企业可对接的机会 Opportunities for a firm",
            description = "kind=SUPPLY：该企业能配套的公开需求，按与正向推荐相同的信号排序。")
    public Uni<List<MatchModel.Opportunity>> opportunities(@PathParam("creditCode") String creditCode,
                                                           @QueryParam("kind") @DefaultValue("SUPPLY") String kind,
                                                           @QueryParam("limit") @DefaultValue("10") int limit) {
        String k = kind.strip().toUpperCase();
        if (!k.equals("SUPPLY")) {
            throw DomainException.invalid("kind", Messages.get("enum.allowed", kind, "SUPPLY / TECH / FINANCE"));
        }
        return matching.supplyOpportunities(creditCode, limit);
    }
}
