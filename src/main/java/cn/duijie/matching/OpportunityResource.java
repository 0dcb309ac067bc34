package cn.duijie.matching;

import cn.duijie.domain.NeedKind;
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
    private final cn.duijie.account.CurrentCaller caller;
    private final cn.duijie.account.AccessPolicy access;

    OpportunityResource(MatchingService matching, cn.duijie.account.CurrentCaller caller, cn.duijie.account.AccessPolicy access) {
        this.matching = matching;
        this.caller = caller;
        this.access = access;
    }

    @GET
    @Operation(summary = "企业可对接的机会 Opportunities for a firm",
            description = "kind=SUPPLY：该企业能配套的公开需求，按与正向推荐相同的信号排序；kind=TECH：与企业技术和产品相关的科技成果；"
                    + "kind=FINANCE：适合其公开融资需求（没有时按企业画像）的基金与银行产品。")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            description = "kind=SUPPLY：Opportunity 列表；kind=TECH / FINANCE：Match 列表（成果或基金）",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                            oneOf = {MatchModel.Opportunity.class, MatchModel.Match.class})))
    public Uni<List<?>> opportunities(@PathParam("creditCode") String creditCode,
                                      @QueryParam("kind") @DefaultValue("SUPPLY") String kind,
                                      @QueryParam("limit") @DefaultValue("10") int limit) {
        String k = kind.strip().toUpperCase();
        var party = cn.duijie.common.Actor.enterprise(creditCode.strip().toUpperCase());
        return access.requireParty(caller.get(), party).chain(() -> switch (k) {
            case "SUPPLY" -> matching.supplyOpportunities(creditCode, limit).map(l -> (List<?>) l);
            case "TECH" -> matching.partiesForFirm(creditCode, NeedKind.TECH, limit).map(l -> (List<?>) l);
            case "FINANCE" -> matching.partiesForFirm(creditCode, NeedKind.FINANCE, limit).map(l -> (List<?>) l);
            default -> throw DomainException.invalid("kind", Messages.get("enum.allowed", kind, "SUPPLY / TECH / FINANCE"));
        });
    }
}
