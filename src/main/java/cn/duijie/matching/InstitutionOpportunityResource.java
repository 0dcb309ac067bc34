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

import io.smallrye.mutiny.Uni;

/** Reverse view: the open needs this party could serve, scored with the forward engine. */
@Path("/api/v1/institutions/{id}/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching", description = "对接推荐 Recommendations")
public class InstitutionOpportunityResource {

    private final MatchingService matching;
    private final cn.duijie.account.CurrentCaller caller;
    private final cn.duijie.account.AccessPolicy access;

    InstitutionOpportunityResource(MatchingService matching, cn.duijie.account.CurrentCaller caller, cn.duijie.account.AccessPolicy access) {
        this.matching = matching;
        this.caller = caller;
        this.access = access;
    }

    @GET
    @Operation(summary = "高校院所可承接的技术需求 TECH needs a lab could take up")
    public Uni<List<MatchModel.Opportunity>> get(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("10") int limit) {
        return access.requireParty(caller.get(), new cn.duijie.common.Actor(cn.duijie.common.Actor.Type.INSTITUTION, id))
                .chain(() -> matching.needsForParty("INSTITUTION", id, limit));
    }
}
