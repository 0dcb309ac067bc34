package cn.duijie.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.account.AccessPolicy;
import cn.duijie.account.Caller;
import cn.duijie.account.Role;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Actor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The event actor of a request, from the login: bureau staff of the event's region (or ADMIN) act as BUREAU with
 * their username; a party acts as its own participant. An {@code actor} in the body is optional and must agree.
 */
@ApplicationScoped
public class EventActors {

    private final AccessPolicy access;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final MeetingRequestRepository requests;

    EventActors(AccessPolicy access, EventRepository events, ParticipantRepository participants,
                MeetingRequestRepository requests) {
        this.access = access;
        this.events = events;
        this.participants = participants;
        this.requests = requests;
    }

    /** Bureau staff of the region (ADMIN anywhere); a named non-bureau actor or another region → 403. */
    public Actor bureau(Caller caller, String regionCode, Actor named) {
        if (named != null && named.type() != Actor.Type.BUREAU && !(named.type() == Actor.Type.SYSTEM && caller.is(Role.ADMIN))) {
            throw AccessPolicy.forbidden(Messages.get("access.not-your-party", named.type() + ":" + named.id()));
        }
        if (!caller.is(Role.BUREAU) && !caller.is(Role.ADMIN)) {
            throw AccessPolicy.forbidden(Messages.get("access.role-bureau"));
        }
        access.requireRegion(caller, regionCode);
        return new Actor(Actor.Type.BUREAU, caller.username(), caller.displayName());
    }

    /** Bureau staff of the event's region, for staff-only operations on an existing event. */
    public Uni<Actor> bureau(Caller caller, UUID eventId, Actor named) {
        return event(eventId).map(e -> bureau(caller, e.regionCode, named));
    }

    /**
     * Staff of the event's region act as BUREAU; anyone else as the participant named in the body or, when none is
     * named, {@code defaultParticipant} — and only if the caller may act for that participant's party.
     */
    public Uni<Actor> participantOrBureau(Caller caller, UUID eventId, Actor named, UUID defaultParticipant) {
        return event(eventId).chain(e -> {
            boolean staff = access.coversRegion(caller, e.regionCode);
            if (staff && (named == null || named.type() != Actor.Type.PARTICIPANT)) {
                return Uni.createFrom().item(bureau(caller, e.regionCode, named));
            }
            if (named != null && named.type() != Actor.Type.PARTICIPANT) {
                throw AccessPolicy.forbidden(Messages.get("access.not-your-party", named.type() + ":" + named.id()));
            }
            UUID pid = named == null ? defaultParticipant : parse(named.id());
            return Panache.withSession(() -> participants.findById(pid)).chain(p -> {
                if (p == null || !p.eventId.equals(eventId)) {
                    throw AccessPolicy.forbidden(Messages.get("access.not-your-party", "PARTICIPANT:" + pid));
                }
                return access.mayActFor(caller, party(p)).map(ok -> {
                    if (!ok) {
                        throw AccessPolicy.forbidden(Messages.get("access.not-your-party", "PARTICIPANT:" + pid));
                    }
                    return new Actor(Actor.Type.PARTICIPANT, p.id.toString(), caller.username());
                });
            });
        });
    }

    /**
     * Who may put parties on an event's list: staff of the event's region invite anyone; a party registers only
     * itself (a firm its own credit code, an institution or investor its id, an investor also its funds).
     */
    public Uni<Void> mayAdd(Caller caller, UUID eventId, java.util.List<EventApi.ParticipantInput> inputs) {
        return event(eventId).chain(e -> {
            if (access.coversRegion(caller, e.regionCode)) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> all = Uni.createFrom().voidItem();
            for (EventApi.ParticipantInput in : inputs) {
                Actor party = new Actor(Actor.Type.valueOf(in.partyType().name()), in.partyKey());
                all = all.chain(() -> access.mayActFor(caller, party).map(ok -> {
                    if (!ok) {
                        throw AccessPolicy.forbidden(Messages.get("event.register-own-party", party.label()));
                    }
                    return null;
                }));
            }
            return all;
        });
    }

    /**
     * Which meeting requests of an event a caller may list: staff of the event's region all of them (null); anyone
     * else only those of a participant they act for, named in {@code participantId}.
     */
    public Uni<UUID> requestsVisibleTo(Caller caller, UUID eventId, UUID participantId) {
        return event(eventId).chain(e -> {
            if (access.coversRegion(caller, e.regionCode)) {
                return Uni.createFrom().item(participantId);
            }
            if (participantId == null) {
                throw AccessPolicy.forbidden(Messages.get("event.requests-own-only"));
            }
            return participantOrBureau(caller, eventId, null, participantId).map(actor -> participantId);
        });
    }

    /** The meeting request's recipient, as the default participant of a decision. */
    public Uni<UUID> recipient(UUID requestId) {
        return Panache.withSession(() -> requests.findById(requestId))
                .map(r -> r == null ? null : r.toParticipant);
    }

    static cn.duijie.common.Actor party(ParticipantEntity p) {
        return new cn.duijie.common.Actor(cn.duijie.common.Actor.Type.valueOf(p.partyType.name()), p.partyKey);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("actor.id", Messages.get("access.not-your-party", "PARTICIPANT:" + id));
        }
    }

    /** The event or a 404, in a session of its own (the callers run outside one). */
    private Uni<EventEntity> event(UUID eventId) {
        return Panache.withSession(() -> events.existing(eventId));
    }
}
