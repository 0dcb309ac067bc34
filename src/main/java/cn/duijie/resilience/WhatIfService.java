package cn.duijie.resilience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.CreditCode;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.matching.FirmsAndProducts;
import cn.duijie.matching.MatchModel;
import cn.duijie.matching.MatchQuery;
import cn.duijie.matching.MatchingSnapshot;
import cn.duijie.matching.MatchingSnapshots;
import cn.duijie.matching.SupplyMatcher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * What if (断供推演): firms, or whole regions, stop supplying. From the matching snapshot (in memory): which firms are
 * out, the region's leaders and the makers per segment before and after; from the graph: what each SUPPLIES edge
 * into those leaders carries. Then per loss the best replacement makers by the one supply scorer, inside the
 * region first, then outside, none of the removed firms among them.
 */
@ApplicationScoped
public class WhatIfService {

    private static final int SAMPLE = 5;

    private final MatchingSnapshots snapshots;
    private final ResilienceRepository graph;
    private final SupplyMatcher supply;
    private final ResilienceConfig.WhatIf config;

    WhatIfService(MatchingSnapshots snapshots, ResilienceRepository graph, SupplyMatcher supply, ResilienceConfig config) {
        this.snapshots = snapshots;
        this.graph = graph;
        this.supply = supply;
        this.config = config.whatIf();
    }

    /** The region's firms and the removed ones, from one pass over the snapshot. */
    private record Scan(Set<String> removed, int removedInRegion, List<FirmsAndProducts.Firm> leaders,
                        Map<String, List<FirmsAndProducts.Firm>> segmentMakers) {
    }

    public Uni<ResilienceApi.WhatIfReport> whatIf(String regionCode, ResilienceApi.WhatIfRequest request) {
        long start = System.nanoTime();
        String region = regionCode == null ? "" : regionCode.strip();
        List<String> firms = request == null || request.firms() == null ? List.of() : request.firms();
        List<String> regions = request == null || request.regions() == null ? List.of() : request.regions();
        List<Problem.FieldError> shape = shapeErrors(firms, regions);
        if (!shape.isEmpty()) {
            throw DomainException.invalid(Messages.get("detail.validation", shape.size()), shape);
        }
        List<String> firmKeys = firms.stream().map(f -> f.strip().toUpperCase()).distinct().toList();
        List<String> regionKeys = regions.stream().map(String::strip).distinct().toList();
        return snapshots.current().emitOn(Infrastructure.getDefaultWorkerPool()).chain(snapshot -> {
            if (!snapshot.regions().level().containsKey(region)) {
                throw DomainException.notFound(Messages.get("region.not-found", region));
            }
            List<Problem.FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < firmKeys.size(); i++) {
                if (snapshot.firms().firm(firmKeys.get(i)) == null) {
                    unknown.add(new Problem.FieldError("firms[" + i + "]", Messages.get("enterprise.not-found", firmKeys.get(i))));
                }
            }
            for (int i = 0; i < regionKeys.size(); i++) {
                if (!snapshot.regions().level().containsKey(regionKeys.get(i))) {
                    unknown.add(new Problem.FieldError("regions[" + i + "]", Messages.get("region.not-found", regionKeys.get(i))));
                }
            }
            if (!unknown.isEmpty()) {
                throw DomainException.unprocessable(Messages.get("what-if.unknown", unknown.size()), unknown);
            }
            Scan scan = scan(snapshot, region, Set.copyOf(firmKeys), Set.copyOf(regionKeys));
            List<String> leaderIds = scan.leaders().stream().map(FirmsAndProducts.Firm::id).toList();
            return graph.suppliesInto(leaderIds).emitOn(Infrastructure.getDefaultWorkerPool())
                    .chain(edges -> graph.regionNames(List.of(region)).emitOn(Infrastructure.getDefaultWorkerPool())
                            .chain(names -> report(snapshot, region, names.get(region), firmKeys, regionKeys, scan, edges, start)));
        });
    }

    private List<Problem.FieldError> shapeErrors(List<String> firms, List<String> regions) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (firms.isEmpty() && regions.isEmpty()) {
            errors.add(new Problem.FieldError("firms", Messages.get("what-if.nothing")));
        }
        if (firms.size() > config.maxFirms()) {
            errors.add(new Problem.FieldError("firms", Messages.get("what-if.too-many-firms", config.maxFirms())));
        }
        if (regions.size() > config.maxRegions()) {
            errors.add(new Problem.FieldError("regions", Messages.get("what-if.too-many-regions", config.maxRegions())));
        }
        for (int i = 0; i < firms.size() && errors.size() < 20; i++) {
            String f = firms.get(i);
            String why = f == null ? Messages.get("what-if.empty-entry") : CreditCode.explain(f.strip().toUpperCase());
            if (why != null) {
                errors.add(new Problem.FieldError("firms[" + i + "]", why));
            }
        }
        for (int i = 0; i < regions.size() && errors.size() < 20; i++) {
            String r = regions.get(i);
            if (r == null || !r.strip().matches("\\d{6}")) {
                errors.add(new Problem.FieldError("regions[" + i + "]", Messages.get("what-if.region-code", r == null ? "" : r)));
            }
        }
        return errors;
    }

    /** One pass over every firm: removed or not, a leader of the region or not, a maker of which of its segments. */
    private static Scan scan(MatchingSnapshot snapshot, String region, Set<String> firms, Set<String> regions) {
        Set<String> removed = new HashSet<>(firms);
        int removedInRegion = 0;
        List<FirmsAndProducts.Firm> leaders = new ArrayList<>();
        Map<String, List<FirmsAndProducts.Firm>> segmentMakers = new HashMap<>();
        FirmsAndProducts s = snapshot.firms();
        for (FirmsAndProducts.Firm f : s.byId().values()) {
            List<String> above = f.regionCode() == null ? List.of() : snapshot.regions().regionAndAbove(f.regionCode());
            boolean out = removed.contains(f.id());
            if (!out && !regions.isEmpty()) {
                for (String r : above) {
                    if (regions.contains(r)) {
                        out = true;
                        removed.add(f.id());
                        break;
                    }
                }
            }
            if (!above.contains(region)) {
                continue;
            }
            removedInRegion += out ? 1 : 0;
            if (!out && (f.leader() || !f.leads().isEmpty())) {
                leaders.add(f);
            }
            for (String seg : s.segmentsOf(f)) {
                segmentMakers.computeIfAbsent(seg, k -> new ArrayList<>()).add(f);
            }
        }
        leaders.sort(Comparator.comparing(FirmsAndProducts.Firm::id));
        return new Scan(removed, removedInRegion, leaders, segmentMakers);
    }

    private Uni<ResilienceApi.WhatIfReport> report(MatchingSnapshot snapshot, String region, String regionName,
                                                   List<String> firmKeys, List<String> regionKeys, Scan scan,
                                                   List<ResilienceRepository.SupplyEdge> edges, long start) {
        FirmsAndProducts s = snapshot.firms();
        // suppliers per (leader, product), in the order the graph gave them
        Map<String, Map<String, Set<String>>> byLeader = new LinkedHashMap<>();
        for (ResilienceRepository.SupplyEdge e : edges) {
            byLeader.computeIfAbsent(e.buyer(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.product() == null ? "" : e.product(), k -> new LinkedHashSet<>()).add(e.supplier());
        }
        record Loss(FirmsAndProducts.Firm leader, String product, List<String> lost, List<String> left) {
        }
        List<Loss> losses = new ArrayList<>();
        List<Loss> leftSingle = new ArrayList<>();
        byLeader.forEach((leaderId, products) -> products.forEach((product, suppliers) -> {
            List<String> lost = suppliers.stream().filter(scan.removed()::contains).toList();
            if (lost.isEmpty()) {
                return;
            }
            List<String> left = suppliers.stream().filter(x -> !scan.removed().contains(x)).toList();
            Loss loss = new Loss(s.firm(leaderId), product, lost, left);
            if (left.isEmpty()) {
                losses.add(loss);
            } else if (left.size() == 1) {
                leftSingle.add(loss);
            }
        }));
        List<ResilienceApi.CoverageLoss> uncovered = new ArrayList<>();
        List<ResilienceApi.CoverageLoss> thin = new ArrayList<>();
        scan.segmentMakers().forEach((seg, makers) -> {
            List<FirmsAndProducts.Firm> gone = makers.stream().filter(m -> scan.removed().contains(m.id())).toList();
            if (gone.isEmpty()) {
                return;
            }
            int after = makers.size() - gone.size();
            String chain = s.segmentChain().get(seg);
            String segName = s.segmentNames().getOrDefault(seg, seg);
            if (after == 0 || after == 1) {
                ResilienceApi.CoverageLoss c = new ResilienceApi.CoverageLoss(chain, chain == null ? null : s.chainNames().get(chain),
                        seg, segName, makers.size(), after, gone.stream().limit(SAMPLE).map(WhatIfService::ref).toList(),
                        Messages.get(after == 0 ? "what-if.segment.uncovered" : "what-if.segment.thin", segName,
                                (long) makers.size(), (long) gone.size()));
                (after == 0 ? uncovered : thin).add(c);
            }
        });
        Comparator<ResilienceApi.CoverageLoss> bySegment = Comparator.comparing((ResilienceApi.CoverageLoss c) -> String.valueOf(c.chainId()))
                .thenComparing(ResilienceApi.CoverageLoss::segmentId);
        uncovered.sort(bySegment);
        thin.sort(bySegment);
        return Multi.createFrom().iterable(losses).onItem().transformToUniAndConcatenate(l -> replacements(snapshot, region, scan.removed(), l.leader(), l.product())
                        .map(reps -> {
                            String productName = productName(s, l.product());
                            return new ResilienceApi.SupplyLoss(ref(l.leader()), l.product().isEmpty() ? null : l.product(), productName,
                                    refs(s, l.lost()), List.of(), Messages.get("what-if.loss.all", l.leader().name(), productName,
                                    String.join("、", refs(s, l.lost()).stream().map(ResilienceApi.FirmRef::name).toList())), reps);
                        }))
                .collect().asList()
                .map(lossRows -> {
                    List<ResilienceApi.SupplyLoss> singles = leftSingle.stream().map(l -> {
                        String productName = productName(s, l.product());
                        ResilienceApi.FirmRef only = refs(s, l.left()).get(0);
                        return new ResilienceApi.SupplyLoss(ref(l.leader()), l.product().isEmpty() ? null : l.product(), productName,
                                refs(s, l.lost()), refs(s, l.left()), Messages.get("what-if.loss.single", l.leader().name(), productName,
                                only.name()), List.of());
                    }).toList();
                    return new ResilienceApi.WhatIfReport(region, regionName, new ResilienceApi.Removed(firmKeys, regionKeys,
                            scan.removed().size(), scan.removedInRegion()), lossRows, singles, uncovered, thin,
                            scan.leaders().size(), (System.nanoTime() - start) / 1_000_000);
                });
    }

    /** Makers the supply scorer ranks for the leader's lost product, none of them removed: inside first, then outside. */
    private Uni<List<ResilienceApi.Replacement>> replacements(MatchingSnapshot snapshot, String region, Set<String> removed,
                                                              FirmsAndProducts.Firm leader, String product) {
        if (product.isEmpty() || !snapshot.firms().productNames().containsKey(product)) {
            return Uni.createFrom().item(List.of());
        }
        MatchQuery q = new MatchQuery(null, "SUPPLY", leader.id(), "", null, List.of(product), List.of(), List.of(),
                null, null, null, null);
        return supply.forNeed(q, removed, cn.duijie.matching.MatchingService.MAX_LIMIT).map(ranked -> {
            List<ResilienceApi.Replacement> inside = new ArrayList<>();
            List<ResilienceApi.Replacement> outside = new ArrayList<>();
            for (MatchModel.Match m : ranked) {
                FirmsAndProducts.Firm f = snapshot.firms().firm(m.candidate().id());
                if (f == null) {
                    continue;
                }
                boolean in = Places.within(snapshot, f, region);
                List<ResilienceApi.Replacement> list = in ? inside : outside;
                if (list.size() < config.replacements()) {
                    list.add(new ResilienceApi.Replacement(m.candidate(), in, m.score(), m.reasons()));
                }
            }
            inside.addAll(outside);
            return inside;
        });
    }

    private static String productName(FirmsAndProducts s, String product) {
        return product.isEmpty() ? Messages.get("what-if.product-unknown") : s.productNames().getOrDefault(product, product);
    }

    private static ResilienceApi.FirmRef ref(FirmsAndProducts.Firm f) {
        return new ResilienceApi.FirmRef(f.id(), f.name(), f.regionCode());
    }

    private static List<ResilienceApi.FirmRef> refs(FirmsAndProducts s, List<String> ids) {
        return ids.stream().map(id -> {
            FirmsAndProducts.Firm f = s.firm(id);
            return f == null ? new ResilienceApi.FirmRef(id, id, null) : ref(f);
        }).toList();
    }
}
