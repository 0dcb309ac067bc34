package cn.duijie.contact;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Parties' contact details (table party_contact), by party label. Call inside a session. */
@ApplicationScoped
public class PartyContactRepository implements PanacheRepositoryBase<PartyContact, String> {

    /** The details of those of these parties that have some. */
    public Uni<List<PartyContact>> ofParties(Collection<String> parties) {
        return list("party in ?1", List.copyOf(parties));
    }
}
