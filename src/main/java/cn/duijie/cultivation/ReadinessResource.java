package cn.duijie.cultivation;

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

/** HTTP of 找差距补短板: one firm held against the tiers above its own. */
@Path("/api/v1/enterprises/{creditCode}/readiness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cultivation", description = "梯度培育 Tiered cultivation")
public class ReadinessResource {

    private final ReadinessService readiness;

    private final CultivationAccess access;

    ReadinessResource(ReadinessService readiness, CultivationAccess access) {
        this.access = access;
        this.readiness = readiness;
    }

    @GET
    @Operation(summary = "找差距补短板 A firm against the criteria of every tier above its own",
            description = "逐项列出指标值、门槛或评分档、得分与是否达标，总分对照及格线，以及提升最多的扣分项（先列不满足的条件）。"
                    + "缺少的数据列为缺少，不作推测。regime 默认按日期：2026-04-01 前用63号，之后用2号文。")
    public Uni<ReadinessApi.Readiness> readiness(@PathParam("creditCode") String creditCode,
                                                 @Parameter(description = "P2022（63号）或 N2026（2号文）；不填按配置与日期")
                                                 @QueryParam("regime") String regime,
                                                 @Parameter(description = "评估日期（ISO），决定适用办法；默认今天")
                                                 @QueryParam("date") String date) {
        return access.firm(creditCode).chain(() -> readiness.readiness(creditCode, regime, date));
    }
}
