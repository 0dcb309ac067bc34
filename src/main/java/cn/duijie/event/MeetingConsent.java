package cn.duijie.event;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.account.Caller;
import cn.duijie.account.Role;
import cn.duijie.common.Actor;
import cn.duijie.contact.ContactRequest;
import cn.duijie.contact.ContactService;
import cn.duijie.event.EventEnums.RequestStatus;
import io.smallrye.mutiny.Uni;

/**
 * The one rule tying a fair's 洽谈请求 to its contact request: they are answered as one. Accepting or declining the
 * meeting request answers the contact request, and accepting or declining the contact request in the 对接请求 inbox
 * answers the pending meeting requests it is the consent of. Only pending requests change either way.
 */
@ApplicationScoped
public class MeetingConsent implements ContactService.ConsentHolder {

    private final ContactService contacts;
    private final MeetingRequestRepository requests;

    MeetingConsent(ContactService contacts, MeetingRequestRepository requests) {
        this.contacts = contacts;
        this.requests = requests;
    }

    /** The meeting request was accepted or declined (by the asked side, or staff for it): its contact request follows. */
    Uni<Void> meetingDecided(UUID contactRequestId, RequestStatus status, String username) {
        return switch (status) {
            case ACCEPTED -> contacts.decideOnBehalf(contactRequestId, ContactService.Decision.ACCEPT, username);
            case DECLINED -> contacts.decideOnBehalf(contactRequestId, ContactService.Decision.DECLINE, username);
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The contact request was answered in the inbox (the caller may act for the asked party): its meeting requests follow. */
    @Override
    public Uni<Void> contactDecided(ContactRequest decided, ContactService.Decision decision, Caller caller) {
        RequestStatus status = switch (decision) {
            case ACCEPT -> RequestStatus.ACCEPTED;
            case DECLINE -> RequestStatus.DECLINED;
            case WITHDRAW -> null;
        };
        if (status == null) {
            return Uni.createFrom().voidItem();
        }
        boolean staff = caller.is(Role.BUREAU) || caller.is(Role.ADMIN);
        return requests.pendingOnContact(decided.id)
                .invoke((List<MeetingRequestEntity> pending) -> pending.forEach(r -> MeetingRequestService.decide(r, status, staff
                        ? new Actor(Actor.Type.BUREAU, caller.username(), caller.displayName())
                        : new Actor(Actor.Type.PARTICIPANT, r.toParticipant.toString(), caller.username()))))
                .replaceWithVoid();
    }
}
