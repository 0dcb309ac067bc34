package cn.duijie.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/**
 * The object-level half of the access rules, in one place: for whom a caller may act, and whose objects it may see.
 * ADMIN acts for anyone; bureau staff for the firms, labs, investors and funds of their region (and the regions
 * below it), recorded as the clerk who entered it; everyone else only for their own party.
 */
@ApplicationScoped
public class AccessPolicy {

    private final Graph graph;

    AccessPolicy(Graph graph) {
        this.graph = graph;
    }

    /**
     * The party a request acts for: the caller's own when the body names none; the named one when the caller may
     * act for it; otherwise 403. The result carries the caller's username as {@code enteredBy}.
     */
    public Uni<Actor> actFor(Caller caller, Actor named) {
        if (caller.anonymous()) {
            return Uni.createFrom().failure(unauthenticated());
        }
        if (named == null || named.id() == null || named.id().isBlank()) {
            return Uni.createFrom().item(caller.ownParty());
        }
        Actor wanted = new Actor(named.type(), named.id().strip(), caller.username());
        return mayActFor(caller, wanted).map(ok -> {
            if (!ok) {
                throw forbidden(Messages.get("access.not-your-party", wanted.label()));
            }
            return wanted;
        });
    }

    /** Whether a caller may act for (and so see the private objects of) a party. */
    public Uni<Boolean> mayActFor(Caller caller, Actor party) {
        if (caller.anonymous() || party == null) {
            return Uni.createFrom().item(false);
        }
        if (caller.is(Role.ADMIN) || caller.ownParty().sameParty(party)) {
            return Uni.createFrom().item(true);
        }
        if (caller.is(Role.INVESTOR) && party.type() == Actor.Type.FUND) {
            return graph.read("MATCH (:Investor {id: $investor})-[:MANAGES]->(f:Fund {id: $fund}) RETURN count(f) AS n",
                    Map.of("investor", caller.partyKey(), "fund", party.id())).map(r -> r.get(0).get("n").asLong() > 0);
        }
        if (caller.is(Role.BUREAU) && party.type() != Actor.Type.BUREAU && party.type() != Actor.Type.SYSTEM) {
            return regionOf(party).map(region -> region.map(r -> Regions.covers(caller.regionCode(), r)).orElse(false));
        }
        if (caller.is(Role.BUREAU) && party.type() == Actor.Type.BUREAU) {
            return Uni.createFrom().item(Regions.covers(caller.regionCode(), party.id()));
        }
        return Uni.createFrom().item(false);
    }

    /**
     * Continues only when the caller may act for the party (its own data, its region's bureau, ADMIN); otherwise
     * 404, so another party's private view does not reveal that it exists.
     */
    public Uni<Void> requireParty(Caller caller, Actor party) {
        return mayActFor(caller, party).map(ok -> {
            if (!ok) {
                throw DomainException.notFound(Messages.get("access.party-not-found", party.label()));
            }
            return null;
        });
    }

    /**
     * Who may register or edit a firm: the firm itself (an existing one), bureau staff of its region — of both the
     * old and the new region when it moves — and ADMIN. Otherwise 403 (a firm's public profile is no secret).
     */
    public Uni<Void> requireFirmEdit(Caller caller, String creditCode, String newRegion) {
        Actor firm = Actor.enterprise(creditCode == null ? "" : creditCode.strip().toUpperCase());
        return regionOf(firm).chain(region -> {
            if (caller.is(Role.ADMIN)) {
                return Uni.createFrom().voidItem();
            }
            boolean ok;
            if (region.isEmpty()) {
                ok = coversRegion(caller, newRegion);
            } else if (caller.is(Role.BUREAU)) {
                ok = coversRegion(caller, region.get()) && (newRegion == null || coversRegion(caller, newRegion));
            } else {
                ok = caller.ownParty() != null && caller.ownParty().sameParty(firm);
            }
            if (!ok) {
                throw forbidden(Messages.get("access.not-your-party", firm.label()));
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** Whether bureau staff of this caller's region may act in a region (ADMIN everywhere). */
    public boolean coversRegion(Caller caller, String regionCode) {
        return caller.is(Role.ADMIN) || (caller.is(Role.BUREAU) && Regions.covers(caller.regionCode(), regionCode));
    }

    /** 403 unless bureau staff of the caller's region may act in the region. */
    public void requireRegion(Caller caller, String regionCode) {
        if (!coversRegion(caller, regionCode)) {
            throw forbidden(Messages.get("access.not-your-region", regionCode == null ? "" : regionCode));
        }
    }

    /** The region code a graph party is located in (a fund: its investor's). */
    public Uni<Optional<String>> regionOf(Actor party) {
        String cypher = switch (party.type()) {
            case ENTERPRISE -> "MATCH (p:Enterprise {creditCode: $id})-[:LOCATED_IN]->(r:Region) RETURN r.code AS code";
            case INSTITUTION -> "MATCH (p:Institution {id: $id})-[:LOCATED_IN]->(r:Region) RETURN r.code AS code";
            case INVESTOR -> "MATCH (p:Investor {id: $id})-[:LOCATED_IN]->(r:Region) RETURN r.code AS code";
            case FUND -> "MATCH (:Fund {id: $id})<-[:MANAGES]-(:Investor)-[:LOCATED_IN]->(r:Region) RETURN r.code AS code";
            case BUREAU -> null;
            case PARTICIPANT, SYSTEM -> null; // a participant is located through its party (EventActors)
        };
        if (cypher == null) {
            return Uni.createFrom().item(Optional.ofNullable(party.type() == Actor.Type.BUREAU ? party.id() : null));
        }
        String id = party.type() == Actor.Type.ENTERPRISE ? party.id().toUpperCase() : party.id();
        return graph.read(cypher + " LIMIT 1", Map.of("id", id))
                .map(rows -> rows.isEmpty() ? Optional.<String>empty() : Optional.ofNullable(rows.get(0).get("code").asString(null)));
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "forbidden", Messages.get("problem.forbidden"), detail, List.of());
    }

    public static DomainException unauthenticated() {
        return new DomainException(401, "unauthenticated", Messages.get("problem.unauthenticated"),
                Messages.get("access.login-required"), List.of());
    }
}
