package cn.duijie.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.common.DomainException;
import cn.duijie.cultivation.DashboardApi;
import cn.duijie.cultivation.DashboardService;
import cn.duijie.region.RegionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The bureau's cultivation desk (梯度培育): the dashboard of a region as four charts — pipeline against targets, the
 * climb over the years, SRDI concentration per chain, outcomes against targets — each with its table beneath.
 */
@Path("/bureau/cultivation")
@Produces(MediaType.TEXT_HTML)
public class CultivationPages {

    /** The metric the outcomes chart leaves to its table: an amount in 万元 does not share an axis with counts. */
    static final String AMOUNT = "CONTRACT_AMOUNT_WAN";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Frame frame, List<RegionService.Region> regions, String region, Integer year,
                                                 DashboardApi.Dashboard board, Map<String, String> charts);
    }

    private final DashboardService dashboards;
    private final RegionService regions;
    private final WebSession session;
    private final ObjectMapper json;

    CultivationPages(DashboardService dashboards, RegionService regions, WebSession session, ObjectMapper json) {
        this.dashboards = dashboards;
        this.regions = regions;
        this.session = session;
        this.json = json;
    }

    @GET
    public Uni<Response> dashboard(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        return session.requireBureau().chain(user -> {
            String r = ChainPages.regionOrDefault(region, user);
            if (!session.coversRegion(user, r)) {
                return Pages.error(DomainException.notFound(Pages.text("access.region-hidden", r)), user);
            }
            // one service call after another on the request's session (never in parallel)
            return Pages.respond(dashboards.dashboard(r, year).chain(board -> regions.provincesAndCities().map(all -> {
                List<RegionService.Region> choices = new ArrayList<>(all);
                if (choices.stream().noneMatch(x -> x.code().equals(r))) {
                    choices.add(0, new RegionService.Region(r, board.regionName(), "", null));
                }
                return Templates.dashboard(Frame.of(Pages.text("web.cultivation.title", board.regionName()), "cultivation", user),
                        choices, r, year, board, charts(board));
            })), user);
        });
    }

    /** The four charts as the chart module draws them: {type, categories, series: [{name, data}], percent}. */
    private Map<String, String> charts(DashboardApi.Dashboard b) {
        Map<String, String> charts = new LinkedHashMap<>();
        if (b.pipeline().isEmpty()) {
            charts.put("pipeline", chart("bar", b.tiers().stream().map(DashboardApi.TierCount::label).toList(), false,
                    series("web.cultivation.series.count", b.tiers().stream().map(t -> (Number) t.count()).toList()),
                    series("web.cultivation.series.at-or-above", b.tiers().stream().map(t -> (Number) t.atOrAbove()).toList())));
        } else {
            charts.put("pipeline", chart("bar", b.pipeline().stream().map(DashboardApi.TierProgress::label).toList(), false,
                    series("web.cultivation.series.target", b.pipeline().stream().map(t -> (Number) t.target()).toList()),
                    series("web.cultivation.series.actual-at-or-above", b.pipeline().stream().map(t -> (Number) t.actual()).toList())));
        }
        charts.put("climb", chart("line", b.climb().years().stream().map(String::valueOf).toList(), false,
                b.climb().series().stream().map(s -> seriesNamed(s.label(), List.<Number>copyOf(s.counts()))).toArray(Map[]::new)));
        charts.put("concentration", chart("bar", b.concentration().stream().map(DashboardApi.Concentration::chainName).toList(), true,
                series("web.cultivation.series.share", b.concentration().stream().map(c -> (Number) c.share()).toList()),
                series("web.cultivation.series.share-target", b.concentration().stream().map(c -> (Number) c.target()).toList())));
        List<DashboardApi.Outcome> counted = b.outcomes().stream().filter(o -> !o.metric().equals(AMOUNT)).toList();
        charts.put("outcomes", chart("bar", counted.stream().map(DashboardApi.Outcome::label).toList(), false,
                series("web.cultivation.series.actual", counted.stream().map(o -> (Number) o.actual()).toList()),
                series("web.cultivation.series.target", counted.stream().map(o -> (Number) o.target()).toList())));
        return charts;
    }

    private static Map<String, Object> series(String labelKey, List<Number> data) {
        return seriesNamed(Pages.text(labelKey), data);
    }

    private static Map<String, Object> seriesNamed(String name, List<Number> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("data", data);
        return m;
    }

    @SafeVarargs
    private String chart(String type, List<String> categories, boolean percent, Map<String, Object>... series) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("categories", categories);
        m.put("percent", percent);
        m.put("series", List.of(series));
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
