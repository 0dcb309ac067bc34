package cn.duijie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.duijie.support.Browser;
import cn.duijie.support.Imports;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import cn.duijie.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A chain leader's buyer posts a component need with the product picker and shortlists a supplier, in Chromium. */
@QuarkusTest
class ChainLeaderJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void theLeaderPostsANeedSeesRankedSuppliersWithReasonsAndShortlistsOne(@TempDir Path dir) throws Exception {
        SupplyRegion r = new SupplyRegion(dir);
        Logins.firm(r.leader);
        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        page.onDialog(d -> d.accept());
        try {
            Browser.login(page, "f-" + r.leader.toLowerCase(), Logins.PASSWORD);
            assertThat(page.locator("h1")).containsText("镇江" + r.p + "汽车集团");
            assertThat(page.getByTestId("no-needs")).isVisible();
            Browser.assertFitsPhone(page, "the leader's home");
            page.setViewportSize(1280, 900);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("发布配套需求")).first().click();

            // words that name no product, and none picked: the form comes back with the reason beside the picker,
            // and keeps what was typed
            assertThat(page.getByTestId("pick-optional")).isVisible();
            page.getByLabel("需求标题").fill("诚邀各位来厂参观 " + r.p);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布需求")).click();
            assertThat(page.locator("#pick-error")).not().isEmpty();
            assertThat(page.getByLabel("需求标题")).hasValue("诚邀各位来厂参观 " + r.p);
            page.getByLabel("需求标题").fill("采购新能源车用精密轴承 " + r.p);

            // the picker finds 精密轴承 by a keyword
            page.getByLabel("按中文名称或关键词查找，点击加入").fill("精密轴承");
            page.getByTestId("pick-options").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("精密轴承")).first().click();
            assertThat(page.getByTestId("chosen")).containsText("精密轴承");
            page.getByLabel("配套半径（公里）").fill("200");
            page.getByLabel("必需的资质（逗号分隔）").fill("IATF16949");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布需求")).click();

            // ranked suppliers with reasons; the far maker and the one without the certification are never shown
            Locator matches = page.getByTestId("matches");
            assertThat(matches).containsText("丹阳" + r.p + "精密轴承");
            assertThat(matches).not().containsText("乌鲁木齐" + r.p + "轴承");
            assertThat(matches).not().containsText("丹阳" + r.p + "无证轴承");
            // the card whose name is the supplier (other cards' reasons may name it, e.g. as the incumbent)
            Locator supplier = page.getByTestId("match").filter(new Locator.FilterOptions()
                    .setHas(page.locator("strong a", new Page.LocatorOptions().setHasText("丹阳" + r.p + "精密轴承"))));
            assertThat(supplier.locator(".chain-path").first()).containsText("精密轴承");
            supplier.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("加入候选")).click();
            assertThat(page.getByTestId("match").filter(new Locator.FilterOptions()
                    .setHas(page.locator("strong a", new Page.LocatorOptions().setHasText("丹阳" + r.p + "精密轴承"))))
                    .getByTestId("done-SHORTLIST")).isVisible();

            // the address survives a reload, and the shortlist downloads as Excel with the supplier in it
            page.reload();
            assertThat(page.getByText("下载候选名单 Excel（1 家）")).isVisible();
            Download download = page.waitForDownload(() -> page.getByText("下载候选名单 Excel（1 家）").click());
            Path xlsx = dir.resolve("shortlist.xlsx");
            download.saveAs(xlsx);
            try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
                String cell = wb.getFirstSheet().openStream().skip(1).findFirst().orElseThrow().getCellText(0);
                assertTrue(cell.contains("丹阳" + r.p + "精密轴承"), "the shortlisted supplier is in the workbook: " + cell);
            }
            Browser.screenshot(page, "leader-need-desktop");
            Browser.assertFitsPhone(page, "the need page with its candidates");
            Browser.screenshot(page, "leader-need-phone");

            // back home, the leader's own needs are a table sorted by a click on a header (again: the other way)
            page.setViewportSize(1280, 900);
            page.navigate(base + "home");
            Locator mine = page.getByTestId("my-needs");
            mine.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^需求标题"))).click();
            assertThat(page.getByTestId("my-needs").locator("th[aria-sort=ascending]")).hasText("需求标题 ▲");
            page.getByTestId("my-needs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^需求标题"))).click();
            assertThat(page.getByTestId("my-needs").locator("th[aria-sort=descending]")).hasText("需求标题 ▼");
            Browser.screenshot(page, "leader-home-desktop");
            Browser.assertFitsPhone(page, "the leader's home");
            Browser.screenshot(page, "leader-home-phone");
        } finally {
            Browser.close(page);
        }
    }

    @Test
    void aNeedTypedInWordsShowsTheProductsReadFromItAndThePosterAddsAnotherFoundByAChineseWord(@TempDir Path dir) throws Exception {
        SupplyRegion r = new SupplyRegion(dir);
        // a product only this test names ({tag}滚珠丝杠, keyword {tag}丝杠) and a maker of it near the leader
        String tag = TestData.chineseTag(r.p);
        String screw = r.p + "W5";
        Imports.upload(
                TestData.csv(dir, "products.csv", """
                        code,name,segmentId,broaderCode,keywords
                        %1$sW5,%2$s滚珠丝杠,%1$sS1,,%2$s丝杠
                        """.formatted(r.p, tag)),
                TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier,isChainLeader,employees,certifications,productCodes,description
                        %2$s,丹阳%1$s丝杠,321181,SPECIALIZED,false,200,IATF16949,%1$sW5,
                        """.formatted(r.p, TestData.creditCode(r.p + "WS"))))
                .statusCode(201).body("errors", hasSize(0));
        Logins.firm(r.leader);
        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        try {
            Browser.login(page, "f-" + r.leader.toLowerCase(), Logins.PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("发布配套需求")).first().click();
            page.getByLabel("需求标题").fill("采购一批新能源车用精密轴承，年需求两万套 " + r.p);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布需求")).click();

            // nothing picked: the need page shows what was read, with confidence, already matched on
            Locator proposed = page.getByTestId("proposed-codes");
            assertThat(proposed).containsText("精密轴承");
            assertThat(proposed).containsText("置信度");
            // (other test regions name their products 精密轴承 too, so their makers may fill the list)
            assertThat(page.getByTestId("matches")).containsText("生产所需产品“精密轴承”");
            String id = page.url().replaceAll(".*/needs/", "");

            // the reading is not what the poster meant: untick it, find the product by a Chinese keyword, add it
            for (Locator box : proposed.locator("li.form-check input[type=checkbox]").all()) {
                box.uncheck();
            }
            proposed.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("加入其他产品"))
                    .getByLabel("按中文名称或关键词查找，点击加入").fill(tag + "丝杠");
            proposed.getByTestId("pick-options").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(tag + "滚珠丝杠")).click();
            assertThat(proposed.getByTestId("chosen-productCodes")).containsText(tag + "滚珠丝杠");
            assertThat(proposed.getByTestId("chosen-productCodes").getByRole(AriaRole.CHECKBOX)).isChecked();
            Browser.screenshot(page, "leader-need-in-words-desktop");
            Browser.assertFitsPhone(page, "the need page with its proposed products and the picker's options");
            Browser.screenshot(page, "leader-need-in-words-phone");
            page.setViewportSize(1280, 900);

            page.getByTestId("confirm-codes").click();
            assertThat(page.getByTestId("proposed-codes")).hasCount(0);
            // matched on the product the poster added, and on it alone
            assertThat(page.getByTestId("matches")).containsText("丹阳" + r.p + "丝杠");
            assertThat(page.getByTestId("matches")).containsText("生产所需产品“" + tag + "滚珠丝杠”");
            assertThat(page.getByTestId("matches")).not().containsText("生产所需产品“精密轴承”");
            Logins.firm(r.leader).get("/api/v1/needs/{id}", id).then().statusCode(200)
                    .body("codesProposed", equalTo(false)).body("productCodes", equalTo(List.of(screw)));
        } finally {
            Browser.close(page);
        }
    }
}
