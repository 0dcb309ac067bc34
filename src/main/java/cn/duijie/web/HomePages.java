package cn.duijie.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;


import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The front door: `/` and the login page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Frame frame, boolean error);
    }

    @GET
    public Uni<String> root() {
        return login(null);
    }

    @GET
    @Path("login")
    public Uni<String> login(@QueryParam("error") String error) {
        return Templates.login(Frame.of(cn.duijie.common.Messages.get("web.login.title"), "login", null), error != null)
                .createUni();
    }
}
