package cn.duijie.web;

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
import cn.duijie.need.Need;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lab(Frame frame, InstitutionApi.Detail lab, Page<InstitutionApi.Achievement> achievements,
                                           List<MatchModel.Opportunity> needs);

        static native TemplateInstance investor(Frame frame, List<FundFlow> funds);

        static native TemplateInstance bureau(Frame frame, WebUser user, HomePages.NeedList needs, String kind, String status,
                                              List<String> kinds, List<String> statuses);
    }

    private final InstitutionService institutions;
    private final FundService funds;
    private final MatchingService matching;
    private final NeedService needs;
    private final WebSession session;

    PartyPages(InstitutionService institutions, FundService funds, MatchingService matching, NeedService needs, WebSession session) {
        this.institutions = institutions;
        this.funds = funds;
        this.matching = matching;
        this.needs = needs;
        this.session = session;
    }

    @GET
    @Path("lab")
    public Uni<Response> lab(@QueryParam("page") @DefaultValue("0") int page) {
        return session.requireParty().chain(user -> Pages.respond(Uni.combine().all().unis(
                institutions.get(user.partyId()),
                institutions.achievements(new InstitutionApi.AchievementFilter(null, null, user.partyId(), null), Math.max(0, page), 20),
                matching.needsForParty("INSTITUTION", user.partyId(), 10)).asTuple()
                .map(t -> Templates.lab(Frame.of(Pages.text("web.home.title", t.getItem1().name()), "home", user), t.getItem1(),
                        t.getItem2(), t.getItem3())), user));
    }

    @GET
    @Path("investor")
    public Uni<Response> investor() {
        return session.requireParty().chain(user -> Pages.respond(
                funds.list(new FundApi.FundFilter(null, null, null, null, user.partyId()), 0, 50).chain(page -> {
                    List<Uni<FundFlow>> flows = page.items().stream()
                            .map(f -> matching.needsForParty("FUND", f.id(), 10).map(o -> new FundFlow(f, o))).toList();
                    return flows.isEmpty() ? Uni.createFrom().item(List.<FundFlow>of())
                            : Uni.join().all(flows).andFailFast();
                }).map(list -> Templates.investor(Frame.of(Pages.text("web.investor.title"), "home", user), list)), user));
    }

    @GET
    @Path("bureau")
    public Uni<Response> bureau(@QueryParam("kind") String kind, @QueryParam("status") @DefaultValue("OPEN") String status,
                                @QueryParam("page") @DefaultValue("0") int page) {
        return session.requireBureau().chain(user -> Pages.respond(Uni.createFrom().deferred(() -> needs.list(user.caller(),
                        kind == null || kind.isBlank() ? null : cn.duijie.domain.NeedKind.valueOf(kind),
                        status == null || status.isBlank() ? null : cn.duijie.domain.NeedStatus.valueOf(status), null, Math.max(0, page), 20))
                .map(p -> Templates.bureau(Frame.of(Pages.text("web.bureau.title"), "home", user), user, new HomePages.NeedList(p), kind, status,
                        List.of("SUPPLY", "TECH", "FINANCE"), List.of("OPEN", "FULFILLED", "WITHDRAWN", "EXPIRED"))), user));
    }
}
