package cn.duijie.investor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.Page;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** Investors' funds and bank products in the graph (Cypher in resources/cypher/investor). */
@ApplicationScoped
public class FundRepository {

    private static final Graph.PagedQuery LIST = Graph.PagedQuery.of("investor/funds.cypher");
    private static final String DETAIL = Graph.cypher("investor/fund-detail.cypher");

    private final Graph graph;

    FundRepository(Graph graph) {
        this.graph = graph;
    }

    public Uni<Page<FundApi.Fund>> list(FundApi.FundFilter f, int page, int size) {
        Map<String, Object> p = new HashMap<>();
        p.put("chain", f.chain());
        p.put("stage", f.stage() == null ? null : f.stage().name());
        p.put("instrument", f.instrument() == null ? null : f.instrument().name());
        p.put("investorKind", f.investorKind() == null ? null : f.investorKind().name());
        p.put("investor", f.investor());
        return graph.page(LIST, p, page, size, r -> FundApi.Fund.from(r.get("hit")));
    }

    public Uni<Optional<FundApi.Fund>> find(String id) {
        return graph.read(DETAIL, Map.of("id", id)).map(rows -> rows.stream().findFirst().map(r -> FundApi.Fund.from(r.get("f"))));
    }
}
