package cn.duijie.account;

import cn.duijie.common.Actor;

/**
 * The logged-in account behind a request, as services need it: role, the party it acts for, its region.
 * {@link #ANONYMOUS} for a request without a login.
 */
public record Caller(String username, String displayName, Role role, String partyKey, String regionCode,
                     String department) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null, null, null);

    public boolean anonymous() {
        return username == null;
    }

    public boolean is(Role r) {
        return role == r;
    }

    /** The party this account acts for when a request names none (bureau staff act as their bureau). */
    public Actor ownParty() {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case ENTERPRISE -> new Actor(Actor.Type.ENTERPRISE, partyKey, username);
            case INSTITUTION -> new Actor(Actor.Type.INSTITUTION, partyKey, username);
            case INVESTOR -> new Actor(Actor.Type.INVESTOR, partyKey, username);
            case BUREAU -> new Actor(Actor.Type.BUREAU, regionCode, username);
            case ADMIN -> new Actor(Actor.Type.SYSTEM, "admin", username);
        };
    }
}
