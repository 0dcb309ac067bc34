package cn.duijie.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;
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

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jboss.resteasy.reactive.RestForm;

import cn.duijie.chain.PickerService;
import cn.duijie.common.Actor;
import cn.duijie.common.DomainException;
import cn.duijie.common.Problem;
import cn.duijie.matching.MatchModel;
import cn.duijie.matching.MatchingService;
import cn.duijie.need.FeedbackService;
import cn.duijie.need.MatchFeedback;
import cn.duijie.need.NeedApi;
import cn.duijie.need.NeedService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * A need from the poster's side: post it (with a product or technology picker), see its ranked candidates with their
 * reasons, act on each (shortlist, dismiss, request contact, met, deal), download the shortlist, withdraw it.
 */
@Path("/needs")
@Produces(MediaType.TEXT_HTML)
public class NeedPages {

    static final int MATCH_LIMIT = 20;
    static final List<String> KINDS = List.of("SUPPLY", "TECH", "FINANCE");
    static final List<String> STAGES = List.of("SEED", "ANGEL", "A", "B", "C", "PRE_IPO", "DEBT");
    static final List<String> INSTRUMENTS = List.of("EQUITY", "DEBT", "IP_PLEDGE", "CONVERTIBLE");
    static final List<String> ACTIONS = List.of("SHORTLIST", "CONTACT_REQUESTED", "MET", "DEAL");

    /** A candidate with what the poster already did about it. */
    public record Row(MatchModel.Match match, Set<String> done) {
        public boolean has(String action) {
            return done.contains(action);
        }

        public String domId() {
            return "c-" + match.candidate().type() + "-" + match.candidate().id().replaceAll("[^A-Za-z0-9_-]", "_");
        }

        public String percent() {
            return String.valueOf(Math.round(match.score() * 100));
        }
    }

    /**
     * The proposed-codes box as the poster left it: the codes ticked, those added with the picker (products, or
     * technologies for a TECH need), and why a confirmation was refused; a refused one is shown again as it was sent.
     */
    public record CodesBox(Set<String> tickedCodes, ResearchPages.Picked added, FormErrors errors) {

        /** The box as the need page first shows it: every code the need is matched on ticked, nothing added. */
        static CodesBox of(NeedApi.NeedView need) {
            Set<String> ticked = new HashSet<>(need.productCodes());
            ticked.addAll(need.technologyCodes());
            return new CodesBox(ticked, ResearchPages.Picked.of(field(need), List.of(), List.of()), FormErrors.NONE);
        }

        /** What the poster sent; the picker's codes are those that are not among the proposals (its labels go with them). */
        static CodesBox sent(NeedApi.NeedView need, SentCodes sent, FormErrors errors) {
            Set<String> ticked = new HashSet<>(sent.products());
            ticked.addAll(sent.technologies());
            Set<String> proposed = new HashSet<>();
            need.proposedCodes().forEach(c -> proposed.add(c.code()));
            boolean tech = "technologyCodes".equals(field(need));
            List<String> added = (tech ? sent.technologies() : sent.products()).stream().filter(c -> !proposed.contains(c)).distinct().toList();
            return new CodesBox(ticked, ResearchPages.Picked.of(field(need), added, tech ? sent.technologyLabels() : sent.productLabels()), errors);
        }

        /** A TECH need adds technologies, any other products. */
        static String field(NeedApi.NeedView need) {
            return need.kind() == cn.duijie.domain.NeedKind.TECH ? "technologyCodes" : "productCodes";
        }

        public boolean isTicked(String code) {
            return tickedCodes.contains(code);
        }

        public String legendKey() {
            return "technologyCodes".equals(added.field()) ? "web.need.proposed.other-technologies" : "web.need.proposed.other-products";
        }

        public String hintKey() {
            return "technologyCodes".equals(added.field()) ? "web.research.tech-hint" : "web.need.pick-hint";
        }
    }

    /** The codes form as posted: ticked and added codes, and the names the picker sent for the added ones. */
    record SentCodes(List<String> products, List<String> productLabels, List<String> technologies, List<String> technologyLabels) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Frame frame, NeedForm form, FormErrors errors, List<String> kinds, List<String> stages,
                                            List<String> instruments);

        static native TemplateInstance need(Frame frame, NeedApi.NeedView need, boolean owner, boolean sent, List<Row> rows,
                                            List<NeedApi.FeedbackView> shortlist, List<String> actions, CodesBox box);

        static native TemplateInstance need$row(NeedApi.NeedView need, Row row, List<String> actions);

        static native TemplateInstance picker(List<PickerService.Item> items, String field, String q);
    }

    private final NeedService needs;
    private final MatchingService matching;
    private final FeedbackService feedback;
    private final PickerService pickers;
    private final Validator validator;
    private final WebSession session;
    private final cn.duijie.contact.ContactService contacts;

    NeedPages(NeedService needs, MatchingService matching, FeedbackService feedback, PickerService pickers, Validator validator,
              WebSession session, cn.duijie.contact.ContactService contacts) {
        this.contacts = contacts;
        this.needs = needs;
        this.matching = matching;
        this.feedback = feedback;
        this.pickers = pickers;
        this.validator = validator;
        this.session = session;
    }

    @GET
    @Path("/new")
    public Uni<Response> form(@QueryParam("kind") @DefaultValue("SUPPLY") String kind) {
        return session.requireParty().chain(user -> {
            String k = List.of("SUPPLY", "TECH", "FINANCE").contains(kind) ? kind : "SUPPLY";
            return Pages.respond(Uni.createFrom().item(
                    Templates.form(frame("web.need.new." + k, user), NeedForm.empty(k), FormErrors.NONE, KINDS, STAGES, INSTRUMENTS)), user);
        });
    }

    @POST
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> post(@RestForm String kind, @RestForm String title, @RestForm String description,
                              @RestForm List<String> productCodes, @RestForm List<String> productLabels,
                              @RestForm List<String> technologyCodes, @RestForm List<String> technologyLabels,
                              @RestForm String quantity, @RestForm String certifications, @RestForm String maxDistanceKm,
                              @RestForm String amountWan, @RestForm String stage, @RestForm String instrument) {
        return session.requireParty().chain(user -> {
            NeedForm form = new NeedForm(kind, title, description, orEmpty(productCodes), orEmpty(productLabels), orEmpty(technologyCodes),
                    orEmpty(technologyLabels), quantity, certifications, maxDistanceKm, amountWan, stage, instrument);
            List<Problem.FieldError> errors = new ArrayList<>();
            NeedApi.NewNeed request = form.toRequest(user.partyId(), errors);
            errors.addAll(FormErrors.violations(validator.validate(request)));
            if (!errors.isEmpty()) {
                return refused(form, FormErrors.of(Pages.text("detail.validation", errors.size()), errors), 400, user);
            }
            return Uni.createFrom().deferred(() -> needs.create(session.actor(user), request))
                    .map(created -> Response.seeOther(URI.create("/needs/" + created.id())).build())
                    .onFailure(DomainException.class).recoverWithUni(e ->
                            refused(form, FormErrors.of((DomainException) e), ((DomainException) e).status(), user));
        });
    }

    private Uni<Response> refused(NeedForm form, FormErrors errors, int status, WebUser user) {
        return Templates.form(frame("web.need.new." + form.kind(), user), form, errors, KINDS, STAGES, INSTRUMENTS).createUni()
                .map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }

    @GET
    @Path("/{id}")
    public Uni<Response> need(@PathParam("id") String id) {
        return session.requireUser().chain(user -> {
            // one after another: these share the request's Hibernate Reactive session, which takes one operation at a time
            return Pages.respond(needs.get(user.caller(), id).chain(need -> session.mayActFor(user, Actor.enterprise(need.postedBy()))
                    .chain(owner -> owner ? ownerView(user, need, CodesBox.of(need)) : visitorView(user, need))), user);
        });
    }

    /** The poster (or its bureau): the ranked candidates and what was done about each. */
    private Uni<TemplateInstance> ownerView(WebUser user, NeedApi.NeedView need, CodesBox box) {
        String id = need.id();
        return matching.matches(user.caller(), id, MATCH_LIMIT).chain(matches -> feedback.list(user.caller(), id, null).map(all -> {
            Map<String, Set<String>> done = done(all);
            List<Row> rows = matches.stream().map(m -> new Row(m, done.getOrDefault(m.candidate().id(), Set.of()))).toList();
            List<NeedApi.FeedbackView> shortlist = all.stream().filter(f -> f.action() == MatchFeedback.Action.SHORTLIST).toList();
            return Templates.need(Frame.of(need.title(), "home", user), need, true, false, rows, shortlist, ACTIONS, box);
        }));
    }

    /** Anyone else who may see the open need: what is wanted, and "我可以供货" for a firm (the candidates stay the poster's). */
    private Uni<TemplateInstance> visitorView(WebUser user, NeedApi.NeedView need) {
        Uni<Set<String>> asked = user.partyId() == null ? Uni.createFrom().item(Set.of()) : contacts.askedAbout(user.caller());
        return asked.map(sent -> Templates.need(Frame.of(need.title(), "home", user), need, false, sent.contains(need.id()),
                List.of(), List.of(), ACTIONS, CodesBox.of(need)));
    }

    /** One action on one candidate; htmx gets the candidate's row back, a plain form post the page. */
    @POST
    @Path("/{id}/feedback")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@PathParam("id") String id, @RestForm String candidateId, @RestForm String candidateType,
                             @RestForm String action, @HeaderParam("HX-Request") String htmx) {
        return session.requireUser().chain(user -> {
            MatchFeedback.Action a;
            try {
                a = MatchFeedback.Action.valueOf(action);
            } catch (RuntimeException e) {
                return Pages.error(DomainException.invalid("action", Pages.text("enum.allowed", action, "SHORTLIST / DISMISS / CONTACT_REQUESTED / MET / DEAL")), user);
            }
            Uni<NeedApi.FeedbackView> recorded = Uni.createFrom().deferred(() -> feedback.record(user.caller(), id,
                    new NeedApi.FeedbackRequest(candidateId, candidateType, a, null, session.actor(user).label())));
            if (htmx == null) {
                return recorded.map(f -> Response.seeOther(URI.create("/needs/" + id)).build())
                        .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
            }
            if (a == MatchFeedback.Action.DISMISS) {
                // a dismissed candidate leaves the list
                return recorded.map(f -> Response.ok("", MediaType.TEXT_HTML_TYPE).build())
                        .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
            }
            return Pages.respond(recorded.chain(f -> needs.get(user.caller(), id)).chain(need -> matching.matches(user.caller(), id, MATCH_LIMIT)
                    .chain(matches -> feedback.list(user.caller(), id, null).map(all -> {
                        Map<String, Set<String>> done = done(all);
                        MatchModel.Match m = matches.stream().filter(x -> x.candidate().id().equals(candidateId)).findFirst()
                                .orElseThrow(() -> DomainException.notFound(Pages.text("web.need.candidate-gone")));
                        return Templates.need$row(need, new Row(m, done.getOrDefault(candidateId, Set.of())), ACTIONS);
                    }))), user);
        });
    }

    /**
     * The poster confirms the products (technologies) Duijie read in the need's words, unticks wrong ones and adds
     * others found with the picker; a refusal (none left, an unknown code) shows the need page again with the reason
     * beside the box.
     */
    @POST
    @Path("/{id}/codes")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> codes(@PathParam("id") String id, @RestForm List<String> productCodes, @RestForm List<String> productLabels,
                               @RestForm List<String> technologyCodes, @RestForm List<String> technologyLabels) {
        return session.requireUser().chain(user -> {
            SentCodes sent = new SentCodes(orEmpty(productCodes), productLabels == null ? List.of() : productLabels,
                    orEmpty(technologyCodes), technologyLabels == null ? List.of() : technologyLabels);
            if (sent.products().isEmpty() && sent.technologies().isEmpty()) {
                return refusedCodes(user, id, sent, need -> DomainException.invalid(Pages.text("detail.validation", 1),
                        List.of(new Problem.FieldError(CodesBox.field(need), Pages.text("web.need.codes.none-chosen")))));
            }
            return Uni.createFrom().deferred(() -> needs.confirmCodes(user.caller(), id, session.actor(user).label(), sent.products(),
                            sent.technologies()))
                    .map(n -> Response.seeOther(URI.create("/needs/" + id)).build())
                    .onFailure(DomainException.class).recoverWithUni(e -> refusedCodes(user, id, sent, need -> (DomainException) e));
        });
    }

    /** The poster's need page with the box as it was sent and the refusal's reasons (400 or 422); any other failure, the error page. */
    private Uni<Response> refusedCodes(WebUser user, String id, SentCodes sent, java.util.function.Function<NeedApi.NeedView, DomainException> refusal) {
        return needs.get(user.caller(), id).chain(need -> session.mayActFor(user, Actor.enterprise(need.postedBy())).chain(owner -> {
            DomainException e = refusal.apply(need);
            if (!owner || (e.status() != 400 && e.status() != 422)) {
                return Pages.error(e, user);
            }
            return ownerView(user, need, CodesBox.sent(need, sent, FormErrors.of(e))).chain(TemplateInstance::createUni)
                    .map(html -> Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
        })).onFailure(DomainException.class).recoverWithUni(x -> Pages.error((DomainException) x, user));
    }

    @POST
    @Path("/{id}/status")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> status(@PathParam("id") String id, @RestForm String status) {
        return session.requireUser().chain(user -> {
            return Uni.createFrom().deferred(() -> {
                cn.duijie.domain.NeedStatus s = cn.duijie.domain.NeedStatus.valueOf(status);
                return needs.patch(user.caller(), id, new NeedApi.NeedPatch(s, null, null, null, null, null, null, null, session.actor(user).label(), null, null, null));
            }).map(n -> Response.seeOther(URI.create("/needs/" + id)).build())
                    .onFailure(IllegalArgumentException.class).transform(e -> DomainException.invalid("status",
                            Pages.text("enum.allowed", status, "OPEN / FULFILLED / WITHDRAWN")))
                    .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
        });
    }

    @GET
    @Path("/{id}/shortlist.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Uni<Response> shortlistWorkbook(@PathParam("id") String id) {
        return session.requireUser().chain(user -> {
            return needs.get(user.caller(), id).chain(need -> matching.matches(user.caller(), id, MatchingService.MAX_LIMIT)
                    .chain(matches -> feedback.list(user.caller(), id, MatchFeedback.Action.SHORTLIST).map(shortlist -> {
                        Map<String, MatchModel.Match> byId = new HashMap<>();
                        matches.forEach(m -> byId.put(m.candidate().id(), m));
                        byte[] bytes = shortlistXlsx(need, shortlist, byId);
                        return Response.ok(bytes).header("Content-Disposition", "attachment; filename=\"shortlist-" + id + ".xlsx\"").build();
                    }))).onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
        });
    }

    static byte[] shortlistXlsx(NeedApi.NeedView need, List<NeedApi.FeedbackView> shortlist, Map<String, MatchModel.Match> matches) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Duijie", "1.0")) {
            Worksheet ws = wb.newWorksheet(Pages.text("web.need.shortlist"));
            String[] header = {Pages.text("web.need.xlsx.name"), Pages.text("web.need.xlsx.id"), Pages.text("web.need.xlsx.type"),
                    Pages.text("web.need.xlsx.score"), Pages.text("web.need.xlsx.reasons"), Pages.text("web.need.xlsx.added")};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (NeedApi.FeedbackView f : shortlist) {
                MatchModel.Match m = matches.get(f.candidateId());
                ws.value(r, 0, m == null ? f.candidateId() : m.candidate().name());
                ws.value(r, 1, f.candidateId());
                ws.value(r, 2, f.candidateType().name());
                if (m != null) {
                    ws.value(r, 3, Math.round(m.score() * 1000) / 1000.0);
                    ws.value(r, 4, String.join("；", m.reasons().stream().map(MatchModel.Reason::text).toList()));
                }
                ws.value(r, 5, f.createdAt() == null ? "" : f.createdAt().toString());
                r++;
            }
            ws.width(0, 36);
            ws.width(4, 80);
            ws.value(r + 1, 0, need.title());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The picker's options (htmx): products or technologies matching what was typed. */
    @GET
    @Path("/pick/{field}")
    public Uni<Response> pick(@PathParam("field") String field, @QueryParam("q") String q) {
        return session.user().chain(user -> {
            Uni<List<PickerService.Item>> items = "technologyCodes".equals(field) ? pickers.technologies(q, 12) : pickers.products(q, 12);
            String f = "technologyCodes".equals(field) ? "technologyCodes" : "productCodes";
            return Pages.respond(items.map(list -> Templates.picker(list, f, q == null ? "" : q)), user);
        });
    }

    private static Map<String, Set<String>> done(List<NeedApi.FeedbackView> all) {
        Map<String, Set<String>> done = new HashMap<>();
        for (NeedApi.FeedbackView f : all) {
            done.computeIfAbsent(f.candidateId(), k -> new HashSet<>()).add(f.action().name());
        }
        return done;
    }

    private static Frame frame(String titleKey, WebUser user) {
        return Frame.of(Pages.text(titleKey), "home", user);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l.stream().filter(s -> s != null && !s.isBlank()).toList();
    }
}
