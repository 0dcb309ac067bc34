package cn.duijie.contact;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Contact requests (table contact_request); parties are Actor labels ("ENTERPRISE:9132…"). Call inside a session. */
@ApplicationScoped
public class ContactRequestRepository implements PanacheRepositoryBase<ContactRequest, UUID> {

    private static final List<ContactRequest.Status> OPEN = List.of(ContactRequest.Status.PENDING, ContactRequest.Status.ACCEPTED);

    /** The request, locked for an answer until the transaction ends; null when unknown. */
    public Uni<ContactRequest> lockedById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Those of these requests that the party is on either side of. */
    public Uni<List<ContactRequest>> amongWith(Collection<UUID> ids, String party) {
        return list("id in ?1 and (fromParty = ?2 or toParty = ?2)", List.copyOf(ids), party);
    }

    /** Requests the party received, newest first. */
    public Uni<List<ContactRequest>> receivedBy(String party) {
        return list("toParty = ?1 order by createdAt desc, id", party);
    }

    /** Requests the party sent, newest first. */
    public Uni<List<ContactRequest>> sentBy(String party) {
        return list("fromParty = ?1 order by createdAt desc, id", party);
    }

    /** The party's pending or accepted requests about a need. */
    public Uni<List<ContactRequest>> openAboutNeedsFrom(String party) {
        return list("fromParty = ?1 and needId is not null and status in ?2", party, OPEN);
    }

    /** Accepted requests the party is on either side of, most recently accepted first. */
    public Uni<List<ContactRequest>> acceptedWith(String party) {
        return list("status = ?1 and (fromParty = ?2 or toParty = ?2) order by decidedAt desc, id", ContactRequest.Status.ACCEPTED, party);
    }

    /** The pending or accepted request from one party to another about this need (none: about no need), or null. */
    public Uni<ContactRequest> open(String from, String to, String needId) {
        return needId == null || needId.isBlank()
                ? find("fromParty = ?1 and toParty = ?2 and needId is null and status in ?3", from, to, OPEN).firstResult()
                : find("fromParty = ?1 and toParty = ?2 and needId = ?3 and status in ?4", from, to, needId.strip(), OPEN).firstResult();
    }
}
