package cn.duijie.resilience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.chain.ChainApi;
import cn.duijie.chain.ChainService;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.matching.FirmsAndProducts;
import cn.duijie.matching.MatchModel;
import cn.duijie.matching.MatchQuery;
import cn.duijie.matching.MatchingService;
import cn.duijie.matching.MatchingSnapshot;
import cn.duijie.matching.MatchingSnapshots;
import cn.duijie.matching.SupplyMatcher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * 补链招商: for each product gap of a chain in a region ({@link ChainService#gaps}), the makers outside the region
 * ranked for the region's leaders that need the product — those that buy it, want it in an open need, or (when
 * none does) whose segments it feeds. Each maker's score is its supply match score for those leaders, averaged
 * (the one supply scorer: products, nearness, tier, supplying similar leaders, track record); makers of the product
 * itself (or a narrower one) come before firms that only make something close to it.
 */
@ApplicationScoped
public class RecruitmentService {

    private final ChainService chains;
    private final MatchingSnapshots snapshots;
    private final ResilienceRepository graph;
    private final OpenNeedRepository needs;
    private final SupplyMatcher supply;
    private final ResilienceConfig.Recruitment config;

    RecruitmentService(ChainService chains, MatchingSnapshots snapshots, ResilienceRepository graph, OpenNeedRepository needs,
                       SupplyMatcher supply, ResilienceConfig config) {
        this.chains = chains;
        this.snapshots = snapshots;
        this.graph = graph;
        this.needs = needs;
        this.supply = supply;
        this.config = config.recruitment();
    }

    public Uni<ResilienceApi.Recruitment> recruitment(String chainId, String regionCode, int min, int limit) {
        if (regionCode == null || regionCode.isBlank()) {
            throw DomainException.invalid("region", Messages.get("recruitment.region-required"));
        }
        if (limit < 1 || limit > MatchingService.MAX_LIMIT) {
            throw DomainException.invalid("limit", Messages.get("matching.limit", MatchingService.MAX_LIMIT));
        }
        String region = regionCode.strip();
        return snapshots.current().chain(snapshot -> {
            if (!snapshot.regions().level().containsKey(region)) {
                throw DomainException.notFound(Messages.get("region.not-found", region));
            }
            return chains.gaps(chainId, region, min).chain(gaps -> {
                List<ChainApi.Gap> productGaps = gaps.stream().filter(g -> g.kind() == ChainApi.GapKind.PRODUCT).toList();
                List<ChainApi.Gap> segmentGaps = gaps.stream().filter(g -> g.kind() == ChainApi.GapKind.SEGMENT).toList();
                Scan scan = scan(snapshot, region);
                List<String> leaderIds = scan.leaders().stream().map(FirmsAndProducts.Firm::id).toList();
                return graph.suppliesInto(leaderIds).chain(edges -> needs.openSupplyNeeds(leaderIds).chain(open ->
                        graph.regionNames(List.of(region)).emitOn(Infrastructure.getDefaultWorkerPool()).chain(names ->
                                Multi.createFrom().iterable(productGaps).onItem()
                                        .transformToUniAndConcatenate(g -> forGap(snapshot, scan, g, edges, open, limit))
                                        .collect().asList()
                                        .map(rows -> new ResilienceApi.Recruitment(chainId, snapshot.firms().chainNames().get(chainId),
                                                region, names.get(region), min, rows, segmentGaps)))));
            });
        });
    }

    /** The region's leaders and every firm inside it (never recruited: they are already there). */
    private record Scan(List<FirmsAndProducts.Firm> leaders, Set<String> inside) {
    }

    private static Scan scan(MatchingSnapshot snapshot, String region) {
        List<FirmsAndProducts.Firm> leaders = new ArrayList<>();
        Set<String> inside = new HashSet<>();
        for (FirmsAndProducts.Firm f : snapshot.firms().byId().values()) {
            if (Places.within(snapshot, f, region)) {
                inside.add(f.id());
                if (f.leader() || !f.leads().isEmpty()) {
                    leaders.add(f);
                }
            }
        }
        leaders.sort(Comparator.comparing(FirmsAndProducts.Firm::id));
        return new Scan(leaders, inside);
    }

    private Uni<ResilienceApi.GapRecruitment> forGap(MatchingSnapshot snapshot, Scan scan, ChainApi.Gap gap,
                                                     List<ResilienceRepository.SupplyEdge> edges,
                                                     Map<String, List<OpenNeedRepository.OpenNeed>> open, int limit) {
        FirmsAndProducts s = snapshot.firms();
        String product = gap.id();
        Map<String, ResilienceApi.Buyer> buyers = new LinkedHashMap<>();
        for (ResilienceRepository.SupplyEdge e : edges) {
            if (product.equals(e.product())) {
                buyers.putIfAbsent(e.buyer(), buyer(s, e.buyer(), "BUYS"));
            }
        }
        open.forEach((poster, list) -> {
            if (list.stream().anyMatch(n -> n.productCodes().contains(product))) {
                buyers.putIfAbsent(poster, buyer(s, poster, "OPEN_NEED"));
            }
        });
        if (buyers.isEmpty()) {
            List<String> fed = s.feeds().getOrDefault(s.productSegment().get(product), List.of());
            for (FirmsAndProducts.Firm l : scan.leaders()) {
                if (s.segmentsOf(l).stream().anyMatch(fed::contains)) {
                    buyers.putIfAbsent(l.id(), buyer(s, l.id(), "SEGMENT_FED"));
                }
            }
        }
        List<ResilienceApi.Buyer> asked = buyers.values().stream().limit(config.buyersPerProduct()).toList();
        String productName = s.productNames().getOrDefault(product, gap.name());
        // no leader of the region needs it: rank for nobody in particular (no distance, no buyer in the paths)
        List<String> posters = asked.isEmpty() ? List.of("") : asked.stream().map(ResilienceApi.Buyer::creditCode).toList();
        return Multi.createFrom().iterable(posters).onItem().transformToUniAndConcatenate(poster -> supply.forNeed(
                        new MatchQuery(null, "SUPPLY", poster.isEmpty() ? null : poster, "", null, List.of(product), List.of(),
                                List.of(), null, null, null, null), scan.inside(), MatchingService.MAX_LIMIT)
                        .map(ms -> poster.isEmpty() ? ms.stream().map(RecruitmentService::withoutPaths).toList() : ms))
                .collect().asList()
                .map(perBuyer -> rank(snapshot, product, productName, asked, perBuyer, limit))
                .map(recruits -> new ResilienceApi.GapRecruitment(gap, List.copyOf(buyers.values()), recruits,
                        recruits.isEmpty() ? Messages.get("recruitment.none", productName)
                                : asked.isEmpty() ? Messages.get("recruitment.no-buyer", productName) : null));
    }

    private static List<ResilienceApi.Recruit> rank(MatchingSnapshot snapshot, String product, String productName,
                                                    List<ResilienceApi.Buyer> asked, List<List<MatchModel.Match>> perBuyer,
                                                    int limit) {
        Set<String> makers = new HashSet<>();
        Places.makers(snapshot, product).forEach(f -> makers.add(f.id()));
        record Acc(MatchModel.Match best, double sum, List<String> served) {
        }
        Map<String, Acc> acc = new LinkedHashMap<>();
        for (int i = 0; i < perBuyer.size(); i++) {
            String buyerName = asked.isEmpty() ? null : asked.get(i).name();
            for (MatchModel.Match m : perBuyer.get(i)) {
                Acc a = acc.get(m.candidate().id());
                List<String> served = a == null ? new ArrayList<>() : a.served();
                if (buyerName != null) {
                    served.add(buyerName);
                }
                acc.put(m.candidate().id(), a == null ? new Acc(m, m.score(), served)
                        : new Acc(m.score() > a.best().score() ? m : a.best(), a.sum() + m.score(), served));
            }
        }
        int n = Math.max(1, perBuyer.size());
        List<ResilienceApi.Recruit> out = new ArrayList<>();
        acc.forEach((id, a) -> {
            boolean makes = makers.contains(id);
            List<MatchModel.Reason> reasons = new ArrayList<>();
            if (!a.served().isEmpty()) {
                reasons.add(new MatchModel.Reason("SERVES_REGION_LEADERS", Messages.get("recruitment.serves", (long) a.served().size(),
                        String.join("、", a.served().stream().limit(3).toList()), productName), 0, null));
            }
            if (!makes) {
                reasons.add(new MatchModel.Reason("CLOSE_PRODUCT_ONLY", Messages.get("recruitment.close-only", productName), 0, null));
            }
            reasons.addAll(a.best().reasons());
            out.add(new ResilienceApi.Recruit(a.best().candidate(), Math.round(10_000 * a.sum() / n) / 10_000.0, makes,
                    a.served().size(), reasons, a.best().flags()));
        });
        out.sort(Comparator.comparing((ResilienceApi.Recruit r) -> !r.makesProduct())
                .thenComparing(Comparator.comparingDouble(ResilienceApi.Recruit::score).reversed())
                .thenComparing(r -> r.candidate().id()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static MatchModel.Match withoutPaths(MatchModel.Match m) {
        return new MatchModel.Match(m.candidate(), m.score(), m.reasons().stream()
                .map(r -> new MatchModel.Reason(r.code(), r.text(), r.weight(), null)).toList(), m.flags());
    }

    private static ResilienceApi.Buyer buyer(FirmsAndProducts s, String id, String how) {
        FirmsAndProducts.Firm f = s.firm(id);
        return new ResilienceApi.Buyer(id, f == null ? id : f.name(), f == null ? null : f.regionCode(), how);
    }
}
