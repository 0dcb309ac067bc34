package cn.duijie.contact;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import cn.duijie.account.CurrentCaller;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contacts", description = "联系方式与对接同意 Contact details, shown only with consent")
public class ContactResource {

    private final ContactService contacts;
    private final CurrentCaller caller;

    ContactResource(ContactService contacts, CurrentCaller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @PUT
    @Path("/me/contact")
    @Operation(summary = "填写本方联系方式 Set the caller's contact details",
            description = "只保存在 PostgreSQL；不进入图谱、列表或推荐结果，只在对方同意对接后向对方显示。")
    public Uni<ContactApi.ContactView> putMine(@Valid @NotNull ContactApi.ContactDetails body) {
        return contacts.putMine(caller.get(), body);
    }

    @GET
    @Path("/me/contact")
    @Operation(summary = "本方联系方式 The caller's own contact details")
    public Uni<ContactApi.ContactView> mine() {
        return contacts.mine(caller.get());
    }

    @POST
    @Path("/contact-requests")
    @Operation(summary = "发起对接请求 Ask a party to exchange contact details",
            description = "如供应商对某条需求说「我能配套」：toParty 为发布企业，needId 为该需求。对方同意后双方互见联系方式。")
    @APIResponse(responseCode = "201", description = "已发出 Sent")
    public Uni<Response> request(@Valid @NotNull ContactApi.NewContactRequest body) {
        return contacts.request(caller.get(), body)
                .map(r -> Response.created(URI.create("/api/v1/contact-requests/" + r.id())).entity(r).build());
    }

    @GET
    @Path("/contact-requests")
    @Operation(summary = "收到或发出的对接请求 Requests received (in) or sent (out)")
    public Uni<List<ContactApi.ContactRequestView>> list(@QueryParam("direction") @DefaultValue("in") String direction) {
        if (!direction.equalsIgnoreCase("in") && !direction.equalsIgnoreCase("out")) {
            throw DomainException.invalid("direction", Messages.get("enum.allowed", direction, "in / out"));
        }
        return contacts.list(caller.get(), direction);
    }

    @POST
    @Path("/contact-requests/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "同意对接 Accept (the recipient)")
    public Uni<ContactApi.ContactRequestView> accept(@RestPath UUID id) {
        return decide(id, ContactService.Decision.ACCEPT);
    }

    @POST
    @Path("/contact-requests/{id}/decline")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "拒绝对接 Decline (the recipient)")
    public Uni<ContactApi.ContactRequestView> decline(@RestPath UUID id) {
        return decide(id, ContactService.Decision.DECLINE);
    }

    @POST
    @Path("/contact-requests/{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "撤回对接请求 Withdraw (the sender)")
    public Uni<ContactApi.ContactRequestView> withdraw(@RestPath UUID id) {
        return decide(id, ContactService.Decision.WITHDRAW);
    }

    /** The caller accepts, declines or withdraws a request; the service checks which side may do which. */
    private Uni<ContactApi.ContactRequestView> decide(UUID id, ContactService.Decision decision) {
        return contacts.decide(caller.get(), id, decision);
    }

    @GET
    @Path("/contacts")
    @Operation(summary = "可见的联系方式 Contact details the caller may now see",
            description = "对方同意后的联系方式；每次显示都记入审计（谁在何时看了谁的联系方式）。")
    public Uni<List<ContactApi.SharedContact>> shared() {
        return contacts.contacts(caller.get());
    }
}
