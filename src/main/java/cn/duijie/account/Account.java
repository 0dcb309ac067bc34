package cn.duijie.account;

import java.time.OffsetDateTime;

/** One row of the account table (never sent to a client as is: it carries the password hash). */
public record Account(String username, String passwordHash, String displayName, Role role, String partyKey,
                      String regionCode, String department, Status status, String activationCodeHash,
                      String createdBy, OffsetDateTime createdAt, OffsetDateTime lastLoginAt) {

    public enum Status { ACTIVE, LOCKED, DISABLED }

    public static final java.util.List<String> DEPARTMENTS = java.util.List.of("工信局", "科技局", "金融监管局");

    public Caller caller() {
        return new Caller(username, displayName, role, partyKey, regionCode, department);
    }
}
