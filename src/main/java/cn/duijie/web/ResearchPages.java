package cn.duijie.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import cn.duijie.common.DomainException;
import cn.duijie.common.Problem;
import cn.duijie.domain.AchievementKind;
import cn.duijie.institution.ResearchEditing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** A university or institute adds and edits its achievements and experts (ResearchEditing, the importer's rules). */
// at "/" beside PartyPages: a class at "/lab" would take /lab itself away from the lab home
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ResearchPages {

    static final List<String> KINDS = java.util.Arrays.stream(AchievementKind.values()).map(Enum::name).toList();

    /** A picker's chosen codes with their names. */
    public record Picked(String field, String labelField, List<NeedForm.Chosen> chosen) {
        static Picked of(String field, List<String> codes, List<String> labels) {
            List<NeedForm.Chosen> out = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                out.add(new NeedForm.Chosen(codes.get(i), i < labels.size() ? labels.get(i) : codes.get(i)));
            }
            return new Picked(field, field.equals("technologyCodes") ? "technologyLabels" : "productLabels", out);
        }

        static Picked of(String field, List<ResearchEditing.Coded> coded) {
            return of(field, coded.stream().map(ResearchEditing.Coded::code).toList(), coded.stream().map(ResearchEditing.Coded::name).toList());
        }
    }

    /** The achievement form as typed (id null: a new one). */
    public record AchievementForm(String id, String title, String kind, String trl, Picked technologies, Picked products, String description) {
    }

    /** The expert form as typed. */
    public record ExpertForm(String id, String name, String title, Picked technologies) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance achievement(Frame frame, AchievementForm form, FormErrors errors, List<String> kinds);

        static native TemplateInstance expert(Frame frame, ExpertForm form, FormErrors errors);
    }

    private final ResearchEditing editing;
    private final Validator validator;
    private final WebSession session;

    ResearchPages(ResearchEditing editing, Validator validator, WebSession session) {
        this.editing = editing;
        this.validator = validator;
        this.session = session;
    }

    @GET
    @Path("lab/achievements/new")
    public Uni<Response> newAchievement() {
        return requireLab().chain(user -> Pages.respond(Uni.createFrom().item(Templates.achievement(frame("web.research.new-achievement", user),
                new AchievementForm(null, "", "", "", Picked.of("technologyCodes", List.of()), Picked.of("productCodes", List.of()), ""),
                FormErrors.NONE, KINDS)), user));
    }

    @GET
    @Path("lab/achievements/{id}")
    public Uni<Response> editAchievement(@PathParam("id") String id) {
        return requireLab().chain(user -> Pages.respond(editing.achievement(user.caller(), user.partyId(), id).map(a -> Templates.achievement(
                frame("web.research.edit-achievement", user), new AchievementForm(a.id(), a.title(), a.kind() == null ? "" : a.kind().name(),
                        a.trl() == null ? "" : a.trl().toString(), Picked.of("technologyCodes", a.technologies()),
                        Picked.of("productCodes", a.products()), a.description() == null ? "" : a.description()), FormErrors.NONE, KINDS)), user));
    }

    @POST
    @Path("lab/achievements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveAchievement(@RestForm String id, @RestForm String title, @RestForm String kind, @RestForm String trl,
                                         @RestForm List<String> technologyCodes, @RestForm List<String> technologyLabels,
                                         @RestForm List<String> productCodes, @RestForm List<String> productLabels,
                                         @RestForm String description) {
        return requireLab().chain(user -> {
            String key = blank(id);
            AchievementForm form = new AchievementForm(key, title, kind, trl, Picked.of("technologyCodes", clean(technologyCodes), clean(technologyLabels)),
                    Picked.of("productCodes", clean(productCodes), clean(productLabels)), description);
            List<Problem.FieldError> errors = new ArrayList<>();
            AchievementKind k = null;
            if (blank(kind) != null) {
                try {
                    k = AchievementKind.valueOf(kind.strip());
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError("kind", Pages.text("enum.allowed", kind, String.join(" / ", KINDS))));
                }
            }
            Long level = null;
            if (blank(trl) != null) {
                try {
                    level = Long.valueOf(trl.strip());
                } catch (NumberFormatException e) {
                    errors.add(new Problem.FieldError("trl", Pages.text("web.form.number", trl)));
                }
            }
            ResearchEditing.AchievementInput in = new ResearchEditing.AchievementInput(title == null ? null : title.strip(), k, level,
                    clean(technologyCodes), clean(productCodes), blank(description));
            errors.addAll(FormErrors.violations(validator.validate(in)));
            String titleKey = key == null ? "web.research.new-achievement" : "web.research.edit-achievement";
            if (!errors.isEmpty()) {
                return refused(Templates.achievement(frame(titleKey, user), form,
                        FormErrors.of(Pages.text("detail.validation", errors.size()), errors), KINDS), 400);
            }
            return Uni.createFrom().deferred(() -> editing.saveAchievement(user.caller(), user.partyId(), key, in))
                    .map(saved -> Response.seeOther(URI.create("/lab?saved=" + saved + "#achievements-h")).build())
                    .onFailure(DomainException.class).recoverWithUni(e -> refused(Templates.achievement(frame(titleKey, user), form,
                            FormErrors.of((DomainException) e), KINDS), ((DomainException) e).status()));
        });
    }

    @GET
    @Path("lab/experts/new")
    public Uni<Response> newExpert() {
        return requireLab().chain(user -> Pages.respond(Uni.createFrom().item(Templates.expert(frame("web.research.new-expert", user),
                new ExpertForm(null, "", "", Picked.of("technologyCodes", List.of())), FormErrors.NONE)), user));
    }

    @GET
    @Path("lab/experts/{id}")
    public Uni<Response> editExpert(@PathParam("id") String id) {
        return requireLab().chain(user -> Pages.respond(editing.expert(user.caller(), user.partyId(), id).map(x -> Templates.expert(
                frame("web.research.edit-expert", user), new ExpertForm(x.id(), x.name(), x.title() == null ? "" : x.title(),
                        Picked.of("technologyCodes", x.technologies())), FormErrors.NONE)), user));
    }

    @POST
    @Path("lab/experts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveExpert(@RestForm String id, @RestForm String name, @RestForm String title,
                                    @RestForm List<String> technologyCodes, @RestForm List<String> technologyLabels) {
        return requireLab().chain(user -> {
            String key = blank(id);
            ExpertForm form = new ExpertForm(key, name, title, Picked.of("technologyCodes", clean(technologyCodes), clean(technologyLabels)));
            ResearchEditing.ExpertInput in = new ResearchEditing.ExpertInput(name == null ? null : name.strip(), blank(title), clean(technologyCodes));
            List<Problem.FieldError> errors = FormErrors.violations(validator.validate(in));
            String titleKey = key == null ? "web.research.new-expert" : "web.research.edit-expert";
            if (!errors.isEmpty()) {
                return refused(Templates.expert(frame(titleKey, user), form, FormErrors.of(Pages.text("detail.validation", errors.size()), errors)), 400);
            }
            return Uni.createFrom().deferred(() -> editing.saveExpert(user.caller(), user.partyId(), key, in))
                    .map(saved -> Response.seeOther(URI.create("/lab?saved=" + saved + "#experts-h")).build())
                    .onFailure(DomainException.class).recoverWithUni(e -> refused(Templates.expert(frame(titleKey, user), form,
                            FormErrors.of((DomainException) e)), ((DomainException) e).status()));
        });
    }

    private static Uni<Response> refused(TemplateInstance page, int status) {
        return page.createUni().map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }

    private Uni<WebUser> requireLab() {
        return session.requireParty().map(u -> {
            if (!Menu.INSTITUTION.equals(u.role())) {
                throw new WebSession.NotForYou(u);
            }
            return u;
        });
    }

    private static Frame frame(String key, WebUser user) {
        return Frame.of(Pages.text(key), "home", user);
    }

    private static List<String> clean(List<String> l) {
        return l == null ? List.of() : l.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
