package cn.duijie.investor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.common.Paging;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/funds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "funds", description = "投资机构、基金与银行产品 Investors, funds, bank products")
public class FundResource {

    @Schema(name = "Fund")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fund(String id, String name, String investorId, String investorName, String investorKind, List<String> stages,
                       Double ticketMinWan, Double ticketMaxWan, List<String> instruments, String regionMandate,
                       List<String> chains, List<String> segments, List<Holding> portfolio) {
    }

    @Schema(name = "FundHolding")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holding(String creditCode, String name, String round, Long year, Double amountWan) {
    }

    private final Graph graph;
    private final ObjectMapper json;

    FundResource(Graph graph, ObjectMapper json) {
        this.graph = graph;
        this.json = json;
    }

    private static final String PROJECTION = "f {.id, .name, .investorId, .stages, .ticketMinWan, .ticketMaxWan, .instruments, "
            + ".regionMandate, investorName: inv.name, investorKind: inv.kind, chains: [(f)-[:FOCUSES_ON]->(c:Chain) | c.id], "
            + "segments: [(f)-[:FOCUSES_ON]->(s:Segment) | s.id]";

    @GET
    @Operation(summary = "基金与银行产品 Funds and bank products")
    public Uni<Page<Fund>> list(@QueryParam("chain") String chain, @QueryParam("stage") String stage,
                                @QueryParam("instrument") String instrument, @QueryParam("investorKind") String investorKind,
                                @Parameter(description = "投资机构编号：只列该机构管理的基金") @QueryParam("investor") String investor,
                                @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size);
        Map<String, Object> p = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (chain != null && !chain.isBlank()) {
            p.put("chain", chain.strip());
            where.add("EXISTS { (f)-[:FOCUSES_ON]->(:Chain {id: $chain}) }");
        }
        if (stage != null && !stage.isBlank()) {
            p.put("stage", stage.strip().toUpperCase());
            where.add("$stage IN f.stages");
        }
        if (instrument != null && !instrument.isBlank()) {
            p.put("instrument", instrument.strip().toUpperCase());
            where.add("$instrument IN f.instruments");
        }
        if (investor != null && !investor.isBlank()) {
            p.put("investor", investor.strip());
            where.add("inv.id = $investor");
        }
        if (investorKind != null && !investorKind.isBlank()) {
            p.put("investorKind", investorKind.strip().toUpperCase());
            where.add("inv.kind = $investorKind");
        }
        String body = "MATCH (f:Fund) OPTIONAL MATCH (inv:Investor)-[:MANAGES]->(f) WITH f, inv"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " WITH f, inv";
        return graph.page(body, "ORDER BY f.id SKIP $skip LIMIT $size RETURN " + PROJECTION + "} AS hit", p, page, size,
                r -> json.convertValue(r.get("hit").asMap(), Fund.class));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "基金详情（含已投企业） A fund with its investor, focus and portfolio")
    public Uni<Fund> get(@PathParam("id") String id) {
        return graph.read("MATCH (f:Fund {id: $id}) OPTIONAL MATCH (inv:Investor)-[:MANAGES]->(f) RETURN " + PROJECTION
                + ", portfolio: [(f)-[x:INVESTED_IN]->(e) | {creditCode: e.creditCode, name: e.name, round: x.round, year: x.year, amountWan: x.amountWan}]} AS f",
                Map.of("id", id)).map(rows -> {
                    if (rows.isEmpty()) {
                        throw DomainException.notFound(Messages.get("fund.not-found", id));
                    }
                    return json.convertValue(rows.get(0).get("f").asMap(), Fund.class);
                });
    }
}
