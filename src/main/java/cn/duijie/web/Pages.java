package cn.duijie.web;


import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** Rendering helpers shared by the page resources: HTML responses and the error page for a domain error. */
final class Pages {

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance error(Frame frame, int status, String detail, java.util.List<cn.duijie.common.Problem.FieldError> errors);
    }

    private Pages() {
    }

    /** 200 with the rendered page, or the error page with the status and reason a domain error carries. */
    static Uni<Response> respond(Uni<TemplateInstance> page, WebUser user) {
        return page.chain(TemplateInstance::createUni)
                .map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build())
                .onFailure(DomainException.class).recoverWithUni(e -> error((DomainException) e, user));
    }

    static Uni<Response> error(DomainException e, WebUser user) {
        var problem = e.toProblem();
        return Templates.error(Frame.of(problem.title(), "", user), problem.status(), problem.detail(), problem.errors())
                .createUni()
                .map(html -> Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }

    static String text(String key, Object... args) {
        return Messages.get(key, args);
    }

}
