package cn.duijie.institution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.duijie.account.AccessPolicy;
import cn.duijie.account.Caller;
import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.domain.AchievementKind;
import cn.duijie.graph.Graph;
import cn.duijie.graph.Values;
import cn.duijie.imports.ImportEngine;
import cn.duijie.imports.ImportFile;
import cn.duijie.imports.ImportReport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A university or institute keeps its own achievements and experts: add and edit, with the importer's rules
 * (achievements.csv, experts.csv); only for the institution itself, its region's bureau and ADMIN.
 */
@ApplicationScoped
public class ResearchEditing {

    /** An achievement as entered (codes from the pickers). */
    public record AchievementInput(@NotBlank @Size(max = 300) String title, AchievementKind kind, @Min(1) @Max(9) Long trl,
                                   @Size(max = 50) List<String> technologyCodes, @Size(max = 50) List<String> productCodes,
                                   @Size(max = 5000) String description) {
    }

    /** An expert as entered. */
    public record ExpertInput(@NotBlank @Size(max = 100) String name, @Size(max = 100) String title,
                              @Size(max = 50) List<String> technologyCodes) {
    }

    /** A code with its name, for the chosen items of a picker. */
    public record Coded(String code, String name) {
        static List<Coded> list(org.neo4j.driver.Value v) {
            return Values.list(v, x -> new Coded(Values.text(x.get("code")), Values.text(x.get("name"))));
        }
    }

    /** An achievement with the codes it refers to, to fill the edit form. */
    public record AchievementEdit(String id, String title, AchievementKind kind, Long trl, List<Coded> technologies,
                                  List<Coded> products, String description) {
    }

    /** An expert with the codes of its technologies. */
    public record ExpertEdit(String id, String name, String title, List<Coded> technologies) {
    }

    private final AccessPolicy access;
    private final Graph graph;
    private final ImportEngine engine;

    ResearchEditing(AccessPolicy access, Graph graph, ImportEngine engine) {
        this.access = access;
        this.graph = graph;
        this.engine = engine;
    }

    public Uni<AchievementEdit> achievement(Caller caller, String institutionId, String id) {
        return access.requireParty(caller, new Actor(Actor.Type.INSTITUTION, institutionId)).chain(() -> graph.read("""
                MATCH (a:Achievement {id: $id})-[:OWNED_BY]->(:Institution {id: $institution})
                RETURN a {.id, .title, .kind, .trl, .description,
                          technologies: [(a)-[:ABOUT]->(t:Technology) | {code: t.code, name: t.name}],
                          products: [(a)-[:APPLIES_TO]->(p:Product) | {code: p.code, name: p.name}]} AS a
                """, Map.of("id", id, "institution", institutionId))).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.notFound(Messages.get("research.achievement-not-found", id));
            }
            var v = rows.get(0).get("a");
            return new AchievementEdit(Values.text(v.get("id")), Values.text(v.get("title")),
                    Values.constant(v.get("kind"), AchievementKind.class), Values.whole(v.get("trl")), Coded.list(v.get("technologies")),
                    Coded.list(v.get("products")), Values.text(v.get("description")));
        });
    }

    public Uni<ExpertEdit> expert(Caller caller, String institutionId, String id) {
        return access.requireParty(caller, new Actor(Actor.Type.INSTITUTION, institutionId)).chain(() -> graph.read("""
                MATCH (x:Expert {id: $id})-[:WORKS_AT]->(:Institution {id: $institution})
                RETURN x {.id, .name, .title, technologies: [(x)-[:EXPERT_IN]->(t:Technology) | {code: t.code, name: t.name}]} AS x
                """, Map.of("id", id, "institution", institutionId))).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.notFound(Messages.get("research.expert-not-found", id));
            }
            var v = rows.get(0).get("x");
            return new ExpertEdit(Values.text(v.get("id")), Values.text(v.get("name")), Values.text(v.get("title")),
                    Coded.list(v.get("technologies")));
        });
    }

    /** Adds (id null) or changes one of the institution's achievements; answers its id. */
    public Uni<String> saveAchievement(Caller caller, String institutionId, String id, AchievementInput in) {
        String key = id == null || id.isBlank() ? "ACH-" + shortId() : id.strip();
        return owned(caller, institutionId, id == null || id.isBlank() ? Optional.empty() : Optional.of(key), ACHIEVEMENT_OWNED,
                "research.achievement-not-found").chain(() -> {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("id", key);
            cells.put("title", in.title().strip());
            cells.put("institutionId", institutionId);
            cells.put("kind", in.kind() == null ? "" : in.kind().name());
            cells.put("trl", in.trl() == null ? "" : in.trl().toString());
            cells.put("technologyCodes", join(in.technologyCodes()));
            cells.put("productCodes", join(in.productCodes()));
            cells.put("description", in.description() == null ? "" : in.description().strip());
            return apply(ImportFile.ACHIEVEMENTS, cells).replaceWith(key);
        });
    }

    /** Adds (id null) or changes one of the institution's experts; answers its id. */
    public Uni<String> saveExpert(Caller caller, String institutionId, String id, ExpertInput in) {
        String key = id == null || id.isBlank() ? "EXP-" + shortId() : id.strip();
        return owned(caller, institutionId, id == null || id.isBlank() ? Optional.empty() : Optional.of(key), EXPERT_OWNED,
                "research.expert-not-found").chain(() -> {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("id", key);
            cells.put("name", in.name().strip());
            cells.put("title", in.title() == null ? "" : in.title().strip());
            cells.put("institutionId", institutionId);
            cells.put("technologyCodes", join(in.technologyCodes()));
            return apply(ImportFile.EXPERTS, cells).replaceWith(key);
        });
    }

    private static final String ACHIEVEMENT_OWNED = "MATCH (n:Achievement {id: $id})-[:OWNED_BY]->(:Institution {id: $institution}) RETURN count(n) AS n";
    private static final String EXPERT_OWNED = "MATCH (n:Expert {id: $id})-[:WORKS_AT]->(:Institution {id: $institution}) RETURN count(n) AS n";

    /** The caller acts for the institution, and an existing node is the institution's own (else 404). */
    private Uni<Void> owned(Caller caller, String institutionId, Optional<String> existing, String ownedQuery, String notFound) {
        Uni<Void> mayAct = access.requireParty(caller, new Actor(Actor.Type.INSTITUTION, institutionId));
        if (existing.isEmpty()) {
            return mayAct;
        }
        return mayAct.chain(() -> graph.read(ownedQuery, Map.of("id", existing.get(), "institution", institutionId))).map(rows -> {
            if (rows.get(0).get("n").asLong() == 0) {
                throw DomainException.notFound(Messages.get(notFound, existing.get()));
            }
            return null;
        });
    }

    /** The importer's row rules, on a worker thread (it blocks); a refused row is a 400 (422 for unknown codes). */
    private Uni<Void> apply(ImportFile file, Map<String, String> cells) {
        return Uni.createFrom().item(() -> {
            ImportReport report = engine.applyOne(file, cells);
            if (!report.errors().isEmpty()) {
                List<Problem.FieldError> errors = report.errors().stream().map(e -> new Problem.FieldError(e.column(), e.reason())).toList();
                if (report.errors().stream().allMatch(e -> e.cause() == ImportReport.Cause.REFERENCE)) {
                    throw DomainException.unprocessable(Messages.get("research.unknown-references"), errors);
                }
                throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
            }
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static String join(List<String> codes) {
        return codes == null ? "" : String.join("|", codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
