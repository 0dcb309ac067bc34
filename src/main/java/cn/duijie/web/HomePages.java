package cn.duijie.web;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.duijie.common.Page;
import cn.duijie.enterprise.EnterpriseApi;
import cn.duijie.enterprise.EnterpriseService;
import cn.duijie.matching.MatchModel;
import cn.duijie.matching.MatchingService;
import cn.duijie.need.NeedApi;
import cn.duijie.need.NeedService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The front door (`/`, the login page) and each role's home after login. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    static final int LIST_SIZE = 10;

    /** A page of needs with its pager links. */
    public record NeedList(Page<NeedApi.NeedView> page) {
        public boolean hasPrevious() {
            return page.page() > 0;
        }

        public boolean hasNext() {
            return (long) (page.page() + 1) * page.size() < page.total();
        }

        public int previous() {
            return page.page() - 1;
        }

        public int next() {
            return page.page() + 1;
        }
    }

    /** A need this firm could serve, and whether it already said "我可以供货". */
    public record Serve(MatchModel.Opportunity o, boolean sent) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Frame frame, boolean error);

        static native TemplateInstance enterprise(Frame frame, EnterpriseApi.Detail firm, NeedList needs, SortLinks sorts,
                                                  List<Serve> opportunities, List<MatchModel.Match> achievements,
                                                  List<MatchModel.Match> funds);
    }

    private final WebSession session;
    private final EnterpriseService firms;
    private final NeedService needs;
    private final MatchingService matching;
    private final cn.duijie.contact.ContactService contacts;

    HomePages(WebSession session, EnterpriseService firms, NeedService needs, MatchingService matching,
              cn.duijie.contact.ContactService contacts) {
        this.session = session;
        this.contacts = contacts;
        this.firms = firms;
        this.needs = needs;
        this.matching = matching;
    }

    @GET
    public Uni<Response> root() {
        return session.user().chain(user -> user != null ? redirect("/home") : login(null));
    }

    @GET
    @Path("login")
    public Uni<Response> login(@QueryParam("error") String error) {
        return Pages.respond(Uni.createFrom().item(Templates.login(Frame.of(Pages.text("web.login.title"), "login", null), error != null)), null);
    }

    @GET
    @Path("home")
    public Uni<Response> home(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("sort") String sort) {
        return session.requireUser().chain(user -> {
            return switch (user.role()) {
                case Menu.ENTERPRISE -> Uni.createFrom().item(() -> NeedApi.Sort.order(sort))
                        .chain(order -> enterprise(user, order, Math.max(0, page)))
                        .onFailure(cn.duijie.common.DomainException.class).recoverWithUni(e -> Pages.error((cn.duijie.common.DomainException) e, user));
                case Menu.INSTITUTION -> redirect("/lab");
                case Menu.INVESTOR -> redirect("/investor");
                default -> redirect("/bureau");
            };
        });
    }

    private static Uni<Response> redirect(String to) {
        return Uni.createFrom().item(Response.seeOther(URI.create(to)).build());
    }

    private Uni<Response> enterprise(WebUser user, cn.duijie.common.SortParam.Order<NeedApi.Sort> order, int page) {
        String firm = user.partyId();
        // one after another: these share the request's Hibernate Reactive session, which takes one operation at a time
        return Pages.respond(firms.get(firm).chain(f -> needs.list(user.caller(), null, null, firm, order, page, LIST_SIZE)
                .chain(mine -> matching.supplyOpportunities(firm, 10).chain(opportunities -> sentOffers(user)
                        .map(sent -> opportunities.stream().map(o -> new Serve(o, sent.contains(o.need().id()))).toList()))
                        .chain(serve -> matching.partiesForFirm(firm, cn.duijie.domain.NeedKind.TECH, 5)
                                .chain(tech -> matching.partiesForFirm(firm, cn.duijie.domain.NeedKind.FINANCE, 5)
                                        .map(fin -> Templates.enterprise(Frame.of(Pages.text("web.home.title", f.name()), "home", user),
                                                f, new NeedList(mine), SortLinks.of("/home", order), serve, tech, fin)))))), user);
    }

    /** Needs this party already offered to serve (a pending or accepted request naming the need). */
    private Uni<java.util.Set<String>> sentOffers(WebUser user) {
        return contacts.askedAbout(user.caller());
    }
}
