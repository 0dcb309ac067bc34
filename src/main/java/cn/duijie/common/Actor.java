package cn.duijie.common;

/**
 * Who is acting. Until accounts exist the acting party is named in the request; services take it explicitly so that
 * access rules can be added without changing their signatures.
 */
public record Actor(Type type, String id) {

    public enum Type { ENTERPRISE, INSTITUTION, FUND, BUREAU, SYSTEM }

    public static Actor enterprise(String creditCode) {
        return new Actor(Type.ENTERPRISE, creditCode);
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
