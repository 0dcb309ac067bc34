package cn.duijie.chain;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "chains", description = "产业链、环节与缺口 Chains, segments and gaps")
public class PickerResource {

    private final PickerService pickers;

    PickerResource(PickerService pickers) {
        this.pickers = pickers;
    }

    @GET
    @Path("/products")
    @Operation(summary = "产品选择 Products by Chinese name or keyword", description = "如 q=轴承 找到 精密轴承；附所属环节与产业链。")
    public Uni<List<PickerService.Item>> products(@Parameter(description = "名称或关键词") @QueryParam("q") String q,
                                                  @QueryParam("limit") @DefaultValue("20") int limit) {
        return pickers.products(q, checked(limit));
    }

    @GET
    @Path("/technologies")
    @Operation(summary = "技术选择 Technologies by Chinese name or keyword")
    public Uni<List<PickerService.Item>> technologies(@Parameter(description = "名称或关键词") @QueryParam("q") String q,
                                                      @QueryParam("limit") @DefaultValue("20") int limit) {
        return pickers.technologies(q, checked(limit));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > 100) {
            throw DomainException.invalid("limit", Messages.get("picker.limit"));
        }
        return limit;
    }
}
