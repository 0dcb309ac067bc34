package cn.duijie.common;

/**
 * Who is acting: the party ({@code type}, {@code id}) and the account that did it ({@code enteredBy}, the username;
 * a bureau clerk entering a firm's need acts for the firm and is recorded as the one who entered it). Services take
 * it explicitly; it comes from the login (cn.duijie.account.AccessPolicy), never from a request body alone.
 */
public record Actor(Type type, String id, String enteredBy) {

    public enum Type { ENTERPRISE, INSTITUTION, INVESTOR, FUND, BUREAU, SYSTEM }

    public Actor(Type type, String id) {
        this(type, id, null);
    }

    public static Actor enterprise(String creditCode) {
        return new Actor(Type.ENTERPRISE, creditCode);
    }

    public Actor enteredBy(String username) {
        return new Actor(type, id, username);
    }

    /** Same party, whoever entered it. */
    public boolean sameParty(Actor other) {
        return other != null && type == other.type && id != null && id.equalsIgnoreCase(other.id);
    }

    /** "ENTERPRISE:9132…", as stored beside what the actor did. */
    public String label() {
        return type + ":" + id;
    }

    /** Parses "TYPE:id"; a bare credit code means an enterprise. An unknown type or an empty id is a 400. */
    public static Actor parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return enterprise(text.strip());
        }
        String id = text.substring(colon + 1).strip();
        try {
            Type type = Type.valueOf(text.substring(0, colon).strip().toUpperCase(java.util.Locale.ROOT));
            if (id.isEmpty()) {
                throw new IllegalArgumentException("empty id");
            }
            return new Actor(type, id);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("actor", Messages.get("actor.invalid", text));
        }
    }
}
