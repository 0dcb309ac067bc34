package cn.duijie.enterprise;

import cn.duijie.domain.Vocabulary;
import cn.duijie.domain.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.common.CreditCode;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.common.Problem;
import cn.duijie.graph.FullText;
import cn.duijie.graph.Graph;
import cn.duijie.imports.ImportEngine;
import cn.duijie.imports.ImportFile;
import cn.duijie.imports.ImportReport;
import cn.duijie.matching.MakerIndex;
import io.smallrye.mutiny.Uni;

/** Browse, search, read and upsert firms in the graph. */
@ApplicationScoped
public class EnterpriseService {

    private static final String DETAIL = Graph.cypher("enterprise/enterprise-detail.cypher");
    private static final String TIER_RANK = Tier.rankCypher("e.tier");

    private final Graph graph;
    private final ObjectMapper json;
    private final ImportEngine engine;
    private final MakerIndex makers;

    EnterpriseService(Graph graph, ObjectMapper json, ImportEngine engine, MakerIndex makers) {
        this.graph = graph;
        this.json = json;
        this.engine = engine;
        this.makers = makers;
    }

    public Uni<Page<EnterpriseApi.Summary>> search(String q, String tier, String region, String chain, String product, int page, int size) {
        Map<String, Object> p = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (tier != null && !tier.isBlank()) {
            Tier t = Tier.parse(tier).orElseThrow(() ->
                    DomainException.invalid("tier", Messages.get("enum.allowed", tier, Vocabulary.allowed(Tier.class))));
            p.put("tier", t.name());
            where.add("e.tier = $tier");
        }
        if (region != null && !region.isBlank()) {
            p.put("region", region.strip());
            where.add("EXISTS { (e)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) }");
        }
        if (chain != null && !chain.isBlank()) {
            p.put("chain", chain.strip());
            where.add("(EXISTS { (e)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chain}) } "
                    + "OR EXISTS { (e)-[:LEADS]->(:Chain {id: $chain}) })");
        }
        if (product != null && !product.isBlank()) {
            p.put("product", product.strip());
            where.add("EXISTS { (e)-[:MAKES]->(:Product)-[:BROADER*0..2]->(:Product {code: $product}) }");
        }
        String text = FullText.escape(q);
        String source = text.isEmpty() ? "MATCH (e:Enterprise) WITH e, 0.0 AS score"
                : "CALL db.index.fulltext.queryNodes('enterprise_text', $q) YIELD node AS e, score";
        p.put("q", text);
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        String order = text.isEmpty() ? " ORDER BY " + TIER_RANK + " DESC, e.name" : " ORDER BY score DESC, " + TIER_RANK + " DESC, e.name";
        return graph.page(source + " WITH e, score" + filter + " WITH e, score", order.strip() + " SKIP $skip LIMIT $size "
                        + "OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region) "
                        + "RETURN e {.creditCode, .name, .regionCode, .tier, .isChainLeader, .employees, regionName: r.name, "
                        + "products: [(e)-[:MAKES]->(x:Product) | x.name]} AS hit", p, page, size,
                r -> convert(r.get("hit").asMap(), EnterpriseApi.Summary.class));
    }

    public Uni<EnterpriseApi.Detail> get(String creditCode) {
        return graph.read(DETAIL, Map.of("creditCode", creditCode.strip().toUpperCase())).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.notFound(Messages.get("enterprise.not-found", creditCode));
            }
            return convert(rows.get(0).get("firm").asMap(), EnterpriseApi.Detail.class);
        });
    }

    /** Validated upsert with the importer's rules; blocking. Returns true when the firm was created. */
    public boolean upsert(String creditCode, EnterpriseApi.Upsert body) {
        String code = creditCode.strip().toUpperCase();
        String reason = CreditCode.explain(code);
        if (reason != null) {
            throw DomainException.invalid("creditCode", reason);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("creditCode", code);
        cells.put("name", body.name());
        cells.put("regionCode", body.regionCode());
        put(cells, "tier", body.tier());
        put(cells, "isChainLeader", body.isChainLeader());
        cells.put("leadsChainIds", join(body.leadsChainIds()));
        put(cells, "employees", body.employees());
        put(cells, "revenueWan", body.revenueWan());
        put(cells, "rdRatio", body.rdRatio());
        put(cells, "inventionPatents", body.inventionPatents());
        cells.put("certifications", join(body.certifications()));
        put(cells, "listed", body.listed());
        put(cells, "lat", body.lat());
        put(cells, "lon", body.lon());
        cells.put("productCodes", join(body.productCodes()));
        cells.put("technologyCodes", join(body.technologyCodes()));
        put(cells, "description", body.description());
        ImportReport report = engine.applyOne(ImportFile.ENTERPRISES, cells);
        if (!report.errors().isEmpty()) {
            List<Problem.FieldError> errors = report.errors().stream()
                    .map(e -> new Problem.FieldError(e.column(), e.reason())).toList();
            String unknownPrefix = Messages.get("import.row.unknown-ref", "", "").substring(0, 3);
            if (errors.stream().allMatch(e -> e.reason().startsWith(unknownPrefix))) {
                throw DomainException.unprocessable(Messages.get("enterprise.unknown-references"), errors);
            }
            throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
        }
        makers.invalidate();
        return report.files().get(0).created() == 1;
    }

    private static void put(Map<String, String> cells, String column, Object value) {
        cells.put(column, value == null ? "" : value instanceof Double d && d == Math.rint(d) ? String.valueOf(d) : value.toString());
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join("|", values);
    }

    <T> T convert(Map<String, Object> map, Class<T> type) {
        return json.convertValue(map, type);
    }
}
