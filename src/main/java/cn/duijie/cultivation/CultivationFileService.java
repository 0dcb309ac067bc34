package cn.duijie.cultivation;

import java.util.ArrayList;
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

/** 一企一册: the bureau's file per firm, read with the firm's graph data and updated in one transaction. */
@ApplicationScoped
public class CultivationFileService {

    private static final Set<String> KINDS = Set.of("VISIT", "CALL", "NOTE");
    private static final Set<String> STATUSES = Set.of("OPEN", "IN_PROGRESS", "DONE", "DROPPED");

    /** Firm facts the file shows beside the stored part. */
    record Firm(String creditCode, String name, String regionCode, String tier) {
    }

    private final CultivationFileRepository files;
    private final Graph graph;

    CultivationFileService(CultivationFileRepository files, Graph graph) {
        this.files = files;
        this.graph = graph;
    }

    public Uni<Firm> firm(String creditCode) {
        String code = creditCode.strip().toUpperCase(Locale.ROOT);
        return graph.read("MATCH (e:Enterprise {creditCode: $code}) RETURN e.creditCode AS code, e.name AS name, "
                + "e.regionCode AS region, e.tier AS tier", Map.of("code", code)).map(rows -> {
                    if (rows.isEmpty()) {
                        throw DomainException.notFound(Messages.get("enterprise.not-found", creditCode));
                    }
                    var r = rows.get(0);
                    return new Firm(code, r.get("name").asString(""), r.get("region").asString(""), r.get("tier").asString("NONE"));
                });
    }

    public Uni<CultivationFileApi.File> get(String creditCode) {
        return firm(creditCode).flatMap(this::read);
    }

    Uni<CultivationFileApi.File> read(Firm f) {
        return files.find(f.creditCode()).map(stored -> stored.map(s -> new CultivationFileApi.File(f.creditCode(), f.name(),
                        f.regionCode(), f.tier(), s.openedAt(), s.updatedAt(), s.officer(), s.targetTier(), s.visits(), s.items()))
                .orElseGet(() -> new CultivationFileApi.File(f.creditCode(), f.name(), f.regionCode(), f.tier(), null, null, null,
                        null, List.of(), List.of())));
    }

    /** Applies an update; the boolean says whether the file was opened by it. */
    public Uni<Map.Entry<Boolean, CultivationFileApi.File>> update(String creditCode, CultivationFileApi.Update u, String by) {
        CultivationFileApi.Update clean = check(u);
        return firm(creditCode).flatMap(f -> files.apply(f.creditCode(), f.regionCode(), clean, by)
                .flatMap(created -> read(f).map(file -> Map.entry(created, file))));
    }

    private static CultivationFileApi.Update check(CultivationFileApi.Update u) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String target = u.targetTier() == null ? null : u.targetTier().strip().toUpperCase(Locale.ROOT);
        if (target != null && !Criteria.ASSESSED.contains(target)) {
            errors.add(new Problem.FieldError("targetTier", Messages.get("enum.allowed", u.targetTier(), String.join(" / ", Criteria.ASSESSED))));
        }
        List<CultivationFileApi.Visit> visits = new ArrayList<>();
        List<CultivationFileApi.Visit> given = u.visits() == null ? List.of() : u.visits();
        for (int i = 0; i < given.size(); i++) {
            CultivationFileApi.Visit v = given.get(i);
            String kind = v.kind() == null ? "VISIT" : v.kind().strip().toUpperCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                errors.add(new Problem.FieldError("visits[" + i + "].kind", Messages.get("enum.allowed", v.kind(), "VISIT / CALL / NOTE")));
            }
            visits.add(new CultivationFileApi.Visit(null, v.date(), kind, v.officer(), v.note(), null));
        }
        List<CultivationFileApi.PlanItem> items = new ArrayList<>();
        List<CultivationFileApi.PlanItem> givenItems = u.planItems() == null ? List.of() : u.planItems();
        for (int i = 0; i < givenItems.size(); i++) {
            CultivationFileApi.PlanItem p = givenItems.get(i);
            String status = p.status() == null ? null : p.status().strip().toUpperCase(Locale.ROOT);
            if (status != null && !STATUSES.contains(status)) {
                errors.add(new Problem.FieldError("planItems[" + i + "].status", Messages.get("enum.allowed", p.status(), String.join(" / ", STATUSES))));
            }
            if (p.id() == null && (p.title() == null || p.title().isBlank())) {
                errors.add(new Problem.FieldError("planItems[" + i + "].title", Messages.get("cultivation.item-title")));
            }
            items.add(new CultivationFileApi.PlanItem(p.id(), p.title(), p.indicatorCode(), p.dueOn(), status, p.note(), null));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
        }
        return new CultivationFileApi.Update(u.officer(), target, visits, items);
    }
}
