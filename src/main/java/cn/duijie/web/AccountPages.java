package cn.duijie.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import cn.duijie.account.Logins;
import cn.duijie.common.DomainException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

/**
 * 启用账号: a firm whose account a bureau clerk created by import sets its own password with the one-time activation
 * code the clerk handed over (the same rule as POST /api/v1/auth/activate: {@link Logins#activate}).
 */
@Path("/activate")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activate(Frame frame, String username, FormErrors errors, boolean done);
    }

    private final Logins logins;

    AccountPages(Logins logins) {
        this.logins = logins;
    }

    @GET
    public Uni<Response> form() {
        return Pages.respond(Uni.createFrom().item(Templates.activate(frame(), "", FormErrors.NONE, false)), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> activate(@RestForm String username, @RestForm String activationCode, @RestForm String password,
                                  @RestForm String password2, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String name = username == null ? "" : username.strip();
        if (password == null || !password.equals(password2)) {
            return page(name, FormErrors.of(Pages.text("web.activate.failed"), java.util.List.of(
                    new cn.duijie.common.Problem.FieldError("password2", Pages.text("web.activate.mismatch")))), 400);
        }
        return Uni.createFrom().item(() -> logins.activate(name, activationCode, password, address))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(account -> Pages.respond(Uni.createFrom().item(Templates.activate(frame(), account.username(),
                        FormErrors.NONE, true)), null))
                .onFailure(DomainException.class).recoverWithUni(e -> {
                    var problem = ((DomainException) e).toProblem();
                    java.util.List<cn.duijie.common.Problem.FieldError> fields = problem.errors().isEmpty()
                            ? java.util.List.of(new cn.duijie.common.Problem.FieldError("activationCode", problem.detail()))
                            : problem.errors();
                    return page(name, FormErrors.of(problem.detail(), fields), problem.status());
                });
    }

    private Uni<Response> page(String username, FormErrors errors, int status) {
        return Templates.activate(frame(), username, errors, false).createUni()
                .map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }

    private static Frame frame() {
        return Frame.of(Pages.text("web.activate.title"), "login", null);
    }
}
