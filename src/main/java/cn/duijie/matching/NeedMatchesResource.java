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

/** Recommendations for a need: part of the matching feature, under the need's path (need itself knows nothing of matching). */
@Path("/api/v1/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "needs", description = "需求：配套、技术、融资 Needs: supply, technology, finance")
public class NeedMatchesResource {

    private final MatchingService matching;
    private final cn.duijie.need.NeedService needs;
    private final cn.duijie.account.CurrentCaller caller;

    /** A need's recommendations are its poster's (and its region's bureau's): anyone else gets the need's 404. */
    NeedMatchesResource(MatchingService matching, cn.duijie.need.NeedService needs, cn.duijie.account.CurrentCaller caller) {
        this.matching = matching;
        this.needs = needs;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/matches")
    @Operation(summary = "为需求推荐候选方 Ranked candidates for a need",
            description = "每个候选附 0–1 的得分与可核查的理由（类型、中文说明、贡献、图谱路径）；flags 为不排除的提示，如 EXISTING_SUPPLIER。")
    public Uni<List<MatchModel.Match>> matches(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("10") int limit) {
        return matching.matches(caller.get(), id, limit);
    }

    @GET
    @Path("/{id}/consortia")
    @Operation(summary = "揭榜挂帅联合体方案 Consortium proposals for a TECH need",
            description = "每个方案组合：与需求匹配的成果/机构/专家（揭榜方）、能承接其产业化的本地企业（生产成果可用于的产品，"
                    + "不含发榜企业与链主）、以及可选的聚焦该产业链的基金；附各方理由与图谱路径。各方案之间不重复使用同一成果或企业。"
                    + "非技术需求为 409。")
    public Uni<List<MatchModel.ConsortiumProposal>> consortia(@PathParam("id") String id,
                                                             @QueryParam("limit") @DefaultValue("3") int limit) {
        return needs.checkOwned(caller.get(), id).chain(() -> matching.consortia(id, limit));
    }
}
