package cn.duijie.cultivation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.common.Problem;
import cn.duijie.domain.TransferMode;
import cn.duijie.domain.Vocabulary;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/**
 * Technology-transfer projects (技术转移项目): an achievement passed to a firm, recorded by one of the parties or a
 * bureau after the checks below, and counted on the receiving firm's region's dashboard.
 */
@ApplicationScoped
public class TechTransferService {

    /** The names a project shows beside its keys, from the graph. */
    record Names(String achievementTitle, String institutionId, String institutionName, String firmName, String regionCode) {

        static Names from(Value v) {
            return new Names(v.get("title").asString(null), v.get("institutionId").asString(null), v.get("institution").asString(null),
                    v.get("firm").asString(null), v.get("region").asString(null));
        }
    }

    private static final String NAMES = """
            UNWIND $rows AS row
            OPTIONAL MATCH (a:Achievement {id: row.achievement})
            OPTIONAL MATCH (a)-[:OWNED_BY]->(i:Institution)
            OPTIONAL MATCH (e:Enterprise {creditCode: row.firm})
            OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
            RETURN row.key AS key, {title: a.title, institutionId: i.id, institution: i.name, firm: e.name, region: r.code} AS names""";

    private final TechTransferRepository transfers;
    private final CultivationAccess access;
    private final Graph graph;

    TechTransferService(TechTransferRepository transfers, CultivationAccess access, Graph graph) {
        this.transfers = transfers;
        this.access = access;
        this.graph = graph;
    }

    public Uni<TechTransferApi.Transfer> record(TechTransferApi.NewTransfer body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        var mode = Vocabulary.parse(TransferMode.class, body.mode());
        if (mode.isEmpty()) {
            errors.add(new Problem.FieldError("mode", Messages.get("enum.allowed", body.mode(), Vocabulary.allowed(TransferMode.class))));
        }
        if (body.signedOn().isAfter(LocalDate.now(ZoneOffset.UTC))) {
            errors.add(new Problem.FieldError("signedOn", Messages.get("transfer.signed-in-future", body.signedOn())));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
        }
        String achievement = body.achievementId().strip();
        String firm = body.creditCode().strip().toUpperCase(Locale.ROOT);
        String needId = body.needId() == null || body.needId().isBlank() ? null : body.needId().strip();
        return names(List.of(Map.of("key", "new", "achievement", achievement, "firm", firm))).flatMap(found -> {
            Names n = found.get("new");
            List<Problem.FieldError> missing = new ArrayList<>();
            if (n.achievementTitle() == null || n.institutionId() == null) {
                missing.add(new Problem.FieldError("achievementId", Messages.get("import.row.unknown-ref", "科技成果", achievement)));
            }
            if (n.firmName() == null) {
                missing.add(new Problem.FieldError("creditCode", Messages.get("enterprise.not-found", firm)));
            }
            if (!missing.isEmpty()) {
                throw DomainException.unprocessable(Messages.get("detail.validation", missing.size()), missing);
            }
            return access.recordTransfer(firm, n.institutionId())
                    .chain(() -> needId == null ? Uni.createFrom().voidItem() : checkNeed(needId, firm))
                    .chain(() -> transfers.insert(new TechTransferRepository.Stored(UUID.randomUUID(), achievement, n.institutionId(), firm,
                            mode.get().name(), body.signedOn(), body.amountWan(), needId, blankToNull(body.note()), access.author(),
                            access.authorParty(), null)))
                    .map(s -> view(s, n));
        });
    }

    public Uni<TechTransferApi.Transfer> get(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(DomainException.notFound(Messages.get("transfer.not-found", id)));
        }
        return transfers.find(uuid).flatMap(found -> {
            TechTransferRepository.Stored s = found.orElseThrow(() -> DomainException.notFound(Messages.get("transfer.not-found", id)));
            return access.readTransfer(id, s.creditCode(), s.institutionId()).chain(() -> withNames(List.of(s))).map(l -> l.get(0));
        });
    }

    /** The projects received by firms of a region and the regions below it, newest first (the caller's region checked by the resource). */
    public Uni<Page<TechTransferApi.Transfer>> list(String region, int page, int size) {
        return graph.read(DashboardService.IN_REGION + "RETURN collect(e.creditCode) AS codes", Map.of("region", region))
                .flatMap(rows -> transfers.forFirms(rows.get(0).get("codes").asList(Value::asString), page, size))
                .flatMap(p -> withNames(p.items()).map(items -> new Page<>(items, p.total(), p.page(), p.size())));
    }

    private Uni<Void> checkNeed(String needId, String firm) {
        return transfers.need(needId).map(need -> {
            if (need.isEmpty()) {
                throw DomainException.unprocessable(Messages.get("need.not-found", needId),
                        List.of(new Problem.FieldError("needId", Messages.get("need.not-found", needId))));
            }
            if (!"TECH".equals(need.get().kind()) || !firm.equalsIgnoreCase(need.get().postedBy())) {
                String reason = Messages.get("transfer.need-not-the-firms", needId);
                throw DomainException.unprocessable(reason, List.of(new Problem.FieldError("needId", reason)));
            }
            return null;
        });
    }

    private Uni<List<TechTransferApi.Transfer>> withNames(List<TechTransferRepository.Stored> stored) {
        if (stored.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Map<String, Object>> rows = stored.stream()
                .map(s -> Map.<String, Object>of("key", s.id().toString(), "achievement", s.achievementId(), "firm", s.creditCode())).toList();
        return names(rows).map(n -> stored.stream().map(s -> view(s, n.get(s.id().toString()))).toList());
    }

    private Uni<Map<String, Names>> names(List<Map<String, Object>> rows) {
        return graph.read(NAMES, Map.of("rows", rows)).map(result -> {
            Map<String, Names> m = new HashMap<>();
            result.forEach(r -> m.put(r.get("key").asString(), Names.from(r.get("names"))));
            return m;
        });
    }

    private static TechTransferApi.Transfer view(TechTransferRepository.Stored s, Names n) {
        return new TechTransferApi.Transfer(s.id(), s.achievementId(), n.achievementTitle(), s.institutionId(), n.institutionName(),
                s.creditCode(), n.firmName(), n.regionCode(), s.mode(), TransferMode.valueOf(s.mode()).label(), s.signedOn(),
                s.amountWan(), s.needId(), s.note(), s.recordedBy(), s.recordedFor(), s.recordedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
