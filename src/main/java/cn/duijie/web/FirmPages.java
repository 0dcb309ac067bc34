package cn.duijie.web;

import cn.duijie.contact.ContactApi;
import cn.duijie.contact.ContactService;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.duijie.chain.ChainApi;
import cn.duijie.chain.ChainService;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.enterprise.EnterpriseApi;
import cn.duijie.enterprise.EnterpriseService;
import cn.duijie.domain.Tier;
import cn.duijie.domain.Vocabulary;
import cn.duijie.region.RegionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** Firm search with filters, sorting and paging, and the firm page. */
@Path("/firms")
@Produces(MediaType.TEXT_HTML)
public class FirmPages {

    static final int PAGE_SIZE = 20;
    /** The ladder from the top, as the tier filter offers it. */
    static final List<String> TIERS = java.util.Arrays.stream(Tier.values())
            .sorted(java.util.Comparator.comparingInt(Tier::rank).reversed()).map(Tier::name).toList();
    /**
     * The sort menu: each key in its usual direction and reversed, so that a reversed order chosen by a column
     * header stays selected when the form is sent again; relevance only best first.
     */
    static final List<SortOption> SORTS = java.util.Arrays.stream(EnterpriseApi.Sort.values())
            .<SortOption>mapMulti((k, out) -> {
                boolean directed = k != EnterpriseApi.Sort.RELEVANCE;
                out.accept(new SortOption(k.name(), k.name(), k.descending(), directed));
                if (directed) {
                    out.accept(new SortOption("-" + k.name(), k.name(), !k.descending(), true));
                }
            }).toList();

    /** One entry of the sort menu: its parameter value, the key it sorts on and which way (said when directed). */
    public record SortOption(String value, String key, boolean descending, boolean directed) {
    }

    /** The filters of a search, echoed back into the form and into every paging link. */
    public record Filters(String q, String tier, String region, String chain, String segment, String product, String sort) {

        public String query(int page) {
            List<String> parts = new ArrayList<>();
            add(parts, "q", q);
            add(parts, "tier", tier);
            add(parts, "region", region);
            add(parts, "chain", chain);
            add(parts, "segment", segment);
            add(parts, "product", product);
            add(parts, "sort", sort);
            if (page > 0) {
                parts.add("page=" + page);
            }
            return "/firms" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
        }

        /** The sort as the menu writes it ({@code KEY} or {@code -KEY}), to select its entry; null when unknown. */
        public String sortValue() {
            try {
                return EnterpriseApi.Sort.order(sort).param();
            } catch (RuntimeException unknown) {
                return null;
            }
        }

        public boolean any() {
            return q != null || tier != null || region != null || chain != null || segment != null || product != null;
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null) {
                parts.add(name + "=" + ChainPages.encode(value));
            }
        }
    }

    /**
     * The 请求对接 button of a firm page, for a logged-in party other than the firm: about the need it came from (a
     * deal in the investor's deal flow), shown as sent once asked. Null for visitors, staff and the firm itself.
     */
    public record Ask(String needId, boolean sent) {
    }

    /** One page of results with what the pager needs. */
    public record Results(Page<EnterpriseApi.Summary> page, Filters filters) {
        public long pages() {
            return Math.max(1, (page.total() + page.size() - 1) / page.size());
        }

        public boolean hasPrevious() {
            return page.page() > 0;
        }

        public boolean hasNext() {
            return page.page() + 1 < pages();
        }

        public String previous() {
            return filters.query(page.page() - 1);
        }

        /** Clickable headers: the same filters with another sort, from the first page. */
        public SortLinks sorts() {
            Filters unsorted = new Filters(filters.q(), filters.tier(), filters.region(), filters.chain(), filters.segment(),
                    filters.product(), null);
            return SortLinks.of(unsorted.query(0), EnterpriseApi.Sort.order(filters.sort()));
        }

        public String next() {
            return filters.query(page.page() + 1);
        }

        public long from() {
            return page.total() == 0 ? 0 : (long) page.page() * page.size() + 1;
        }

        public long to() {
            return (long) page.page() * page.size() + page.items().size();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Frame frame, Results results, List<ChainApi.ChainSummary> chains,
                                              List<RegionService.Region> regions, List<String> tiers, List<SortOption> sorts);

        static native TemplateInstance search$results(Results results);

        static native TemplateInstance firm(Frame frame, EnterpriseApi.Detail firm, Ask ask);
    }

    private final EnterpriseService firms;
    private final ChainService chains;
    private final RegionService regions;
    private final WebSession session;
    private final ContactService contacts;

    FirmPages(EnterpriseService firms, ChainService chains, RegionService regions, WebSession session, ContactService contacts) {
        this.firms = firms;
        this.chains = chains;
        this.regions = regions;
        this.session = session;
        this.contacts = contacts;
    }

    static String searchLink(String region, String chain, String segment) {
        return new Filters(null, null, region, chain, segment, null, null).query(0);
    }

    @GET
    public Uni<Response> search(@QueryParam("q") String q, @QueryParam("tier") String tier, @QueryParam("region") String region,
                                @QueryParam("chain") String chain, @QueryParam("segment") String segment,
                                @QueryParam("product") String product, @QueryParam("sort") String sort,
                                @QueryParam("page") @DefaultValue("0") @jakarta.validation.constraints.Min(value = 0, message = "{paging.page}") int page, @HeaderParam("HX-Request") String htmx) {
        return session.user().chain(user -> {
            Filters f = new Filters(blank(q), blank(tier), blank(region), blank(chain), blank(segment), blank(product), blank(sort));
            Uni<Results> results = Uni.createFrom().deferred(() -> {
                Tier wanted = f.tier() == null ? null : Tier.parse(f.tier()).orElseThrow(() -> DomainException.invalid("tier",
                        Messages.get("enum.allowed", f.tier(), Vocabulary.allowed(Tier.class))));
                return firms.search(new EnterpriseApi.Filter(f.q(), wanted, f.region(), f.chain(), f.segment(), f.product(),
                        EnterpriseApi.Sort.order(f.sort())), page, PAGE_SIZE);
            }).map(p -> new Results(p, f));
            if (htmx != null) {
                // htmx asks for the result list only, as the user types
                return Pages.respond(results.map(Templates::search$results), user);
            }
            return Pages.respond(Uni.combine().all().unis(results, chains.list(), regions.provincesAndCities()).asTuple()
                    .map(t -> Templates.search(Frame.of(Pages.text("web.firms.title"), "firms", user), t.getItem1(), t.getItem2(),
                            t.getItem3(), TIERS, SORTS)), user);
        });
    }

    @GET
    @Path("/{creditCode}")
    public Uni<Response> firm(@PathParam("creditCode") String creditCode, @QueryParam("need") String need) {
        return session.user().chain(user -> {
            String needId = blank(need);
            return Pages.respond(firms.get(creditCode).chain(d -> {
                boolean mayAsk = user != null && user.partyId() != null && !d.creditCode().equalsIgnoreCase(user.partyId());
                Uni<Ask> ask = !mayAsk ? Uni.createFrom().nullItem()
                        : contacts.hasAsked(user.caller(), new ContactApi.Party(ContactApi.PartyType.ENTERPRISE, d.creditCode()), needId)
                                .map(sent -> new Ask(needId, sent));
                return ask.map(a -> Templates.firm(Frame.of(d.name(), "firms", user), d, a));
            }), user);
        });
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
