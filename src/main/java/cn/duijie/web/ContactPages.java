package cn.duijie.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import cn.duijie.common.DomainException;
import cn.duijie.contact.ContactApi;
import cn.duijie.contact.ContactService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * 对接请求: the requests a party received and sent (accept, decline, withdraw; the other side's details once
 * accepted), a supplier's "我可以供货" on a need, and the party's own contact details (shown to others only after
 * they were accepted).
 */
@Path("/contacts")
@Produces(MediaType.TEXT_HTML)
public class ContactPages {

    static final int PAGE_SIZE = 20;

    /** One request as the page shows it: who, about which need, and what this side may do with it. */
    public record Line(ContactApi.ContactRequestView request, String fromName, String toName, String needTitle, boolean incoming) {
        public boolean pending() {
            return request.status() == cn.duijie.contact.ContactRequest.Status.PENDING;
        }

        public String other() {
            return incoming ? fromName : toName;
        }
    }

    /** One page of lines with its pager. */
    public record Box(String box, List<Line> lines, int page, int pages, int total) {
        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    /** The contact form as typed. */
    public record ContactForm(String name, String mobile, String email, String phone) {
        static final ContactForm EMPTY = new ContactForm("", "", "", "");

        static ContactForm of(ContactApi.ContactView v) {
            return new ContactForm(v.name(), v.mobile(), v.email(), v.phone() == null ? "" : v.phone());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Frame frame, Box box, boolean hasContact);

        static native TemplateInstance mine(Frame frame, ContactForm form, FormErrors errors, boolean saved);

        static native TemplateInstance offered(String needId, String message);

        static native TemplateInstance asked(String message);
    }

    private final ContactService contacts;
    private final Validator validator;
    private final WebSession session;

    ContactPages(ContactService contacts, Validator validator, WebSession session) {
        this.contacts = contacts;
        this.validator = validator;
        this.session = session;
    }

    @GET
    public Uni<Response> inbox(@QueryParam("box") @DefaultValue("in") String box, @QueryParam("page") @DefaultValue("0") int page) {
        String b = "out".equals(box) ? "out" : "in";
        return session.requireParty().chain(user -> Pages.respond(
                // one after another: the requests, their names, and whether this party has details to share
                contacts.list(user.caller(), b).chain(all -> {
                    int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
                    int p = Math.min(Math.max(0, page), pages - 1);
                    List<ContactApi.ContactRequestView> shown = all.subList(p * PAGE_SIZE, Math.min(all.size(), (p + 1) * PAGE_SIZE));
                    return contacts.names(shown).chain(names -> contacts.mine(user.caller()).map(x -> true)
                            .onFailure(DomainException.class).recoverWithItem(false)
                            .map(hasContact -> Templates.inbox(Frame.of(Pages.text("web.contacts.title"), "contacts", user),
                                    new Box(b, shown.stream().map(r -> new Line(r, names.party(r.from()), names.party(r.to()),
                                            r.needId() == null ? null : names.need(r.needId()), "in".equals(b))).toList(), p, pages, all.size()),
                                    hasContact)));
                }), user));
    }

    /** Accept, decline (the receiver) or withdraw (the sender) a pending request. */
    @POST
    @Path("/{id}/{decision}")
    public Uni<Response> decide(@PathParam("id") UUID id, @PathParam("decision") String decision) {
        return session.requireParty().chain(user -> {
            ContactService.Decision d = switch (decision) {
                case "accept" -> ContactService.Decision.ACCEPT;
                case "decline" -> ContactService.Decision.DECLINE;
                case "withdraw" -> ContactService.Decision.WITHDRAW;
                default -> null;
            };
            if (d == null) {
                return Pages.error(DomainException.notFound(Pages.text("web.contacts.no-such-action", decision)), user);
            }
            String box = d == ContactService.Decision.WITHDRAW ? "out" : "in";
            return Uni.createFrom().deferred(() -> contacts.decide(user.caller(), id, d))
                    .map(r -> Response.seeOther(URI.create("/contacts?box=" + box + "#r-" + id)).build())
                    .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
        });
    }

    /**
     * 请求对接 from a firm page: a contact request to the firm, about the need the page was opened from (if any);
     * htmx gets the button's replacement back, a plain form post goes back to the firm page.
     */
    @POST
    @Path("/ask")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> ask(@RestForm String party, @RestForm String needId, @HeaderParam("HX-Request") String htmx) {
        return session.requireParty().chain(user -> {
            String firm = party == null ? "" : party.strip();
            String need = needId == null || needId.isBlank() ? null : needId.strip();
            Uni<ContactApi.ContactRequestView> sent = Uni.createFrom().deferred(() -> contacts.request(user.caller(),
                    new ContactApi.NewContactRequest(new ContactApi.Party(ContactApi.PartyType.ENTERPRISE, firm), need,
                            Pages.text("web.contacts.ask-note"))));
            if (htmx == null) {
                return sent.map(r -> Response.seeOther(URI.create("/firms/" + ChainPages.encode(firm)
                                + (need == null ? "" : "?need=" + ChainPages.encode(need)))).build())
                        .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
            }
            return Pages.respond(sent.map(r -> Templates.asked(Pages.text("web.contacts.asked")))
                    .onFailure(DomainException.class).recoverWithItem(e -> Templates.asked(
                            ((DomainException) e).status() == 409 ? Pages.text("web.contacts.asked")
                                    : ((DomainException) e).toProblem().detail())), user);
        });
    }

    /** "我可以供货": a contact request to the poster of a need; htmx gets the button's replacement back. */
    @POST
    @Path("/offer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> offer(@RestForm String needId, @RestForm String poster, @RestForm String note,
                               @HeaderParam("HX-Request") String htmx) {
        return session.requireParty().chain(user -> {
            Uni<ContactApi.ContactRequestView> sent = Uni.createFrom().deferred(() -> contacts.request(user.caller(),
                    new ContactApi.NewContactRequest(new ContactApi.Party(ContactApi.PartyType.ENTERPRISE, poster == null ? "" : poster),
                            needId, note == null || note.isBlank() ? Pages.text("web.contacts.offer-note") : note.strip())));
            if (htmx == null) {
                return sent.map(r -> Response.seeOther(URI.create("/contacts?box=out")).build())
                        .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
            }
            return Pages.respond(sent.map(r -> Templates.offered(needId, Pages.text("web.contacts.offer-sent")))
                    .onFailure(DomainException.class).recoverWithItem(e -> Templates.offered(needId,
                            ((DomainException) e).status() == 409 ? Pages.text("web.contacts.offer-sent")
                                    : ((DomainException) e).toProblem().detail())), user);
        });
    }

    @GET
    @Path("/me")
    public Uni<Response> mine(@QueryParam("saved") String saved) {
        return session.requireParty().chain(user -> Pages.respond(contacts.mine(user.caller()).map(ContactForm::of)
                .onFailure(DomainException.class).recoverWithItem(ContactForm.EMPTY)
                .map(form -> Templates.mine(Frame.of(Pages.text("web.contacts.mine"), "contacts", user), form, FormErrors.NONE,
                        saved != null)), user));
    }

    @POST
    @Path("/me")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveMine(@RestForm String name, @RestForm String mobile, @RestForm String email, @RestForm String phone) {
        return session.requireParty().chain(user -> {
            ContactForm form = new ContactForm(name, mobile, email, phone);
            ContactApi.ContactDetails in = new ContactApi.ContactDetails(trim(name), trim(mobile), trim(email),
                    phone == null || phone.isBlank() ? null : phone.strip());
            var errors = FormErrors.violations(validator.validate(in));
            if (!errors.isEmpty()) {
                return refused(form, FormErrors.of(Pages.text("detail.validation", errors.size()), errors), 400, user);
            }
            return Uni.createFrom().deferred(() -> contacts.putMine(user.caller(), in))
                    .map(v -> Response.seeOther(URI.create("/contacts/me?saved=1")).build())
                    .onFailure(DomainException.class).recoverWithUni(e -> refused(form, FormErrors.of((DomainException) e),
                            ((DomainException) e).status(), user));
        });
    }

    private Uni<Response> refused(ContactForm form, FormErrors errors, int status, WebUser user) {
        return Templates.mine(Frame.of(Pages.text("web.contacts.mine"), "contacts", user), form, errors, false).createUni()
                .map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
