package cn.duijie.web;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import cn.duijie.common.DomainException;
import cn.duijie.region.RegionService;
import cn.duijie.resilience.ResilienceApi;
import cn.duijie.resilience.WhatIfService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The bureau's what-if panel (断供推演, 强链补链): firms or cities taken out, who loses what, and replacements. */
@Path("/bureau/what-if")
@Produces(MediaType.TEXT_HTML)
public class ResiliencePages {

    /** The form as typed: the region looked after, firms one per line (or separated by commas), cities taken out. */
    public record WhatIfForm(String region, String firms, List<String> regions) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance whatif(Frame frame, List<RegionService.Region> allRegions, WhatIfForm form,
                                              FormErrors errors, ResilienceApi.WhatIfReport report);

        static native TemplateInstance whatif$report(WhatIfForm form, FormErrors errors, ResilienceApi.WhatIfReport report);
    }

    private final WhatIfService whatIf;
    private final RegionService regions;
    private final WebSession session;

    ResiliencePages(WhatIfService whatIf, RegionService regions, WebSession session) {
        this.whatIf = whatIf;
        this.regions = regions;
        this.session = session;
    }

    @GET
    public Uni<Response> form(@QueryParam("region") String region) {
        return session.requireBureau().chain(user -> page(user, new WhatIfForm(ChainPages.regionOrDefault(region, user), "", List.of()),
                FormErrors.NONE, null, 200, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> run(@RestForm String region, @RestForm String firms, @RestForm("regions") List<String> removed,
                             @HeaderParam("HX-Request") String htmx) {
        return session.requireBureau().chain(user -> {
            List<String> out = removed == null ? List.of() : removed.stream().filter(r -> r != null && !r.isBlank()).toList();
            WhatIfForm form = new WhatIfForm(region == null ? "" : region.strip(), firms == null ? "" : firms, out);
            if (!session.coversRegion(user, form.region())) {
                return page(user, form, FormErrors.of(Pages.text("access.region-hidden", form.region()), List.of()), null, 404, htmx);
            }
            List<String> firmList = Arrays.stream(form.firms().split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
            return Uni.createFrom().deferred(() -> whatIf.whatIf(form.region(), new ResilienceApi.WhatIfRequest(firmList, out)))
                    .chain(report -> page(user, form, FormErrors.NONE, report, 200, htmx))
                    .onFailure(DomainException.class).recoverWithUni(e -> {
                        DomainException d = (DomainException) e;
                        return page(user, form, FormErrors.of(d), null, d.status(), htmx);
                    });
        });
    }

    private Uni<Response> page(WebUser user, WhatIfForm form, FormErrors errors, ResilienceApi.WhatIfReport report, int status,
                               String htmx) {
        Uni<String> html = htmx != null ? Templates.whatif$report(form, errors, report).createUni()
                : regions.provincesAndCities().chain(all -> Templates.whatif(Frame.of(Pages.text("web.whatif.title"), "resilience", user),
                        all, form, errors, report).createUni());
        // htmx swaps only 2xx answers: the fragment carries the refusal in its text, the full page in its status too
        int code = htmx != null ? 200 : status;
        return html.map(h -> Response.status(code).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(h).build());
    }
}
