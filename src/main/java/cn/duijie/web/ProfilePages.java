package cn.duijie.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import cn.duijie.account.AccessPolicy;
import cn.duijie.common.DomainException;
import cn.duijie.common.Problem;
import cn.duijie.enterprise.EnterpriseApi;
import cn.duijie.enterprise.EnterpriseService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * A firm edits its own profile: products (with the product picker), certifications, capacity (staff, revenue) and
 * description, through the same upsert and checks as PUT /api/v1/enterprises/{creditCode}; every other field is kept.
 */
@Path("/profile")
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    /** The profile form as typed. */
    public record ProfileForm(List<String> productCodes, List<String> productLabels, String certifications, String employees,
                              String revenueWan, String description) {
        static ProfileForm of(EnterpriseApi.Detail f) {
            return new ProfileForm(f.products().stream().map(EnterpriseApi.ProductRef::code).toList(),
                    f.products().stream().map(EnterpriseApi.ProductRef::name).toList(),
                    String.join("，", f.certifications()), f.employees() == null ? "" : f.employees().toString(),
                    f.revenueWan() == null ? "" : f.revenueWan().toPlainString(), f.description() == null ? "" : f.description());
        }

        public List<NeedForm.Chosen> chosen() {
            List<NeedForm.Chosen> out = new ArrayList<>();
            for (int i = 0; i < productCodes.size(); i++) {
                out.add(new NeedForm.Chosen(productCodes.get(i), i < productLabels.size() ? productLabels.get(i) : productCodes.get(i)));
            }
            return out;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Frame frame, EnterpriseApi.Detail firm, ProfileForm form, FormErrors errors, boolean saved);
    }

    private final EnterpriseService firms;
    private final AccessPolicy access;
    private final Validator validator;
    private final WebSession session;

    ProfilePages(EnterpriseService firms, AccessPolicy access, Validator validator, WebSession session) {
        this.firms = firms;
        this.access = access;
        this.validator = validator;
        this.session = session;
    }

    @GET
    public Uni<Response> profile(@QueryParam("saved") String saved) {
        return requireFirm().chain(user -> Pages.respond(firms.get(user.partyId())
                .map(f -> Templates.profile(frame(user), f, ProfileForm.of(f), FormErrors.NONE, saved != null)), user));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestForm List<String> productCodes, @RestForm List<String> productLabels, @RestForm String certifications,
                              @RestForm String employees, @RestForm String revenueWan, @RestForm String description) {
        return requireFirm().chain(user -> firms.get(user.partyId()).chain(firm -> {
            ProfileForm form = new ProfileForm(clean(productCodes), clean(productLabels), certifications, employees, revenueWan, description);
            List<Problem.FieldError> errors = new ArrayList<>();
            Long staff = parse(employees, "employees", errors, Long::valueOf);
            BigDecimal revenue = parse(revenueWan, "revenueWan", errors, BigDecimal::new);
            List<String> certs = certifications == null || certifications.isBlank() ? List.of()
                    : Arrays.stream(certifications.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
            EnterpriseApi.Upsert in = upsert(firm, form.productCodes(), certs, staff, revenue,
                    description == null || description.isBlank() ? null : description.strip());
            errors.addAll(FormErrors.violations(validator.validate(in)));
            if (!errors.isEmpty()) {
                return refused(user, firm, form, FormErrors.of(Pages.text("detail.validation", errors.size()), errors), 400);
            }
            return Uni.createFrom().deferred(() -> access.requireFirmEdit(user.caller(), firm.creditCode(), firm.regionCode())
                            .chain(() -> firms.upsert(firm.creditCode(), in)))
                    .map(u -> Response.seeOther(URI.create("/profile?saved=1")).build())
                    .onFailure(DomainException.class).recoverWithUni(e -> refused(user, firm, form, FormErrors.of((DomainException) e),
                            ((DomainException) e).status()));
        }).onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user)));
    }

    /** The firm as it is, with the fields of the form replaced. */
    static EnterpriseApi.Upsert upsert(EnterpriseApi.Detail f, List<String> products, List<String> certs, Long employees,
                                       BigDecimal revenue, String description) {
        return new EnterpriseApi.Upsert(f.name(), f.regionCode(), f.tier(), f.isChainLeader(),
                f.leads().stream().map(EnterpriseApi.Named::id).toList(), employees, revenue, f.rdRatio(), f.inventionPatents(),
                certs, f.listed(), f.lat(), f.lon(), products, f.technologies().stream().map(EnterpriseApi.Named::code).toList(),
                description, f.nicheYears(), f.mainBusinessShare(), f.revenueGrowth(), f.debtRatio(), f.rdSpendWan(),
                f.rdSpendPrevWan(), f.rdRatioPrev(), f.rdStaffShare(), f.ipClass1(), f.ipClass2(), f.ipHighValue(),
                f.rdInstitutionLevel(), f.digitalLevel(), f.netMarginRatio(), f.equityRaisedWan(), f.marketShare(), f.marketRank(),
                f.globalMarketRank(), f.keyField(), f.strategicEmerging(), f.scienceAward(), f.highTech(), f.ownBrand(),
                f.developmentScore(), null);
    }

    private Uni<Response> refused(WebUser user, EnterpriseApi.Detail firm, ProfileForm form, FormErrors errors, int status) {
        return Templates.profile(frame(user), firm, form, errors, false).createUni()
                .map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }

    private Uni<WebUser> requireFirm() {
        return session.requireParty().map(u -> {
            if (!Menu.ENTERPRISE.equals(u.role())) {
                throw new WebSession.NotForYou(u);
            }
            return u;
        });
    }

    private static Frame frame(WebUser user) {
        return Frame.of(Pages.text("web.profile.title"), "profile", user);
    }

    private static List<String> clean(List<String> l) {
        return l == null ? List.of() : l.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    private static <T> T parse(String text, String field, List<Problem.FieldError> errors, java.util.function.Function<String, T> f) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return f.apply(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, Pages.text("web.form.number", text)));
            return null;
        }
    }
}
