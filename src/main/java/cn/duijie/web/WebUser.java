package cn.duijie.web;

/**
 * The logged-in account as pages see it: name shown in the header, role, the party it acts for and, for bureau
 * staff, the region it looks after.
 */
public record WebUser(String username, String displayName, String role, String partyId, String regionCode,
                      cn.duijie.account.Caller caller) {
}
