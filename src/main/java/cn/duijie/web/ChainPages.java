package cn.duijie.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.chain.ChainApi;
import cn.duijie.chain.ChainService;
import cn.duijie.region.RegionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The chain map: a region's chains, each drawn as segments with FEEDS arrows, filled by supply risk (强链补链: no or one
 * local maker, leaders' single-source inputs) and sized by local makers, gaps outlined.
 */
@Path("/chains")
@Produces(MediaType.TEXT_HTML)
public class ChainPages {

    /** The demo region's province: the map a visitor sees first. */
    static final String DEFAULT_REGION = "320000";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Frame frame, List<ChainApi.ChainSummary> chains, List<RegionService.Region> regions,
                                            String region);

        static native TemplateInstance map(Frame frame, ChainApi.ChainView chain, List<RegionService.Region> regions,
                                           String region, String regionName, int min, Set<String> gapSegments,
                                           List<ChainApi.Gap> gaps, String graphJson,
                                           Map<String, cn.duijie.resilience.ResilienceApi.SegmentRisk> risks, boolean bureau);
    }

    private final ChainService chains;
    private final RegionService regions;
    private final ObjectMapper json;
    private final WebSession session;
    private final cn.duijie.resilience.SegmentRiskService risks;

    ChainPages(ChainService chains, RegionService regions, ObjectMapper json, WebSession session,
               cn.duijie.resilience.SegmentRiskService risks) {
        this.risks = risks;
        this.chains = chains;
        this.regions = regions;
        this.json = json;
        this.session = session;
    }

    @GET
    public Uni<Response> list(@QueryParam("region") String region) {
        return session.user().chain(user -> {
            String r = regionOrDefault(region, user);
            return Pages.respond(Uni.combine().all().unis(chains.list(), regions.provincesAndCities()).asTuple()
                    .map(t -> Templates.list(Frame.of(Pages.text("web.chains.title"), "chains", user), t.getItem1(), t.getItem2(), r)), user);
        });
    }

    @GET
    @Path("/{id}")
    public Uni<Response> map(@PathParam("id") String id, @QueryParam("region") String region,
                             @QueryParam("min") @DefaultValue("3") int min) {
        return session.user().chain(user -> {
            String r = regionOrDefault(region, user);
            return Pages.respond(Uni.combine().all().unis(chains.get(id, r), chains.gaps(id, r, min), regions.provincesAndCities(),
                            risks.segments(id, r)).asTuple()
                    .map(t -> {
                        ChainApi.ChainView chain = t.getItem1();
                        List<ChainApi.Gap> gaps = t.getItem2();
                        Set<String> gapSegments = gaps.stream().filter(g -> g.kind() == ChainApi.GapKind.SEGMENT).map(ChainApi.Gap::id)
                                .collect(Collectors.toSet());
                        String regionName = t.getItem3().stream().filter(x -> x.code().equals(r)).map(RegionService.Region::name)
                                .findFirst().orElse(r);
                        String title = Pages.text("web.chains.map-title", chain.name(), regionName);
                        Map<String, cn.duijie.resilience.ResilienceApi.SegmentRisk> risk = t.getItem4().stream()
                                .collect(Collectors.toMap(cn.duijie.resilience.ResilienceApi.SegmentRisk::segmentId, x -> x));
                        boolean bureau = user != null && (Menu.BUREAU.equals(user.role()) || Menu.ADMIN.equals(user.role()));
                        return Templates.map(Frame.of(title, "chains", user), chain, t.getItem3(), r, regionName, min, gapSegments,
                                gaps, graphJson(chain, r, min, risk), risk, bureau);
                    }), user);
        });
    }

    private String graphJson(ChainApi.ChainView chain, String region, int min,
                             Map<String, cn.duijie.resilience.ResilienceApi.SegmentRisk> risk) {
        List<Map<String, Object>> segments = chain.segments().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("stage", s.stage());
            m.put("feeds", s.feeds());
            m.put("suppliers", s.suppliers());
            m.put("href", FirmPages.searchLink(region, chain.id(), s.id()));
            cn.duijie.resilience.ResilienceApi.SegmentRisk x = risk.get(s.id());
            m.put("risk", x == null ? "LOW" : x.level());
            m.put("riskLabel", x == null ? "" : x.label());
            m.put("riskReason", x == null ? "" : x.reason());
            return m;
        }).toList();
        try {
            return json.writeValueAsString(Map.of("segments", segments, "gapMin", min, "gapLabel", Pages.text("web.chains.gap")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String regionOrDefault(String region, WebUser user) {
        if (region != null && !region.isBlank()) {
            return region.strip();
        }
        return user != null && user.regionCode() != null ? user.regionCode() : DEFAULT_REGION;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
