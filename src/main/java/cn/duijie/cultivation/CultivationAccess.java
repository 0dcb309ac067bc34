package cn.duijie.cultivation;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.account.AccessPolicy;
import cn.duijie.account.Caller;
import cn.duijie.account.CurrentCaller;
import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

/**
 * The cultivation desk's object-level access (the role gates are in AccessRules): targets, dashboards and candidate
 * lists only for bureau staff of the region concerned (or above) and ADMIN, others get 404; a firm's readiness for the firm itself and
 * its region's bureau; 一企一册 files for its region's bureau; a technology-transfer project for its two parties (the
 * achievement's institution, the receiving firm) and their regions' bureaus.
 */
@ApplicationScoped
public class CultivationAccess {

    private final AccessPolicy policy;
    private final CurrentCaller caller;

    CultivationAccess(AccessPolicy policy, CurrentCaller caller) {
        this.policy = policy;
        this.caller = caller;
    }

    /**
     * 404 unless the caller is bureau staff whose region covers this one, or ADMIN: another city's targets and lists
     * are its bureau's own, as another party's private object is (a missing region is left to the service's 400).
     */
    public Uni<Void> region(String regionCode) {
        return Uni.createFrom().item(() -> {
            if (regionCode != null && !regionCode.isBlank() && !policy.coversRegion(caller.get(), regionCode.strip())) {
                throw DomainException.notFound(Messages.get("access.region-hidden", regionCode.strip()));
            }
            return null;
        });
    }

    /** 404 unless the caller is the firm itself, bureau staff of its region, or ADMIN. */
    public Uni<Void> firm(String creditCode) {
        return policy.requireParty(caller.get(), Actor.enterprise(creditCode == null ? "" : creditCode.strip()));
    }

    /** 403 unless the caller may act for the receiving firm or the achievement's institution (or a bureau of either's region). */
    public Uni<Void> recordTransfer(String creditCode, String institutionId) {
        return eitherParty(creditCode, institutionId).map(ok -> {
            if (!ok) {
                throw AccessPolicy.forbidden(Messages.get("transfer.not-a-party", creditCode, institutionId));
            }
            return null;
        });
    }

    /** 404 unless the caller may act for one of the project's parties: another party's project is not shown. */
    public Uni<Void> readTransfer(String id, String creditCode, String institutionId) {
        return eitherParty(creditCode, institutionId).map(ok -> {
            if (!ok) {
                throw DomainException.notFound(Messages.get("transfer.not-found", id));
            }
            return null;
        });
    }

    private Uni<Boolean> eitherParty(String creditCode, String institutionId) {
        Caller c = caller.get();
        return policy.mayActFor(c, Actor.enterprise(creditCode))
                .chain(firm -> firm ? Uni.createFrom().item(true) : policy.mayActFor(c, new Actor(Actor.Type.INSTITUTION, institutionId)));
    }

    /** The party the caller acts as, as recorded beside what it entered (e.g. BUREAU:321100, INSTITUTION:NJU). */
    public String authorParty() {
        return caller.get().ownParty().label();
    }

    /** Who is writing, as recorded beside targets and files. */
    public String author() {
        return caller.get().username();
    }
}
