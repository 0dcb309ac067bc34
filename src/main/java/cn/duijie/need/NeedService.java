package cn.duijie.need;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.common.Actor;
import cn.duijie.common.CreditCode;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.common.Problem;
import cn.duijie.domain.NeedKind;
import cn.duijie.domain.NeedStatus;
import cn.duijie.graph.Graph;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Needs: their lifecycle in PostgreSQL, each change paired with an outbox row for the graph projection. */
@ApplicationScoped
public class NeedService {

    private static final Logger LOG = Logger.getLogger(NeedService.class);

    private final Graph graph;
    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final int defaultLifetimeDays;
    private final cn.duijie.account.AccessPolicy access;
    private final CodeProposer proposer;
    private final NeedRepository repository;
    private final OutboxRepository outbox;

    NeedService(Graph graph, ObjectMapper json, OutboxRelay relay, cn.duijie.account.AccessPolicy access,
                cn.duijie.common.ServiceConfig config, CodeProposer proposer, NeedRepository repository, OutboxRepository outbox) {
        this.repository = repository;
        this.outbox = outbox;
        this.access = access;
        this.proposer = proposer;
        this.graph = graph;
        this.json = json;
        this.relay = relay;
        this.defaultLifetimeDays = config.needs().defaultLifetimeDays();
    }

    /** Posts a need for the actor's firm (the actor comes from the login: cn.duijie.account.AccessPolicy#actFor). */
    public Uni<NeedApi.NeedView> create(Actor actor, NeedApi.NewNeed req) {
        if (actor.type() != Actor.Type.ENTERPRISE) {
            throw cn.duijie.account.AccessPolicy.forbidden(Messages.get("need.poster-firm"));
        }
        String postedBy = actor.id().strip().toUpperCase();
        List<Problem.FieldError> errors = shapeErrors(postedBy, req);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
        }
        return codes(req.kind(), req.title(), req.description(), clean(req.productCodes()), clean(req.technologyCodes()))
                .chain(codes -> unknownReferences(postedBy, codes.products(), codes.technologies()).chain(unknown -> {
                    if (!unknown.isEmpty()) {
                        throw DomainException.unprocessable(Messages.get("need.unknown-references", unknown.size()), unknown);
                    }
                    return Panache.withTransaction(() -> {
                        String id = req.id() == null || req.id().isBlank() ? newId() : req.id();
                        return repository.findById(id).chain(existing -> {
                            if (existing != null) {
                                throw DomainException.conflict(Messages.get("need.exists", id));
                            }
                            Need n = new Need();
                            n.id = id;
                            n.kind = req.kind();
                            n.status = req.status() == NeedStatus.DRAFT ? NeedStatus.DRAFT : NeedStatus.OPEN;
                            n.postedBy = postedBy;
                            n.title = req.title().strip();
                            n.description = req.description();
                            codes.applyTo(n);
                            n.quantity = req.quantity();
                            n.requiredCertifications = Need.join(clean(req.requiredCertifications()));
                            n.maxDistanceKm = req.maxDistanceKm();
                            n.amountWan = req.amountWan();
                            n.stage = req.stage();
                            n.instrument = req.instrument();
                            n.purpose = req.purpose();
                            OffsetDateTime now = now();
                            n.expiresAt = req.expiresAt() != null ? req.expiresAt() : now.plusDays(defaultLifetimeDays);
                            n.createdAt = now;
                            n.updatedAt = now;
                            n.createdBy = actor.label();
                            n.enteredBy = actor.name();
                            return repository.persistAndFlush(n).chain(() -> outbox(n)).replaceWith(n);
                        });
                    });
                }))
                .invoke(relay::nudge)
                .map(NeedApi.NeedView::from);
    }

    private List<Problem.FieldError> shapeErrors(String postedBy, NeedApi.NewNeed req) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String creditReason = CreditCode.explain(postedBy);
        if (creditReason != null) {
            errors.add(new Problem.FieldError("postedBy", creditReason));
        }
        // SUPPLY and TECH needs without codes get them proposed from their words (codes(...)); FINANCE needs an amount
        if (req.kind() == NeedKind.FINANCE && (req.amountWan() == null || req.amountWan().signum() <= 0)) {
            errors.add(new Problem.FieldError("amountWan", Messages.get("need.finance.amount")));
        }
        if (req.purpose() != null && req.kind() != NeedKind.SUPPLY) {
            errors.add(new Problem.FieldError("purpose", Messages.get("need.purpose.supply-only")));
        }
        if (req.expiresAt() != null && !req.expiresAt().isAfter(now())) {
            errors.add(new Problem.FieldError("expiresAt", Messages.get("need.expires.past")));
        }
        if (req.status() != null && req.status() != NeedStatus.DRAFT && req.status() != NeedStatus.OPEN) {
            errors.add(new Problem.FieldError("status", Messages.get("need.status.on-post", req.status())));
        }
        if (req.expiresAt() != null && req.expiresAt().isAfter(now().plusYears(3))) {
            errors.add(new Problem.FieldError("expiresAt", Messages.get("need.expires.far")));
        }
        return errors;
    }

    /**
     * The codes a need is matched on: the poster's when given; otherwise those Duijie reads in its title and
     * description (proposed, to be confirmed). A SUPPLY need needs a product, a TECH need a technology or a product:
     * when none is given and none can be read, 422 naming the field.
     */
    Uni<Codes> codes(NeedKind kind, String title, String description, List<String> products, List<String> technologies) {
        boolean given = switch (kind) {
            case SUPPLY -> !products.isEmpty();
            case TECH -> !products.isEmpty() || !technologies.isEmpty();
            case FINANCE -> true;
        };
        if (given) {
            return Uni.createFrom().item(new Codes(products, technologies, false, List.of()));
        }
        return proposer.propose(kind, title, description).map(proposed -> {
            List<String> p = proposed.stream().filter(c -> c.type().equals("PRODUCT")).map(NeedApi.ProposedCode::code).toList();
            List<String> t = proposed.stream().filter(c -> c.type().equals("TECHNOLOGY")).map(NeedApi.ProposedCode::code).toList();
            if (kind == NeedKind.SUPPLY && p.isEmpty()) {
                throw DomainException.unprocessable(Messages.get("need.supply.products-unread"),
                        List.of(new Problem.FieldError("productCodes", Messages.get("need.supply.products"))));
            }
            if (kind == NeedKind.TECH && p.isEmpty() && t.isEmpty()) {
                throw DomainException.unprocessable(Messages.get("need.tech.technologies-unread"),
                        List.of(new Problem.FieldError("technologyCodes", Messages.get("need.tech.technologies"))));
            }
            return new Codes(p, t, true, proposed);
        });
    }

    /** What a need is matched on, and whether Duijie proposed it. */
    record Codes(List<String> products, List<String> technologies, boolean proposed, List<NeedApi.ProposedCode> proposals) {
        void applyTo(Need n) {
            n.productCodes = Need.join(products);
            n.technologyCodes = Need.join(technologies);
            n.codesProposed = proposed;
            n.proposals(proposals);
        }
    }

    /**
     * References the graph does not know. When Neo4j cannot be reached the need is still accepted (it is the system
     * of record); the projection links what exists once Neo4j is back.
     */
    Uni<List<Problem.FieldError>> unknownReferences(String postedBy, List<String> products, List<String> technologies) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("firm", postedBy == null ? "" : postedBy.strip().toUpperCase());
        params.put("products", clean(products));
        params.put("technologies", clean(technologies));
        return graph.read("""
                        OPTIONAL MATCH (e:Enterprise {creditCode: $firm})
                        WITH e IS NOT NULL AS firmKnown
                        RETURN firmKnown,
                               [c IN $products WHERE NOT EXISTS { MATCH (:Product {code: c}) }] AS unknownProducts,
                               [c IN $technologies WHERE NOT EXISTS { MATCH (:Technology {code: c}) }] AS unknownTechnologies
                        """, params)
                .map(rows -> {
                    var r = rows.get(0);
                    List<Problem.FieldError> out = new ArrayList<>();
                    if (postedBy != null && !r.get("firmKnown").asBoolean()) {
                        out.add(new Problem.FieldError("postedBy", Messages.get("need.unknown-firm", params.get("firm"))));
                    }
                    r.get("unknownProducts").asList(v -> v.asString()).forEach(c ->
                            out.add(new Problem.FieldError("productCodes", Messages.get("need.unknown-product", c))));
                    r.get("unknownTechnologies").asList(v -> v.asString()).forEach(c ->
                            out.add(new Problem.FieldError("technologyCodes", Messages.get("need.unknown-technology", c))));
                    return out;
                })
                .onFailure(e -> !(e instanceof DomainException)).recoverWithItem(e -> {
                    LOG.warnf("Neo4j unreachable while checking a need's references (%s); accepting it unchecked", e.toString());
                    return List.of();
                });
    }

    /** Fails with the need's 404 unless the caller may act for its poster (opens its own session). */
    public Uni<Void> checkOwned(cn.duijie.account.Caller caller, String id) {
        return Panache.withSession(() -> owned(caller, id)).replaceWithVoid();
    }

    /** An open need for anyone; any other only for its poster and the poster's region's bureau (else 404). */
    public Uni<NeedApi.NeedView> get(cn.duijie.account.Caller caller, String id) {
        return Panache.withSession(() -> find(id).chain(n -> n.status == NeedStatus.OPEN ? Uni.createFrom().item(n) : owned(caller, n)))
                .map(NeedApi.NeedView::from);
    }

    /** The need, when the caller may act for its poster; otherwise 404 so another party's need stays hidden. */
    public Uni<Need> owned(cn.duijie.account.Caller caller, String id) {
        return find(id).chain(n -> owned(caller, n));
    }

    private Uni<Need> owned(cn.duijie.account.Caller caller, Need n) {
        return access.mayActFor(caller, Actor.enterprise(n.postedBy)).map(ok -> {
            if (!ok) {
                throw DomainException.notFound(Messages.get("need.not-found", n.id));
            }
            return n;
        });
    }

    /** The need itself (also for matching); a 404 problem when unknown. Call inside a session. */
    public Uni<Need> find(String id) {
        return repository.findById(id).onItem().ifNull().failWith(() -> DomainException.notFound(Messages.get("need.not-found", id)));
    }

    /** A firm's newest open need of a kind, or null. Call inside a session. */
    public Uni<Need> newestOpen(String postedBy, NeedKind kind) {
        return repository.newestOpen(postedBy, kind);
    }
    /**
     * Needs, newest first. Open needs are public; drafts and closed needs are listed only to the poster, its region's
     * bureau (both when listing by {@code postedBy}) and ADMIN.
     */
    public Uni<Page<NeedApi.NeedView>> list(cn.duijie.account.Caller caller, NeedKind kind, NeedStatus status,
                                            String postedBy, int page, int size) {
        return list(caller, kind, status, postedBy, cn.duijie.common.SortParam.Order.of(NeedApi.Sort.NEWEST), page, size);
    }

    public Uni<Page<NeedApi.NeedView>> list(cn.duijie.account.Caller caller, NeedKind kind, NeedStatus status,
                                            String postedBy, cn.duijie.common.SortParam.Order<NeedApi.Sort> sort, int page, int size) {
        Uni<Boolean> seesAll = caller.is(cn.duijie.account.Role.ADMIN) ? Uni.createFrom().item(true)
                : postedBy == null || postedBy.isBlank() ? Uni.createFrom().item(false)
                : access.mayActFor(caller, Actor.enterprise(postedBy.strip().toUpperCase()));
        return seesAll.chain(all -> list(kind, all ? status : NeedStatus.OPEN, all || status == null || status == NeedStatus.OPEN,
                postedBy, sort == null ? cn.duijie.common.SortParam.Order.of(NeedApi.Sort.NEWEST) : sort, page, size));
    }

    /** The columns of each whitelisted order, all reversed for {@code -KEY}; ties newest first, then by id, so pages never overlap. */
    private static Sort order(cn.duijie.common.SortParam.Order<NeedApi.Sort> sort) {
        return sort.apply(usual(sort.key()));
    }

    private static Sort usual(NeedApi.Sort sort) {
        Sort newest = Sort.descending("createdAt").and("id");
        return switch (sort) {
            case NEWEST -> newest;
            case TITLE -> Sort.ascending("title").and("createdAt", Sort.Direction.Descending).and("id");
            case KIND -> Sort.ascending("kind").and("createdAt", Sort.Direction.Descending).and("id");
            case STATUS -> Sort.ascending("status").and("createdAt", Sort.Direction.Descending).and("id");
            case POSTER -> Sort.ascending("postedBy").and("createdAt", Sort.Direction.Descending).and("id");
            case EXPIRES -> Sort.ascending("expiresAt").and("id");
        };
    }

    private Uni<Page<NeedApi.NeedView>> list(NeedKind kind, NeedStatus status, boolean any, String postedBy,
                                             cn.duijie.common.SortParam.Order<NeedApi.Sort> sort,
                                             int page, int size) {
        return Panache.withSession(() -> {
            var query = repository.filtered(kind, status, postedBy, any, order(sort));
            return query.count().chain(total -> query.page(page, size).list()
                    .map(items -> new Page<>(items.stream().map(NeedApi.NeedView::from).toList(), total, page, size)));
        });
    }

    /** Changes a need for a caller who may act for its poster (else 404, as if it did not exist). */
    public Uni<NeedApi.NeedView> patch(cn.duijie.account.Caller caller, String id, NeedApi.NeedPatch patch) {
        Actor named = patch.actor() == null || patch.actor().isBlank() ? null : FeedbackService.parseActor(patch.actor());
        List<String> products = patch.productCodes() == null ? null : clean(patch.productCodes());
        List<String> technologies = patch.technologyCodes() == null ? null : clean(patch.technologyCodes());
        Uni<List<Problem.FieldError>> unknown = products != null || technologies != null
                ? unknownReferences(null, products == null ? List.of() : products, technologies == null ? List.of() : technologies)
                : Uni.createFrom().item(List.of());
        return unknown.chain(errors -> {
            failOnUnknown(errors);
            return Panache.withTransaction(() -> owned(caller, id).chain(n -> {
                Actor poster = Actor.enterprise(n.postedBy);
                if (named != null && !named.sameParty(poster) && !named.sameParty(caller.ownParty())) {
                    throw cn.duijie.account.AccessPolicy.forbidden(Messages.get("access.not-your-party", named.label()));
                }
                applyPatch(n, patch);
                return patchCodes(n, patch, products, technologies).chain(() -> {
                    n.updatedAt = now();
                    return repository.persistAndFlush(n).chain(() -> outbox(n)).replaceWith(n);
                });
            }));
        }).invoke(relay::nudge).map(NeedApi.NeedView::from);
    }

    /**
     * The poster keeps the chosen ones of the codes Duijie read in the need's words and confirms them (the need page's
     * checkboxes, as {@code actor}); technologies count only for a TECH need, so for any other they are left out here.
     */
    public Uni<NeedApi.NeedView> confirmCodes(cn.duijie.account.Caller caller, String id, String actor,
                                              List<String> products, List<String> technologies) {
        return Panache.withSession(() -> owned(caller, id)).chain(n -> patch(caller, id, new NeedApi.NeedPatch(
                null, null, null, null, null, null, null, null, actor, products,
                n.kind == NeedKind.TECH ? technologies : null, true)));
    }

    private static void failOnUnknown(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw DomainException.unprocessable(Messages.get("need.unknown-references", errors.size()), errors);
        }
    }

    /**
     * The codes part of a change: codes the poster sends replace the need's (and end the proposal); confirmCodes keeps
     * the proposed ones as the poster's; a new title or description of a need whose codes are still proposed reads
     * them again. {@code newProducts} and {@code newTechnologies} are the patch's codes, cleaned (null: unchanged).
     */
    private Uni<Void> patchCodes(Need n, NeedApi.NeedPatch patch, List<String> newProducts, List<String> newTechnologies) {
        if (newProducts != null || newTechnologies != null) {
            if (n.status.isClosed()) {
                throw DomainException.conflict(Messages.get("need.closed", n.status));
            }
            List<String> products = newProducts != null ? newProducts : n.productCodeList();
            List<String> technologies = newTechnologies != null ? newTechnologies : n.technologyCodeList();
            if (n.kind == NeedKind.SUPPLY && products.isEmpty()) {
                throw DomainException.invalid("productCodes", Messages.get("need.supply.products"));
            }
            if (n.kind == NeedKind.TECH && products.isEmpty() && technologies.isEmpty()) {
                throw DomainException.invalid("technologyCodes", Messages.get("need.tech.technologies"));
            }
            n.productCodes = Need.join(products);
            n.technologyCodes = Need.join(technologies);
            n.codesProposed = false;
            return Uni.createFrom().voidItem();
        }
        if (Boolean.TRUE.equals(patch.confirmCodes())) {
            n.codesProposed = false;
            return Uni.createFrom().voidItem();
        }
        if (n.codesProposed && (patch.title() != null || patch.description() != null)) {
            return codes(n.kind, n.title, n.description, List.of(), List.of()).invoke(c -> c.applyTo(n)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private void applyPatch(Need n, NeedApi.NeedPatch patch) {
        NeedStatus from = n.status;
        if (patch.expiresAt() != null) {
            if (!patch.expiresAt().isAfter(now())) {
                throw DomainException.invalid("expiresAt", Messages.get("need.expires.past"));
            }
            n.expiresAt = patch.expiresAt();
        }
        if (patch.status() != null && patch.status() != from) {
            NeedStatus to = patch.status();
            if (!from.canBecome(to)) {
                throw DomainException.conflict(Messages.get("need.transition", from, to));
            }
            if (to == NeedStatus.OPEN && !n.expiresAt.isAfter(now())) {
                n.expiresAt = now().plusDays(defaultLifetimeDays);
            }
            n.status = to;
        } else if (from == NeedStatus.EXPIRED && patch.expiresAt() != null) {
            n.status = NeedStatus.OPEN;
        }
        if (from.isClosed()) {
            if (patch.title() != null || patch.description() != null || patch.quantity() != null || patch.expiresAt() != null) {
                throw DomainException.conflict(Messages.get("need.closed", from));
            }
        }
        if (patch.title() != null) {
            if (patch.title().isBlank()) {
                throw DomainException.invalid("title", Messages.get("import.row.required"));
            }
            n.title = patch.title().strip();
        }
        if (patch.description() != null) {
            n.description = patch.description();
        }
        if (patch.quantity() != null) {
            n.quantity = patch.quantity();
        }
        if (patch.maxDistanceKm() != null) {
            n.maxDistanceKm = patch.maxDistanceKm();
        }
        if (patch.requiredCertifications() != null) {
            n.requiredCertifications = Need.join(clean(patch.requiredCertifications()));
        }
        if (patch.amountWan() != null) {
            n.amountWan = patch.amountWan();
        }
    }

    /** Marks OPEN needs past their expiry as EXPIRED (with outbox rows); returns how many. */
    public Uni<Integer> expireDue() {
        return Panache.withTransaction(() -> repository.openExpiredBy(now())
                .chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Need n : due) {
                        n.status = NeedStatus.EXPIRED;
                        n.updatedAt = now();
                        chain = chain.chain(() -> outbox(n));
                    }
                    return chain.replaceWith(due.size());
                }))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Expired %d needs", count);
                        relay.nudge();
                    }
                });
    }

    Uni<Void> outbox(Need n) {
        return outbox.add("NEED", n.id, "NEED_UPSERTED", payload(n));
    }

    String payload(Need n) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", n.id);
        p.put("kind", n.kind);
        p.put("status", n.status);
        p.put("postedBy", n.postedBy);
        p.put("title", n.title);
        p.put("description", n.description);
        p.put("productCodes", n.productCodeList());
        p.put("technologyCodes", n.technologyCodeList());
        p.put("quantity", n.quantity);
        p.put("requiredCertifications", n.certificationList());
        p.put("maxDistanceKm", n.maxDistanceKm);
        p.put("amountWan", n.amountWan == null ? null : n.amountWan.doubleValue());
        p.put("stage", n.stage);
        p.put("instrument", n.instrument);
        p.put("expiresAt", n.expiresAt.toString());
        p.put("version", java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, n.updatedAt.toInstant()));
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static String newId() {
        return "N-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }
}
