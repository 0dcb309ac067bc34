package cn.duijie.web;

import cn.duijie.need.NeedApi;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.duijie.common.Page;
import cn.duijie.institution.InstitutionApi;
import cn.duijie.institution.InstitutionService;
import cn.duijie.investor.FundApi;
import cn.duijie.investor.FundService;
import cn.duijie.matching.MatchModel;
import cn.duijie.matching.MatchingService;
import cn.duijie.need.NeedService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The homes of a university or institute, of an investor, and of bureau staff. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PartyPages {

    /** A fund with its deal flow (FINANCE needs that fit its mandate, best first). */
    public record FundFlow(FundApi.Fund fund, List<MatchModel.Opportunity> dealFlow) {
    }

    /** A 揭榜挂帅 proposal this institution is part of, with the TECH need it answers. */
    public record Consortium(MatchModel.NeedRef need, MatchModel.ConsortiumProposal proposal) {
    }

    static final int CONSORTIA_NEEDS = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lab(Frame frame, InstitutionApi.Detail lab, Paged<InstitutionApi.Achievement> achievements,
                                           List<MatchModel.Opportunity> needs, java.util.Map<String, String> posters,
                                           List<Consortium> consortia, String saved);

        static native TemplateInstance investor(Frame frame, List<FundFlow> funds, java.util.Map<String, String> posters);

        static native TemplateInstance bureau(Frame frame, WebUser user, HomePages.NeedList needs, String kind, String status,
                                              List<String> kinds, List<String> statuses, SortLinks sorts,
                                              java.util.Map<String, String> posters);
    }

    private final InstitutionService institutions;
    private final FundService funds;
    private final MatchingService matching;
    private final NeedService needs;
    private final WebSession session;
    private final cn.duijie.enterprise.EnterpriseService firms;

    PartyPages(InstitutionService institutions, FundService funds, MatchingService matching, NeedService needs, WebSession session,
               cn.duijie.enterprise.EnterpriseService firms) {
        this.firms = firms;
        this.institutions = institutions;
        this.funds = funds;
        this.matching = matching;
        this.needs = needs;
        this.session = session;
    }

    @GET
    @Path("lab")
    public Uni<Response> lab(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("saved") String saved) {
        // one after another: the page's calls share the request's Hibernate Reactive session (one operation at a time)
        return session.requireParty().chain(user -> Pages.respond(institutions.get(user.partyId()).chain(lab -> institutions
                .achievements(new InstitutionApi.AchievementFilter(null, null, user.partyId(), null), Math.max(0, page), 20)
                .chain(achievements -> matching.needsForParty("INSTITUTION", user.partyId(), 10)
                        .chain(open -> consortia(user.partyId(), open).chain(teams -> posters(open)
                                .map(posters -> Templates.lab(Frame.of(Pages.text("web.home.title", lab.name()), "home", user), lab,
                                        new Paged<>(achievements), open, posters, teams, saved)))))), user));
    }

    /** Who posted each of these needs, by credit code, so a page names the firm instead of a bare link. */
    private Uni<java.util.Map<String, String>> posters(List<MatchModel.Opportunity> opportunities) {
        return firms.names(opportunities.stream().map(o -> o.need().postedBy()).toList());
    }

    /** 揭榜挂帅 proposals for the best-fitting TECH needs that name this institution, need after need. */
    private Uni<List<Consortium>> consortia(String institutionId, List<MatchModel.Opportunity> needs) {
        Uni<List<Consortium>> all = Uni.createFrom().<List<Consortium>>item(new java.util.ArrayList<>());
        for (MatchModel.Opportunity o : needs.stream().limit(CONSORTIA_NEEDS).toList()) {
            all = all.chain(list -> matching.consortia(o.need().id(), 3).map(proposals -> {
                proposals.stream().filter(p -> p.institution() != null && institutionId.equals(p.institution().id()))
                        .forEach(p -> list.add(new Consortium(o.need(), p)));
                return list;
            }).onFailure(cn.duijie.common.DomainException.class).recoverWithItem(list));
        }
        return all;
    }

    @GET
    @Path("investor")
    public Uni<Response> investor() {
        return session.requireParty().chain(user -> Pages.respond(
                funds.list(new FundApi.FundFilter(null, null, null, null, user.partyId()), 0, 50).chain(page -> {
                    // fund after fund: the deal flow reads needs through the request's one Hibernate Reactive session
                    Uni<List<FundFlow>> flows = Uni.createFrom().<List<FundFlow>>item(new java.util.ArrayList<>());
                    for (FundApi.Fund f : page.items()) {
                        flows = flows.chain(list -> matching.needsForParty("FUND", f.id(), 10).map(o -> {
                            list.add(new FundFlow(f, o));
                            return list;
                        }));
                    }
                    return flows;
                }).chain(list -> posters(list.stream().flatMap(f -> f.dealFlow().stream()).toList())
                        .map(posters -> Templates.investor(Frame.of(Pages.text("web.investor.title"), "home", user), list, posters))), user));
    }

    @GET
    @Path("bureau")
    public Uni<Response> bureau(@QueryParam("kind") String kind, @QueryParam("status") @DefaultValue("OPEN") String status,
                                @QueryParam("sort") String sort, @QueryParam("page") @DefaultValue("0") int page) {
        return session.requireBureau().chain(user -> {
            Uni<cn.duijie.common.SortParam.Order<NeedApi.Sort>> order = Uni.createFrom().item(() -> NeedApi.Sort.order(sort));
            return Pages.respond(order.chain(o -> needs.list(user.caller(),
                            kind == null || kind.isBlank() ? null : cn.duijie.domain.NeedKind.valueOf(kind),
                            status == null || status.isBlank() ? null : cn.duijie.domain.NeedStatus.valueOf(status), null, o, Math.max(0, page), 20)
                    .chain(p -> firms.names(p.items().stream().map(NeedApi.NeedView::postedBy).toList())
                            .map(posters -> Templates.bureau(Frame.of(Pages.text("web.bureau.title"), "home", user), user, new HomePages.NeedList(p),
                                    kind, status, List.of("SUPPLY", "TECH", "FINANCE"), List.of("OPEN", "FULFILLED", "WITHDRAWN", "EXPIRED"),
                                    SortLinks.of("/bureau?kind=" + (kind == null ? "" : ChainPages.encode(kind)) + "&status="
                                            + (status == null ? "" : ChainPages.encode(status)), o), posters)))), user);
        });
    }
}
