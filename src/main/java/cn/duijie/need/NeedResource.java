package cn.duijie.need;

import cn.duijie.domain.NeedStatus;
import cn.duijie.domain.NeedKind;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.account.AccessPolicy;
import cn.duijie.account.CurrentCaller;
import cn.duijie.common.Actor;
import cn.duijie.common.Page;
import cn.duijie.common.PageRequest;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/needs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "needs", description = "需求：配套、技术、融资 Needs: supply, technology, finance")
public class NeedResource {

    private final NeedService needs;
    private final FeedbackService feedback;

    private final CurrentCaller caller;
    private final AccessPolicy access;

    NeedResource(NeedService needs, FeedbackService feedback, CurrentCaller caller, AccessPolicy access) {
        this.caller = caller;
        this.access = access;
        this.needs = needs;
        this.feedback = feedback;
    }

    @POST
    @Operation(summary = "发布需求 Post a need", description = "校验发布企业与产品/技术代码在图谱中存在；默认 90 天后到期。"
            + "Neo4j 暂不可用时仍接受（201），恢复后自动进入匹配。")
    @APIResponse(responseCode = "201", description = "已创建 Created")
    public Uni<Response> create(@Valid @NotNull NeedApi.NewNeed body) {
        Actor named = body.postedBy() == null || body.postedBy().isBlank() ? null : Actor.enterprise(body.postedBy().strip().toUpperCase());
        return access.actFor(caller.get(), named).chain(actor -> needs.create(actor, body))
                .map(n -> Response.created(URI.create("/api/v1/needs/" + n.id())).entity(n).build());
    }

    @GET
    @Operation(summary = "需求列表 List needs")
    public Uni<Page<NeedApi.NeedView>> list(@QueryParam("kind") NeedKind kind, @QueryParam("status") NeedStatus status,
                                            @QueryParam("postedBy") String postedBy,
                                            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                                    description = "NEWEST（默认，最新在前）、TITLE、KIND、STATUS、POSTER 或 EXPIRES（最早到期在前）；前加 - 为倒序（如 -TITLE：与 TITLE 恰好相反）")
                                            @QueryParam("sort") String sort,
                                            @Valid @BeanParam PageRequest paging) {
        return needs.list(caller.get(), kind, status, postedBy, NeedApi.Sort.order(sort), paging.page, paging.size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "需求详情 Read a need")
    public Uni<NeedApi.NeedView> get(@PathParam("id") String id) {
        return needs.get(caller.get(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "变更需求状态或续期 Change status (FULFILLED, WITHDRAWN, OPEN) or renew",
            description = "DRAFT→OPEN|WITHDRAWN；OPEN→FULFILLED|WITHDRAWN；EXPIRED→OPEN（续期）|WITHDRAWN；其余为 409。")
    public Uni<NeedApi.NeedView> patch(@PathParam("id") String id, @Valid @NotNull NeedApi.NeedPatch body) {
        return needs.patch(caller.get(), id, body);
    }

    @POST
    @Path("/{id}/feedback")
    @Operation(summary = "对推荐候选的反馈 Feedback on a candidate",
            description = "DISMISS 后该候选不再为此需求推荐；MET、DEAL 计入候选的成交记录，提升其在后续推荐中的排名。")
    @APIResponse(responseCode = "201", description = "已记录 Recorded")
    public Uni<Response> feedback(@PathParam("id") String id, @Valid @NotNull NeedApi.FeedbackRequest body) {
        return feedback.record(caller.get(), id, body).map(f -> Response.status(201).entity(f).build());
    }

    @GET
    @Path("/{id}/feedback")
    @Operation(summary = "需求的反馈记录（如 action=SHORTLIST 即候选清单） Feedback recorded for a need")
    public Uni<List<NeedApi.FeedbackView>> feedbackList(@PathParam("id") String id,
                                                        @QueryParam("action") MatchFeedback.Action action) {
        return feedback.list(caller.get(), id, action);
    }

    @GET
    @Path("/{id}/shortlist")
    @Operation(summary = "候选清单 The shortlist of a need")
    public Uni<List<NeedApi.FeedbackView>> shortlist(@PathParam("id") String id) {
        return feedback.list(caller.get(), id, MatchFeedback.Action.SHORTLIST);
    }
}
