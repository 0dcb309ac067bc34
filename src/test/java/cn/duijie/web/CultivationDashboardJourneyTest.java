package cn.duijie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.duijie.support.Browser;
import cn.duijie.support.Imports;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A city's clerk opens the cultivation desk from the menu and reads the four charts (pipeline against targets, the
 * climb from the recorded tier histories, concentration per chain, outcomes with a recorded technology transfer), each
 * drawn as SVG with its series named, with the table beneath; on a phone the charts fit the screen.
 */
@QuarkusTest
class CultivationDashboardJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @TempDir
    Path dir;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void theClerkReadsTheDashboardsFourChartsAndTheirTablesOnDesktopAndPhone() {
        String p = TestData.prefix();
        int h = Math.floorMod((p + "journey").hashCode(), 6000);
        String city = String.format("%02d%02d00", 40 + h / 100, h % 100);
        String district = city.substring(0, 4) + "01";
        String[][] firms = {
                {"NONE", ""}, {"POOL", ""}, {"INNOVATIVE", "INNOVATIVE:2021"}, {"INNOVATIVE", "POOL:2020|INNOVATIVE:2023"},
                {"SPECIALIZED", "INNOVATIVE:2021|SPECIALIZED:2023"}, {"LITTLE_GIANT", "SPECIALIZED:2022|LITTLE_GIANT:2024-07-01"}};
        StringBuilder csv = new StringBuilder("creditCode,name,regionCode,tier,productCodes,tierHistory\n");
        for (int i = 0; i < firms.length; i++) {
            csv.append(TestData.creditCode(p + i)).append(',').append(p).append("企业").append(i).append(',').append(district).append(',')
                    .append(firms[i][0]).append(',').append(p).append("P,").append(firms[i][1]).append('\n');
        }
        Imports.upload(TestData.jiangsuRegions(dir)).statusCode(201);
        Imports.upload(TestData.csv(dir.resolve("c"), "regions.csv", "code,name,level,parentCode,lat,lon\n"
                + city + "," + p + "市,CITY,,33.0,119.0\n" + district + "," + p + "区,DISTRICT," + city + ",33.0,119.0\n")).statusCode(201);
        Imports.upload(
                TestData.csv(dir, "chains.csv", "id,name,description\n" + p + "C," + p + "高端装备链,\n"),
                TestData.csv(dir, "segments.csv", "id,chainId,name,stage,feedsSegmentIds\n" + p + "S," + p + "C," + p + "环节,UPSTREAM,\n"),
                TestData.csv(dir, "products.csv", "code,name,segmentId,broaderCode,keywords\n" + p + "P," + p + "产品," + p + "S,,\n"),
                TestData.csv(dir, "institutions.csv", "id,name,kind,regionCode,technologyCodes,description\n" + p + "U,南京" + p + "大学,UNIVERSITY,320113,,\n"),
                TestData.csv(dir, "achievements.csv", "id,title,institutionId,kind,trl,technologyCodes,productCodes,description\n"
                        + p + "A,一种精密减速器," + p + "U,PATENT,6,,,\n"),
                TestData.csv(dir, "enterprises.csv", csv.toString())).statusCode(201).body("errorCount", equalTo(0));
        Logins.admin().contentType("application/json").body(Map.of("year", 2026, "source", "测试市专精特新培育行动计划",
                        "tiers", List.of(Map.of("tiers", List.of("LITTLE_GIANT"), "count", 2), Map.of("tiers", List.of("SPECIALIZED"), "count", 4),
                                Map.of("tiers", List.of("INNOVATIVE"), "count", 6)),
                        "techTransfers", 5, "techAgreements", 10, "srdiShare", List.of(Map.of("chainId", p + "C", "share", 0.5))))
                .put("/api/v1/regions/{c}/targets", city).then().statusCode(200);
        Logins.bureau(city).contentType("application/json").body(Map.of("achievementId", p + "A", "creditCode", TestData.creditCode(p + 4),
                "mode", "LICENSE", "signedOn", "2026-03-01")).post("/api/v1/tech-transfers").then().statusCode(201);

        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        try {
            Browser.login(page, "b-" + city, Logins.PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("梯度培育").setExact(true)).first().click();
            assertThat(page.locator("h1")).containsText(p + "市 梯度培育看板");

            // each chart is drawn as SVG and names its series (in the legend); the numbers are in the table beneath
            Locator pipeline = chart(page, "pipeline", "目标", "实际（该层级及以上）");
            assertThat(pipeline.locator("svg")).containsText("专精特新“小巨人”");
            Locator pipelineTable = page.getByTestId("table-pipeline");
            // 2 little giants wanted, 1 on the line; 4 specialized wanted, 2 at or above
            assertEquals(List.of("专精特新“小巨人”", "2", "1", "1", "50.0%"), cells(row(pipelineTable, "专精特新“小巨人”")));
            assertEquals(List.of("专精特新中小企业", "4", "2", "2", "50.0%"), cells(row(pipelineTable, "专精特新中小企业")));

            chart(page, "climb", "创新型中小企业", "专精特新中小企业", "专精特新“小巨人”");
            Locator climb = page.getByTestId("table-climb");
            // from the histories, year by year (培育库, 创新型, 专精特新, 小巨人, 单项冠军): one pooled firm in 2020, two
            // innovative ones in 2021, the little giant from mid-2024; the two firms without a history only this year
            assertEquals(List.of("2020", "1", "0", "0", "0", "0"), cells(row(climb, "2020")));
            assertEquals(List.of("2021", "1", "2", "0", "0", "0"), cells(row(climb, "2021")));
            assertEquals(List.of("2023", "0", "2", "2", "0", "0"), cells(row(climb, "2023")));
            assertEquals(List.of("2024", "0", "2", "1", "1", "0"), cells(row(climb, "2024")));

            Locator concentration = chart(page, "concentration", "专精特新占比", "目标占比");
            assertThat(concentration.locator("svg")).containsText(p + "高端装备链");
            // six firms make the chain's product, two of them 专精特新 or above: 33.3 % against 50 %, one firm short
            assertEquals(List.of(p + "高端装备链", "6", "2", "33.3%", "50.0%", "1"), cells(row(page.getByTestId("table-concentration"), p + "高端装备链")));

            chart(page, "outcomes", "实际", "目标");
            assertEquals(List.of("技术转移项目", "1", "5", "4"), cells(page.locator("[data-metric=TECH_TRANSFERS]")));

            Browser.screenshot(page, "cultivation-dashboard-desktop");
            page.setViewportSize(375, 812);
            // the charts follow the narrower screen
            page.waitForFunction("() => [...document.querySelectorAll('[data-dashboard-chart] svg')]"
                    + ".every(s => s.getBoundingClientRect().width <= 375 && s.getBoundingClientRect().width > 200)");
            Path phone = Browser.screenshot(page, "cultivation-dashboard-phone");
            assertTrue(Files.exists(phone));
            assertThat(page.getByTestId("chart-outcomes").locator("svg")).containsText("技术转移项目");
        } finally {
            Browser.close(page);
        }
    }

    /** The body row of a table whose first cell starts with this text (escaped by hand: Playwright runs the regex in JavaScript, which has no \Q…\E). */
    private static Locator row(Locator table, String first) {
        return table.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + first.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"))));
    }

    private static List<String> cells(Locator row) {
        assertThat(row).hasCount(1);
        return row.locator("th, td").allInnerTexts().stream().map(String::strip).toList();
    }

    /** The chart's SVG, once drawn, with every series name shown. */
    private static Locator chart(Page page, String name, String... series) {
        Locator svg = page.getByTestId("chart-" + name).locator("svg");
        assertThat(svg).hasCount(1);
        for (String s : series) {
            assertThat(svg).containsText(s);
        }
        return page.getByTestId("chart-" + name);
    }
}
