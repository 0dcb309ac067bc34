package cn.duijie.contact;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import cn.duijie.account.AccessPolicy;
import cn.duijie.account.Caller;
import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.domain.CandidateType;
import cn.duijie.graph.Graph;
import cn.duijie.need.NeedRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Contact details and consent (对接 means "put in touch"): details are kept per party, shown to another party only
 * after it asked and was accepted, and every showing is written to the reveal audit.
 */
@ApplicationScoped
public class ContactService {

    public enum Decision { ACCEPT, DECLINE, WITHDRAW }

    /**
     * Another kind of request whose consent is a contact request (a fair's 洽谈请求): answering the contact request in
     * the 对接请求 inbox answers it too, in the same transaction.
     */
    public interface ConsentHolder {
        Uni<Void> contactDecided(ContactRequest decided, Decision decision, Caller caller);
    }

    private final AccessPolicy access;
    private final Graph graph;
    private final Instance<ConsentHolder> holders;
    private final ContactRequestRepository requests;
    private final PartyContactRepository details;
    private final ContactRevealRepository reveals;
    private final NeedRepository needs;

    ContactService(AccessPolicy access, Graph graph, @Any Instance<ConsentHolder> holders, ContactRequestRepository requests,
                   PartyContactRepository details, ContactRevealRepository reveals, NeedRepository needs) {
        this.requests = requests;
        this.details = details;
        this.reveals = reveals;
        this.needs = needs;
        this.access = access;
        this.graph = graph;
        this.holders = holders;
    }

    // ---- own details ---------------------------------------------------------------------------------------------

    /**
     * A party's contact as a clerk's import gave it, unless the party has one already (what the party entered wins).
     * Name, mobile and e-mail are all needed (the table requires them); otherwise nothing is stored.
     */
    public Uni<Void> importIfAbsent(Actor party, String name, String mobile, String email, String enteredBy) {
        if (name == null || mobile == null || email == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> details.findById(party.label()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            PartyContact c = new PartyContact();
            c.party = party.label();
            c.name = name.strip();
            c.mobile = mobile;
            c.email = email;
            c.updatedBy = enteredBy;
            c.updatedAt = now();
            return details.persist(c).replaceWithVoid();
        }));
    }

    public Uni<ContactApi.ContactView> putMine(Caller caller, ContactApi.ContactDetails in) {
        String party = contactParty(caller).label();
        return Panache.withTransaction(() -> details.findById(party).chain(existing -> {
            PartyContact c = existing != null ? existing : new PartyContact();
            c.party = party;
            c.name = in.name().strip();
            c.mobile = in.mobile().strip();
            c.email = in.email().strip();
            c.phone = in.phone() == null || in.phone().isBlank() ? null : in.phone().strip();
            c.updatedBy = caller.username();
            c.updatedAt = now();
            return details.persist(c);
        })).map(ContactApi.ContactView::of);
    }

    public Uni<ContactApi.ContactView> mine(Caller caller) {
        String party = contactParty(caller).label();
        return Panache.withSession(() -> details.findById(party)).map(c -> {
            if (c == null) {
                throw DomainException.notFound(Messages.get("contact.none-yet"));
            }
            return ContactApi.ContactView.of(c);
        });
    }

    // ---- requests ------------------------------------------------------------------------------------------------

    /** The caller's party asks another party (a supplier's "I can serve this need", or any 对接). */
    public Uni<ContactApi.ContactRequestView> request(Caller caller, ContactApi.NewContactRequest in) {
        Actor from = contactParty(caller);
        return recipient(in.toParty()).chain(to -> {
            if (to.sameParty(from)) {
                throw DomainException.invalid("toParty", Messages.get("contact.self"));
            }
            return Panache.withTransaction(() -> needVisible(caller, in.needId())
                    .chain(() -> open(from.label(), to.label(), in.needId()))
                    .chain(existing -> {
                        if (existing != null) {
                            throw DomainException.conflict(Messages.get("contact.already", existing.id, existing.status));
                        }
                        return create(from, to, in.needId(), in.note(), caller.username());
                    }));
        }).map(r -> view(r, from.label(), null));
    }

    /**
     * A poster's CONTACT_REQUESTED feedback: a request from the poster to the candidate (an expert's or an
     * achievement's lab, a fund's investor), in the caller's transaction; an open request for the pair and need is
     * reused.
     */
    public Uni<ContactRequest> requestFromFeedback(Actor poster, CandidateType candidateType, String candidateId, String needId,
                                                   String note, String username) {
        Uni<Actor> candidate = switch (candidateType) {
            case EXPERT -> owner("MATCH (:Expert {id: $id})-[:WORKS_AT]->(i:Institution) RETURN i.id AS id", candidateId);
            case ACHIEVEMENT -> owner("MATCH (:Achievement {id: $id})-[:OWNED_BY]->(i:Institution) RETURN i.id AS id", candidateId);
            default -> Uni.createFrom().item(new Actor(Actor.Type.valueOf(candidateType.name()), candidateId));
        };
        return candidate.chain(this::normalize).chain(to -> open(poster.label(), to.label(), needId)
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : create(poster, to, needId, note, username)));
    }

    private Uni<Actor> owner(String cypher, String id) {
        return graph.read(cypher, Map.of("id", id)).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.unprocessable(Messages.get("contact.unknown-party", id),
                        List.of(new cn.duijie.common.Problem.FieldError("candidateId", Messages.get("contact.unknown-party", id))));
            }
            return new Actor(Actor.Type.INSTITUTION, rows.get(0).get("id").asString());
        });
    }

    public Uni<ContactApi.ContactRequestView> decide(Caller caller, UUID id, Decision decision) {
        return Panache.withTransaction(() -> requests.lockedById(id).chain(r -> {
            if (r == null) {
                throw notFound(id);
            }
            String side = decision == Decision.WITHDRAW ? r.fromParty : r.toParty;
            return access.mayActFor(caller, Actor.parse(side)).chain(ok -> {
                if (!ok) {
                    throw notFound(id);
                }
                if (r.status != ContactRequest.Status.PENDING) {
                    throw DomainException.conflict(Messages.get("contact.not-pending", r.status));
                }
                return apply(r, decision, caller.username())
                        .call(saved -> decision == Decision.WITHDRAW ? Uni.createFrom().voidItem() : tellHolders(saved, decision, caller))
                        .chain(saved -> withDetails(caller, side, List.of(saved)))
                        .map(views -> views.get(0));
            });
        }));
    }

    /** One after another: they share the transaction's session. */
    private Uni<Void> tellHolders(ContactRequest decided, Decision decision, Caller caller) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ConsentHolder h : holders) {
            chain = chain.chain(() -> h.contactDecided(decided, decision, caller));
        }
        return chain;
    }

    private Uni<ContactRequest> apply(ContactRequest r, Decision decision, String username) {
        r.status = switch (decision) {
            case ACCEPT -> ContactRequest.Status.ACCEPTED;
            case DECLINE -> ContactRequest.Status.DECLINED;
            case WITHDRAW -> ContactRequest.Status.WITHDRAWN;
        };
        r.decidedBy = username;
        r.decidedAt = now();
        return requests.persist(r);
    }

    // ---- consent behind other requests (event meeting requests) --------------------------------------------------

    /**
     * The contact request behind another kind of request (a fair's 洽谈请求): from the asking party to the asked one,
     * in the caller's transaction; an open one for the pair (without a need) is reused. Null when either side has no
     * contact details to share (a fund without an investor, a party not in the graph) or both are the same party.
     */
    public Uni<ContactRequest> requestOnBehalf(Actor from, Actor to, String note, String username) {
        return contactable(from).chain(f -> contactable(to).chain(t -> {
            if (f.isEmpty() || t.isEmpty() || f.get().sameParty(t.get())) {
                return Uni.createFrom().<ContactRequest>nullItem();
            }
            return open(f.get().label(), t.get().label(), null).chain(existing -> existing != null
                    ? Uni.createFrom().item(existing) : create(f.get(), t.get(), null, note, username));
        }));
    }

    /**
     * Carries the other request's decision to its contact request, in the caller's transaction: the caller has
     * checked that the deciding account may answer for the asked party. Only a pending request changes, and the
     * holders are not told again (the caller is the holder).
     */
    public Uni<Void> decideOnBehalf(UUID contactRequestId, Decision decision, String username) {
        if (contactRequestId == null) {
            return Uni.createFrom().voidItem();
        }
        return requests.findById(contactRequestId).chain(r -> r == null || r.status != ContactRequest.Status.PENDING
                ? Uni.createFrom().voidItem() : apply(r, decision, username).replaceWithVoid());
    }

    /**
     * The other side's details on each of these contact requests that the caller's party is in and that were
     * accepted (each showing audited), by request id; nothing for a caller who is not a party.
     */
    public Uni<Map<UUID, ContactApi.ContactView>> sharedOn(Caller caller, java.util.Collection<UUID> requestIds) {
        Actor own = caller.anonymous() ? null : caller.ownParty();
        List<UUID> ids = requestIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (own == null || ids.isEmpty()
                || !List.of(Actor.Type.ENTERPRISE, Actor.Type.INSTITUTION, Actor.Type.INVESTOR).contains(own.type())) {
            return Uni.createFrom().item(Map.of());
        }
        String me = own.label();
        return Panache.withTransaction(() -> requests.amongWith(ids, me)
                .chain(rows -> withDetails(caller, me, rows))
                .map(views -> {
                    Map<UUID, ContactApi.ContactView> byId = new java.util.HashMap<>();
                    views.stream().filter(v -> v.contact() != null).forEach(v -> byId.put(v.id(), v.contact()));
                    return byId;
                }));
    }

    /** The caller's requests, received ({@code in}) or sent ({@code out}), newest first, with details where accepted. */
    public Uni<List<ContactApi.ContactRequestView>> list(Caller caller, String direction) {
        String me = ownParty(caller).label();
        boolean in = !"out".equalsIgnoreCase(direction);
        return Panache.withTransaction(() -> (in ? requests.receivedBy(me) : requests.sentBy(me))
                .chain(rows -> withDetails(caller, me, rows)));
    }

    /** Ids of the needs the caller's party has asked about and not been refused (pending or accepted); reveals nothing. */
    public Uni<java.util.Set<String>> askedAbout(Caller caller) {
        String me = ownParty(caller).label();
        return Panache.withSession(() -> requests.openAboutNeedsFrom(me))
                .map(rows -> rows.stream().map(r -> r.needId).collect(Collectors.toSet()));
    }

    /** Whether the caller's party has an open (pending or accepted) request to this party about this need (or none). */
    public Uni<Boolean> hasAsked(Caller caller, ContactApi.Party to, String needId) {
        Actor own = caller.anonymous() ? null : caller.ownParty();
        if (own == null) {
            return Uni.createFrom().item(false);
        }
        return contactable(new Actor(Actor.Type.valueOf(to.type().name()), to.id().strip())).chain(party -> party.isEmpty()
                ? Uni.createFrom().item(false)
                : Panache.withSession(() -> open(own.label(), party.get().label(), needId)).map(java.util.Objects::nonNull));
    }

    /** Details of every party the caller's party may now see (an accepted request either way). */
    public Uni<List<ContactApi.SharedContact>> contacts(Caller caller) {
        String me = ownParty(caller).label();
        return Panache.withTransaction(() -> requests.acceptedWith(me)
                .chain(rows -> withDetails(caller, me, rows))
                .map(views -> views.stream().filter(v -> v.contact() != null)
                        .map(v -> new ContactApi.SharedContact(v.id(), v.needId(), v.decidedAt(), v.contact())).toList()));
    }

    /** Who is behind each party label and what each named need is called, for showing requests to people. */
    public record Names(Map<String, String> parties, Map<String, String> needs) {
        public String party(ContactApi.Party p) {
            return p == null ? "" : parties.getOrDefault(p.type() + ":" + p.id(), p.id());
        }

        public String need(String id) {
            return id == null ? "" : needs.getOrDefault(id, id);
        }
    }

    /** Names of the parties and titles of the needs of these requests (graph first, then the needs, one after another). */
    public Uni<Names> names(List<ContactApi.ContactRequestView> requests) {
        List<String> labels = requests.stream().flatMap(r -> java.util.stream.Stream.of(r.from(), r.to()))
                .map(p -> p.type() + ":" + p.id()).distinct().toList();
        List<String> needIds = requests.stream().map(ContactApi.ContactRequestView::needId).filter(java.util.Objects::nonNull).distinct().toList();
        Uni<Map<String, String>> parties = labels.isEmpty() ? Uni.createFrom().item(Map.of()) : graph.read("""
                UNWIND $labels AS label
                WITH label, split(label, ':')[0] AS type, substring(label, size(split(label, ':')[0]) + 1) AS key
                OPTIONAL MATCH (e:Enterprise {creditCode: key}) WHERE type = 'ENTERPRISE'
                OPTIONAL MATCH (i:Institution {id: key}) WHERE type = 'INSTITUTION'
                OPTIONAL MATCH (v:Investor {id: key}) WHERE type = 'INVESTOR'
                RETURN label, coalesce(e.name, i.name, v.name) AS name
                """, Map.of("labels", labels)).map(rows -> {
            Map<String, String> m = new java.util.HashMap<>();
            rows.forEach(r -> {
                if (!r.get("name").isNull()) {
                    m.put(r.get("label").asString(), r.get("name").asString());
                }
            });
            return m;
        });
        return parties.chain(p -> needIds.isEmpty() ? Uni.createFrom().item(new Names(p, Map.<String, String>of()))
                : Panache.withSession(() -> needs.byIds(needIds))
                        .map(list -> new Names(p, list.stream().collect(Collectors.toMap(n -> n.id, n -> n.title)))));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Views seen from {@code me}; for accepted requests the other side's details, each showing audited. */
    private Uni<List<ContactApi.ContactRequestView>> withDetails(Caller caller, String me, List<ContactRequest> rows) {
        List<String> others = rows.stream().filter(r -> r.status == ContactRequest.Status.ACCEPTED)
                .map(r -> other(r, me)).distinct().toList();
        Uni<Map<String, PartyContact>> shown = others.isEmpty() ? Uni.createFrom().item(Map.of())
                : details.ofParties(others)
                        .map(l -> l.stream().collect(Collectors.toMap(c -> c.party, Function.identity())));
        return shown.chain(byParty -> {
            List<ContactApi.ContactRequestView> views = new ArrayList<>();
            List<ContactReveal> audits = new ArrayList<>();
            for (ContactRequest r : rows) {
                PartyContact c = r.status == ContactRequest.Status.ACCEPTED ? byParty.get(other(r, me)) : null;
                views.add(view(r, me, c));
                if (c != null) {
                    ContactReveal audit = new ContactReveal();
                    audit.viewer = caller.username();
                    audit.viewerParty = me;
                    audit.party = c.party;
                    audit.requestId = r.id;
                    audit.revealedAt = now();
                    audits.add(audit);
                }
            }
            Uni<Void> written = audits.isEmpty() ? Uni.createFrom().voidItem() : reveals.persist(audits);
            return written.replaceWith(views);
        });
    }

    private static String other(ContactRequest r, String me) {
        return r.fromParty.equals(me) ? r.toParty : r.fromParty;
    }

    private static ContactApi.ContactRequestView view(ContactRequest r, String me, PartyContact other) {
        return new ContactApi.ContactRequestView(r.id, ContactApi.Party.of(r.fromParty), ContactApi.Party.of(r.toParty),
                r.needId, r.note, r.status, r.createdAt, r.decidedAt, other == null ? null : ContactApi.ContactView.of(other));
    }

    private Uni<ContactRequest> open(String from, String to, String needId) {
        return requests.open(from, to, needId);
    }

    private Uni<ContactRequest> create(Actor from, Actor to, String needId, String note, String username) {
        ContactRequest r = new ContactRequest();
        r.id = UUID.randomUUID();
        r.fromParty = from.label();
        r.toParty = to.label();
        r.needId = needId == null || needId.isBlank() ? null : needId.strip();
        r.note = note;
        r.status = ContactRequest.Status.PENDING;
        r.createdBy = username;
        r.createdAt = now();
        return requests.persist(r);
    }

    /** A need named in a request must be one the caller may see: open, or its own. */
    private Uni<Void> needVisible(Caller caller, String needId) {
        if (needId == null || needId.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return needs.findById(needId.strip()).chain(n -> {
            if (n == null) {
                throw DomainException.notFound(Messages.get("need.not-found", needId));
            }
            if (n.status == cn.duijie.domain.NeedStatus.OPEN) {
                return Uni.createFrom().voidItem();
            }
            return access.requireParty(caller, Actor.enterprise(n.postedBy));
        });
    }

    /** The party to ask: a fund's contact is its investor's; the party must exist in the graph. */
    private Uni<Actor> recipient(ContactApi.Party p) {
        return normalize(new Actor(Actor.Type.valueOf(p.type().name()), p.id().strip()));
    }

    private Uni<Actor> normalize(Actor party) {
        return contactable(party).map(r -> r.orElseThrow(() -> DomainException.unprocessable(Messages.get("contact.unknown-party", party.label()),
                List.of(new cn.duijie.common.Problem.FieldError("toParty", Messages.get("contact.unknown-party", party.label()))))));
    }

    /** The party whose details stand for this one (a fund's investor), if it is a firm, lab or investor in the graph. */
    private Uni<java.util.Optional<Actor>> contactable(Actor party) {
        Actor a = party.type() == Actor.Type.ENTERPRISE ? Actor.enterprise(party.id().toUpperCase()) : party;
        Uni<Actor> resolved = a.type() != Actor.Type.FUND ? Uni.createFrom().item(a)
                : graph.read("MATCH (:Fund {id: $id})<-[:MANAGES]-(i:Investor) RETURN i.id AS id", Map.of("id", a.id()))
                        .map(rows -> rows.isEmpty() ? a : new Actor(Actor.Type.INVESTOR, rows.get(0).get("id").asString()));
        return resolved.chain(r -> access.regionOf(r).map(region ->
                region.isPresent() && List.of(Actor.Type.ENTERPRISE, Actor.Type.INSTITUTION, Actor.Type.INVESTOR).contains(r.type())
                        ? java.util.Optional.of(r) : java.util.Optional.<Actor>empty()));
    }

    /** The party whose details an account keeps: a firm, a lab or an investor. */
    private static Actor contactParty(Caller caller) {
        Actor own = ownParty(caller);
        if (!List.of(Actor.Type.ENTERPRISE, Actor.Type.INSTITUTION, Actor.Type.INVESTOR).contains(own.type())) {
            throw AccessPolicy.forbidden(Messages.get("contact.parties-only"));
        }
        return own;
    }

    private static Actor ownParty(Caller caller) {
        if (caller.anonymous()) {
            throw AccessPolicy.unauthenticated();
        }
        return caller.ownParty();
    }

    private static DomainException notFound(UUID id) {
        return DomainException.notFound(Messages.get("contact.request-not-found", id));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
