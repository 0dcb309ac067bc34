package cn.duijie.resilience;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** HTTP of the what-if (断供推演) of a region. */
@Path("/api/v1/regions/{code}/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "resilience", description = "强链补链：供应风险、断供推演、二次寻源、补链招商 Chain resilience")
public class WhatIfResource {

    private final WhatIfService service;
    private final ResilienceAccess access;

    WhatIfResource(WhatIfService service, ResilienceAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Operation(summary = "断供推演 What if these firms or regions stop supplying",
            description = "假设 firms 中的企业、regions 中地区（含下级）的全部企业停供：本地区哪些链主失去某产品的全部供应商"
                    + "（或只剩一家），哪些环节失去本地生产企业；每项损失给出替代供应商（先本地区，后地区外），得分与理由来自配套匹配。"
                    + "未知的企业或地区代码为 422，逐项说明。")
    public Uni<ResilienceApi.WhatIfReport> whatIf(@PathParam("code") String code, ResilienceApi.WhatIfRequest request) {
        return access.region(code).chain(() -> service.whatIf(code, request));
    }
}
