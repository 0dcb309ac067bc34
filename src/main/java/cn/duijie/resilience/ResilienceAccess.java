package cn.duijie.resilience;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.account.AccessPolicy;
import cn.duijie.account.CurrentCaller;
import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

/**
 * Object-level access of chain resilience (the role gates are in AccessRules): a firm's supply risk and second
 * sources for the firm itself, its region's bureau and ADMIN; a region's what-if and recruitment lists for bureau
 * staff of that region (or above) and ADMIN. Everyone else gets 404, as for another party's private object.
 */
@ApplicationScoped
class ResilienceAccess {

    private final AccessPolicy policy;
    private final CurrentCaller caller;

    ResilienceAccess(AccessPolicy policy, CurrentCaller caller) {
        this.policy = policy;
        this.caller = caller;
    }

    Uni<Void> firm(String creditCode) {
        return policy.requireParty(caller.get(), Actor.enterprise(creditCode == null ? "" : creditCode.strip().toUpperCase()));
    }

    /** A missing region is left to the service's 400. */
    Uni<Void> region(String regionCode) {
        return Uni.createFrom().item(() -> {
            if (regionCode != null && !regionCode.isBlank() && !policy.coversRegion(caller.get(), regionCode.strip())) {
                throw DomainException.notFound(Messages.get("access.region-hidden", regionCode.strip()));
            }
            return null;
        });
    }
}
