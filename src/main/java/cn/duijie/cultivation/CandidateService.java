package cn.duijie.cultivation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.domain.Tier;
import cn.duijie.common.Page;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** The candidate list the plans ask for (培育企业达标而申报): firms of a region closest to the next tier, with what they lack. */
@ApplicationScoped
public class CandidateService {

    @Schema(name = "CultivationCandidate")
    public record Candidate(String creditCode, String name, String regionCode, String currentTier, String targetTier,
                            String targetTierLabel,
                            @Schema(description = "true 已达标可申报；null 缺数据尚不能判断") Boolean eligible,
                            @Schema(description = "不满足的条件数") int failed, Integer score, Integer passMark,
                            @Schema(description = "距及格线还差的分数") Integer shortOfPassMark,
                            List<ReadinessApi.Gap> lacks, List<String> missing) {
    }

    private final Graph graph;
    private final ReadinessService readiness;

    CandidateService(Graph graph, ReadinessService readiness) {
        this.graph = graph;
        this.readiness = readiness;
    }

    /**
     * Firms of the region below {@code tier} (or every firm, against its own next tier, when none is given), ranked:
     * eligible first, then fewest conditions failed or data missing, then fewest points short.
     */
    public Uni<Page<Candidate>> candidates(String region, String tier, String regime, int page, int size) {
        if (region == null || region.isBlank()) {
            throw DomainException.invalid("region", Messages.get("dashboard.no-region"));
        }
        String target = tier == null || tier.isBlank() ? null : tier.strip().toUpperCase(Locale.ROOT);
        if (target != null && !Criteria.ASSESSED.contains(target)) {
            throw DomainException.invalid("tier", Messages.get("enum.allowed", tier, String.join(" / ", Criteria.ASSESSED)));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Regime r = readiness.regime(regime, today);
        Criteria.Settings settings = readiness.settings();
        return graph.read("MATCH (region:Region {code: $region}) RETURN region.code AS code", Map.of("region", region.strip()))
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        throw DomainException.notFound(Messages.get("region.not-found", region));
                    }
                    return graph.read("MATCH (e:Enterprise)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) "
                            + "WHERE e.tier IN $below RETURN " + ReadinessService.FACTS + " AS firm",
                            Map.of("region", region.strip(), "below", below(target)));
                })
                .map(rows -> {
                    List<Candidate> all = new ArrayList<>();
                    for (var row : rows) {
                        FirmFacts f = ReadinessService.facts(row);
                        String aim = target != null ? target : next(f.tier());
                        ReadinessApi.Assessment a = Readiness.assess(f, Criteria.of(aim, r, settings));
                        int failed = (int) a.gaps().stream().filter(g -> g.kind().equals("REQUIREMENT")).count();
                        Integer shortBy = a.passMark() == null || a.score() == null ? null : Math.max(0, a.passMark() - a.score());
                        all.add(new Candidate(f.creditCode(), f.name(), f.regionCode(), f.tier(), aim, Tier.of(aim).label(),
                                a.eligible(), failed, a.score(), a.passMark(), shortBy, a.gaps(), a.missing()));
                    }
                    // what a firm lacks is a failed condition or a value not on file: both stand between it and the title
                    all.sort(Comparator.comparingInt((Candidate c) -> Boolean.TRUE.equals(c.eligible()) ? 0 : 1)
                            .thenComparingInt(c -> c.failed() + c.missing().size())
                            .thenComparingInt(c -> c.shortOfPassMark() == null ? 0 : c.shortOfPassMark())
                            .thenComparing(Candidate::creditCode));
                    int from = Math.min(all.size(), page * size);
                    return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
                });
    }

    /** The first assessed rung above a tier (NONE and POOL aim at INNOVATIVE). */
    static String next(String tier) {
        for (String t : Criteria.ASSESSED) {
            if (Criteria.rank(t) > Criteria.rank(tier)) {
                return t;
            }
        }
        return null;
    }

    private static List<String> below(String target) {
        int limit = target == null ? Criteria.rank("CHAMPION") : Criteria.rank(target);
        return Criteria.LADDER.stream().filter(t -> Criteria.rank(t) < limit).toList();
    }
}
