package cn.duijie.resilience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.domain.NeedPurpose;
import cn.duijie.matching.FirmsAndProducts;
import cn.duijie.matching.MatchQuery;
import cn.duijie.matching.MatchingService;
import cn.duijie.matching.MatchingSnapshot;
import cn.duijie.matching.MatchingSnapshots;
import cn.duijie.matching.SupplyMatcher;
import io.smallrye.mutiny.Uni;

/**
 * A firm's supply risk: per product it buys (its SUPPLIES edges and open SUPPLY needs) the suppliers, the makers in
 * its city and the grades of {@link RiskGrades}; and the second-source search each row links to.
 */
@ApplicationScoped
public class SupplyRiskService {

    private final MatchingSnapshots snapshots;
    private final ResilienceRepository graph;
    private final OpenNeedRepository needs;
    private final SupplyMatcher supply;
    private final SecondSource secondSource;
    private final ResilienceConfig config;

    SupplyRiskService(MatchingSnapshots snapshots, ResilienceRepository graph, OpenNeedRepository needs, SupplyMatcher supply,
                      SecondSource secondSource, ResilienceConfig config) {
        this.snapshots = snapshots;
        this.graph = graph;
        this.needs = needs;
        this.supply = supply;
        this.secondSource = secondSource;
        this.config = config;
    }

    public Uni<ResilienceApi.SupplyRisk> supplyRisk(String creditCode) {
        String id = key(creditCode);
        return snapshots.current().chain(snapshot -> {
            FirmsAndProducts.Firm buyer = firm(snapshot, id);
            return graph.suppliesInto(List.of(id)).chain(edges -> needs.openSupplyNeeds(id).chain(open -> {
                Set<String> regions = new HashSet<>();
                regions.add(Places.city(snapshot, buyer));
                edges.forEach(e -> {
                    FirmsAndProducts.Firm f = snapshot.firms().firm(e.supplier());
                    if (f != null) {
                        regions.add(Places.city(snapshot, f));
                    }
                });
                regions.remove(null);
                return graph.regionNames(regions).map(names -> report(snapshot, buyer, edges, open, names));
            }));
        });
    }

    private ResilienceApi.SupplyRisk report(MatchingSnapshot snapshot, FirmsAndProducts.Firm buyer,
                                            List<ResilienceRepository.SupplyEdge> edges,
                                            List<OpenNeedRepository.OpenNeed> open, Map<String, String> names) {
        FirmsAndProducts s = snapshot.firms();
        record Row(Set<String> sources, List<String> needIds, Map<String, ResilienceApi.Supplier> suppliers) {
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        List<ResilienceApi.Supplier> unattributed = new ArrayList<>();
        for (ResilienceRepository.SupplyEdge e : edges) {
            ResilienceApi.Supplier sup = supplier(snapshot, e.supplier(), e.volumeWan(), names);
            if (e.product() == null) {
                unattributed.add(sup);
                continue;
            }
            Row row = rows.computeIfAbsent(e.product(), k -> new Row(new LinkedHashSet<>(), new ArrayList<>(), new LinkedHashMap<>()));
            row.sources().add("SUPPLIES");
            row.suppliers().putIfAbsent(e.supplier(), sup);
        }
        for (OpenNeedRepository.OpenNeed n : open) {
            for (String p : n.productCodes()) {
                Row row = rows.computeIfAbsent(p, k -> new Row(new LinkedHashSet<>(), new ArrayList<>(), new LinkedHashMap<>()));
                row.sources().add("OPEN_NEED");
                if (!row.needIds().contains(n.id())) {
                    row.needIds().add(n.id());
                }
            }
        }
        String city = Places.city(snapshot, buyer);
        String cityName = names.get(city);
        List<ResilienceApi.ProductRisk> products = new ArrayList<>();
        Map<RiskCode, Integer> summary = new EnumMap<>(RiskCode.class);
        rows.forEach((product, row) -> {
            int local = 0;
            int elsewhere = 0;
            for (FirmsAndProducts.Firm m : Places.makers(snapshot, product)) {
                if (m.id().equals(buyer.id())) {
                    continue;
                }
                if (city != null && city.equals(Places.city(snapshot, m))) {
                    local++;
                } else {
                    elsewhere++;
                }
            }
            String productName = s.productNames().getOrDefault(product, product);
            List<ResilienceApi.Supplier> suppliers = List.copyOf(row.suppliers().values());
            RiskGrades.Grade g = RiskGrades.grade(productName, cityName, suppliers, local, config.concentratedHhi());
            g.risks().forEach(r -> summary.merge(r.code(), 1, Integer::sum));
            String segment = s.productSegment().get(product);
            products.add(new ResilienceApi.ProductRisk(product, productName, segment,
                    segment == null ? null : s.segmentNames().get(segment), List.copyOf(row.sources()), List.copyOf(row.needIds()),
                    g.suppliers(), (int) suppliers.stream().map(ResilienceApi.Supplier::cityCode).distinct().count(), local, elsewhere,
                    g.hhi(), g.basis(), g.risks(),
                    "/api/v1/enterprises/" + buyer.id() + "/second-sources?product=" + java.net.URLEncoder.encode(product,
                            java.nio.charset.StandardCharsets.UTF_8)));
        });
        products.sort(Comparator.comparingInt((ResilienceApi.ProductRisk p) -> -RiskGrades.severity(p.risks()))
                .thenComparing(ResilienceApi.ProductRisk::productCode));
        return new ResilienceApi.SupplyRisk(buyer.id(), buyer.name(), buyer.regionCode(), city, cityName,
                buyer.leader() || !buyer.leads().isEmpty(), products, unattributed, summary);
    }

    /**
     * Second sources for one product a firm buys: the supply ranking for a need of that product, reordered by
     * {@link SecondSource} as for a SECOND_SOURCE need, with the current suppliers listed.
     */
    public Uni<ResilienceApi.SecondSources> secondSources(String creditCode, String product, int limit) {
        if (limit < 1 || limit > MatchingService.MAX_LIMIT) {
            throw DomainException.invalid("limit", Messages.get("matching.limit", MatchingService.MAX_LIMIT));
        }
        if (product == null || product.isBlank()) {
            throw DomainException.invalid("product", Messages.get("second-source.product-required"));
        }
        String id = key(creditCode);
        String code = product.strip();
        return snapshots.current().chain(snapshot -> {
            FirmsAndProducts.Firm buyer = firm(snapshot, id);
            String name = snapshot.firms().productNames().get(code);
            if (name == null) {
                throw DomainException.notFound(Messages.get("second-source.unknown-product", code));
            }
            MatchQuery q = new MatchQuery(null, "SUPPLY", buyer.id(), name, null, List.of(code), List.of(), List.of(),
                    null, null, null, null);
            return secondSource.plan(q, NeedPurpose.SECOND_SOURCE).chain(plan -> supply.forNeed(q, Set.of(), SecondSource.pool(limit))
                    .chain(ranked -> secondSource.adjust(plan, ranked, limit))
                    .chain(matches -> {
                        Set<String> cities = new HashSet<>();
                        plan.incumbents().forEach(i -> {
                            FirmsAndProducts.Firm f = snapshot.firms().firm(i);
                            if (f != null) {
                                cities.add(Places.city(snapshot, f));
                            }
                        });
                        cities.remove(null);
                        return graph.regionNames(cities).map(names -> new ResilienceApi.SecondSources(buyer.id(), code, name,
                                plan.incumbents().stream().map(i -> supplier(snapshot, i, null, names)).toList(), matches));
                    }));
        });
    }

    static ResilienceApi.Supplier supplier(MatchingSnapshot snapshot, String id, Double volumeWan, Map<String, String> names) {
        FirmsAndProducts.Firm f = snapshot.firms().firm(id);
        if (f == null) {
            return new ResilienceApi.Supplier(id, id, null, null, null, volumeWan, null);
        }
        String city = Places.city(snapshot, f);
        return new ResilienceApi.Supplier(f.id(), f.name(), f.regionCode(), city, names.get(city), volumeWan, null);
    }

    private static FirmsAndProducts.Firm firm(MatchingSnapshot snapshot, String id) {
        FirmsAndProducts.Firm f = snapshot.firms().firm(id);
        if (f == null) {
            throw DomainException.notFound(Messages.get("enterprise.not-found", id));
        }
        return f;
    }

    static String key(String creditCode) {
        return creditCode == null ? "" : creditCode.strip().toUpperCase();
    }
}
