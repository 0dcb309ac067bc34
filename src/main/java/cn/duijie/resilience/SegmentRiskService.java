package cn.duijie.resilience;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.matching.FirmsAndProducts;
import cn.duijie.matching.MatchingSnapshot;
import cn.duijie.matching.MatchingSnapshots;
import io.smallrye.mutiny.Uni;

/**
 * A chain's segments graded by supply risk in a region (the chain map's shading): how many of the region's firms make
 * the segment's products, and how many of the region's leaders' inputs from the segment are single-source or come
 * from one city. HIGH: no local maker, or single-source inputs with at most one local maker; ELEVATED: one local
 * maker, or single-source / one-city inputs; LOW otherwise.
 */
@ApplicationScoped
public class SegmentRiskService {

    private final MatchingSnapshots snapshots;
    private final ResilienceRepository graph;

    SegmentRiskService(MatchingSnapshots snapshots, ResilienceRepository graph) {
        this.snapshots = snapshots;
        this.graph = graph;
    }

    public Uni<List<ResilienceApi.SegmentRisk>> segments(String chainId, String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            throw DomainException.invalid("region", Messages.get("recruitment.region-required"));
        }
        String region = regionCode.strip();
        return snapshots.current().chain(snapshot -> {
            FirmsAndProducts s = snapshot.firms();
            if (!s.chainNames().containsKey(chainId)) {
                throw DomainException.notFound(Messages.get("chain.not-found", chainId));
            }
            if (!snapshot.regions().level().containsKey(region)) {
                throw DomainException.notFound(Messages.get("region.not-found", region));
            }
            List<String> segments = s.segmentChain().entrySet().stream().filter(e -> e.getValue().equals(chainId))
                    .map(Map.Entry::getKey).sorted().toList();
            Set<String> chainSegments = Set.copyOf(segments);
            Map<String, Set<String>> localMakers = new HashMap<>();
            List<FirmsAndProducts.Firm> leaders = new ArrayList<>();
            for (FirmsAndProducts.Firm f : s.byId().values()) {
                if (!Places.within(snapshot, f, region)) {
                    continue;
                }
                if (f.leader() || !f.leads().isEmpty()) {
                    leaders.add(f);
                }
                for (String seg : s.segmentsOf(f)) {
                    if (chainSegments.contains(seg)) {
                        localMakers.computeIfAbsent(seg, k -> new HashSet<>()).add(f.id());
                    }
                }
            }
            return graph.suppliesInto(leaders.stream().map(FirmsAndProducts.Firm::id).toList())
                    .map(edges -> grade(snapshot, segments, localMakers, edges));
        });
    }

    private static List<ResilienceApi.SegmentRisk> grade(MatchingSnapshot snapshot, List<String> segments,
                                                         Map<String, Set<String>> localMakers,
                                                         List<ResilienceRepository.SupplyEdge> edges) {
        FirmsAndProducts s = snapshot.firms();
        // suppliers per (leader, product) of the chain's segments
        Map<String, Map<String, Set<String>>> inputs = new LinkedHashMap<>();
        for (ResilienceRepository.SupplyEdge e : edges) {
            String seg = e.product() == null ? null : s.productSegment().get(e.product());
            if (seg != null) {
                inputs.computeIfAbsent(seg, k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.buyer() + "|" + e.product(), k -> new HashSet<>()).add(e.supplier());
            }
        }
        List<ResilienceApi.SegmentRisk> out = new ArrayList<>();
        for (String seg : segments) {
            int local = localMakers.getOrDefault(seg, Set.of()).size();
            int single = 0;
            int oneCity = 0;
            for (Set<String> suppliers : inputs.getOrDefault(seg, Map.of()).values()) {
                if (suppliers.size() == 1) {
                    single++;
                } else {
                    Set<String> cities = new HashSet<>();
                    suppliers.forEach(x -> {
                        FirmsAndProducts.Firm f = s.firm(x);
                        cities.add(f == null ? x : Places.city(snapshot, f));
                    });
                    oneCity += cities.size() == 1 ? 1 : 0;
                }
            }
            List<RiskCode> codes = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            String name = s.segmentNames().getOrDefault(seg, seg);
            if (local == 0) {
                codes.add(RiskCode.NO_LOCAL_MAKER);
                reasons.add(Messages.get("segment-risk.no-local", name));
            } else if (local == 1) {
                reasons.add(Messages.get("segment-risk.one-local", name));
            }
            if (single > 0) {
                codes.add(RiskCode.SINGLE_SOURCE);
                reasons.add(Messages.get("segment-risk.single", (long) single));
            }
            if (oneCity > 0) {
                codes.add(RiskCode.ONE_CITY);
                reasons.add(Messages.get("segment-risk.one-city", (long) oneCity));
            }
            String level = local == 0 || (single > 0 && local <= 1) ? "HIGH"
                    : local == 1 || single > 0 || oneCity > 0 ? "ELEVATED" : "LOW";
            out.add(new ResilienceApi.SegmentRisk(seg, name, level, Messages.get("segment-risk.level." + level), local, single, oneCity, codes,
                    reasons.isEmpty() ? Messages.get("segment-risk.low") : String.join("；", reasons)));
        }
        return out;
    }
}
