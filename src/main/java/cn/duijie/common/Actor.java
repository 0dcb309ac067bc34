package cn.duijie.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who is acting — the one actor type of the whole service: the party ({@code type}, {@code id}) and the person or
 * account that did it ({@code name}: the username, or a staff member's display name; a bureau clerk entering a firm's
 * need acts for the firm and is recorded as the one who entered it). At an event a party acts as its PARTICIPANT
 * (id = the participant's id) and staff act as BUREAU. Services take it explicitly; it comes from the login
 * (cn.duijie.account.AccessPolicy, cn.duijie.event.EventActors), never from a request body alone.
 */
@Schema(name = "Actor", description = "谁在操作（企业、机构、投资方、局方工作人员、活动参与方或系统）Who acts")
public record Actor(@NotNull Type type, @NotBlank @Size(max = 64) String id, @Size(max = 100) String name) {

    @Schema(name = "ActorType", description = "操作方类型 Kind of actor")
    public enum Type { ENTERPRISE, INSTITUTION, INVESTOR, FUND, BUREAU, PARTICIPANT, SYSTEM }

    /** The service itself (start-up tasks, expiry jobs). */
    public static final Actor SYSTEM = new Actor(Type.SYSTEM, "api", null);

    public Actor(Type type, String id) {
        this(type, id, null);
    }

    public static Actor enterprise(String creditCode) {
        return new Actor(Type.ENTERPRISE, creditCode);
    }

    /** Same party, entered by {@code username}. */
    public Actor enteredBy(String username) {
        return new Actor(type, id, username);
    }

    public boolean isBureau() {
        return type == Type.BUREAU;
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
