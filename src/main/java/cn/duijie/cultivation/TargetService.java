package cn.duijie.cultivation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** A region's plan targets: read, and replaced per year after the checks a bureau clerk's sheet needs. */
@ApplicationScoped
public class TargetService {

    static final Set<String> TARGET_TIERS = Set.copyOf(DashboardService.RUNGS);

    private final TargetRepository targets;
    private final Graph graph;

    TargetService(TargetRepository targets, Graph graph) {
        this.targets = targets;
        this.graph = graph;
    }

    public Uni<List<TargetsApi.Targets>> list(String region, Integer year) {
        return regionName(region).flatMap(name -> targets.find(region))
                .map(all -> year == null ? all : all.stream().filter(t -> t.year().equals(year)).toList());
    }

    /** The targets of the given year, or of the latest year on file before it, or the latest; empty when none. */
    public Uni<java.util.Optional<TargetsApi.Targets>> forYear(String region, Integer year) {
        return targets.find(region).map(all -> {
            if (all.isEmpty()) {
                return java.util.Optional.empty();
            }
            if (year == null) {
                return java.util.Optional.of(all.get(all.size() - 1));
            }
            return all.stream().filter(t -> t.year().equals(year)).findFirst();
        });
    }

    public Uni<TargetsApi.Targets> put(String region, TargetsApi.Targets body, String by) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<TargetsApi.TierTarget> tiers = new ArrayList<>();
        Set<String> seenGroups = new HashSet<>();
        List<TargetsApi.TierTarget> given = body.tiers() == null ? List.of() : body.tiers();
        for (int i = 0; i < given.size(); i++) {
            TargetsApi.TierTarget t = given.get(i);
            List<String> names = new ArrayList<>();
            for (String tier : t.tiers()) {
                String n = tier.strip().toUpperCase(Locale.ROOT);
                if (!TARGET_TIERS.contains(n)) {
                    errors.add(new Problem.FieldError("tiers[" + i + "].tiers", Messages.get("enum.allowed", tier,
                            String.join(" / ", DashboardService.RUNGS))));
                } else if (!names.contains(n)) {
                    names.add(n);
                }
            }
            names.sort(Comparator.comparingInt(Criteria::rank).reversed());
            if (!names.isEmpty() && !seenGroups.add(String.join(",", names))) {
                errors.add(new Problem.FieldError("tiers[" + i + "]", Messages.get("targets.duplicate", String.join("+", names))));
            }
            tiers.add(new TargetsApi.TierTarget(names, t.count()));
        }
        Set<String> chains = new HashSet<>();
        List<TargetsApi.ChainTarget> shares = body.srdiShare() == null ? List.of() : body.srdiShare();
        for (int i = 0; i < shares.size(); i++) {
            if (!chains.add(shares.get(i).chainId().strip())) {
                errors.add(new Problem.FieldError("srdiShare[" + i + "]", Messages.get("targets.duplicate", shares.get(i).chainId())));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
        }
        TargetsApi.Targets clean = new TargetsApi.Targets(region, body.year(), tiers, body.techAgreements(), body.techTransfers(),
                body.meetings(), body.contracts(), body.contractAmountWan(), body.poolSize(), body.rdIntensity(),
                shares.stream().map(c -> new TargetsApi.ChainTarget(c.chainId().strip(), c.share())).toList(), body.source(), null, null);
        return regionName(region)
                .flatMap(name -> graph.read("UNWIND $ids AS id OPTIONAL MATCH (c:Chain {id: id}) WITH id, c WHERE c IS NULL RETURN collect(id) AS unknown",
                        Map.of("ids", List.copyOf(chains))))
                .flatMap(rows -> {
                    List<Object> unknown = rows.get(0).get("unknown").asList();
                    if (!unknown.isEmpty()) {
                        throw DomainException.unprocessable(Messages.get("targets.unknown-chain", unknown),
                                unknown.stream().map(u -> new Problem.FieldError("srdiShare", Messages.get("import.row.unknown-ref", "产业链", u))).toList());
                    }
                    return targets.replace(region, clean, by);
                })
                .flatMap(x -> targets.find(region))
                .map(all -> all.stream().filter(t -> t.year().equals(body.year())).findFirst().orElseThrow());
    }

    /** The region's name; 404 when no such region is in the graph. */
    public Uni<String> regionName(String region) {
        return graph.read("MATCH (r:Region {code: $code}) RETURN r.name AS name", Map.of("code", region)).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.notFound(Messages.get("region.not-found", region));
            }
            return rows.get(0).get("name").asString("");
        });
    }
}
