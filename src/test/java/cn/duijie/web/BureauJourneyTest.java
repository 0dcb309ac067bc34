package cn.duijie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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

/**
 * A 镇江 工信局 clerk, in Chromium: imports an Excel file with one bad row and reads its reason, creates a fair,
 * invites the suggested parties, confirms a meeting, schedules, publishes, downloads the workbook, checks a guest in
 * on a phone.
 */
@QuarkusTest
class BureauJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void theClerkImportsAnExcelFileWithOneBadRowAndSeesItsReason(@TempDir Path dir) throws Exception {
        String p = TestData.prefix();
        String good = TestData.creditCode(p + "G");
        String bad = TestData.withWrongCheck(TestData.creditCode(p + "B"));
        Path regions = TestData.csv(dir, "regions.csv", """
                code,name,level,parentCode,lat,lon
                320000,江苏省,PROVINCE,,32.06,118.79
                321100,镇江市,CITY,320000,32.19,119.42
                321102,京口区,DISTRICT,321100,32.2,119.47
                """);
        Path xlsx = dir.resolve("enterprises.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx); Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("企业");
            String[][] rows = {{"creditCode", "name", "regionCode", "tier"}, {good, "镇江" + p + "精工", "321102", "INNOVATIVE"},
                    {bad, "镇江" + p + "错码", "321102", "POOL"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        // the clerk's city must be in the graph before the clerk's account can be made
        Imports.upload(regions).statusCode(201);
        Logins.bureau("321100");
        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        try {
            Browser.login(page, "b-321100", Logins.PASSWORD);
            page.navigate("/bureau/imports");
            // a clerk imports firms of the own region (regions and chains are the operator's)
            page.getByLabel("选择文件").setInputFiles(new Path[] {xlsx});
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始导入")).click();
            // the firms file: one row created, one rejected (the report names files by what they hold)
            Locator firms = page.getByTestId("file-counts").locator("tbody tr").filter(new Locator.FilterOptions().setHasText("enterprises"));
            assertThat(firms.locator("td").nth(1)).hasText("1");
            assertThat(firms.locator("td").nth(4)).hasText("1");
            Locator errors = page.getByTestId("row-errors");
            assertThat(errors).containsText("统一社会信用代码校验位错误");
            assertThat(errors.getByRole(AriaRole.ROW).nth(1)).containsText("3");
            Download download = page.waitForDownload(() -> page.getByText("下载错误清单 Excel").click());
            Path saved = dir.resolve("errors.xlsx");
            download.saveAs(saved);
            try (InputStream in = Files.newInputStream(saved); ReadableWorkbook wb = new ReadableWorkbook(in)) {
                String reason = wb.getFirstSheet().openStream().skip(1).findFirst().orElseThrow().getCellText(3);
                assertTrue(reason.contains("校验位"), reason);
            }
            page.reload();
            assertThat(page.getByTestId("row-errors")).containsText("校验位");
            Browser.screenshot(page, "bureau-import-desktop");
            page.setViewportSize(375, 812);
            org.junit.jupiter.api.Assertions.assertEquals(375, page.evaluate("document.documentElement.scrollWidth"), "no sideways scrolling at 375 px");
            Browser.screenshot(page, "bureau-import-phone");
        } finally {
            Browser.close(page);
        }
    }

    @Test
    void theClerkRunsAFairFromInvitationsToTheScheduleAndTheDoor(@TempDir Path dir) throws Exception {
        SupplyRegion r = new SupplyRegion(dir);
        // the leader leads the chain (a LEADS edge) and has an open need: a suggested host
        Imports.upload(TestData.csv(dir, "enterprises.csv", """
                creditCode,name,regionCode,tier,isChainLeader,employees,certifications,productCodes,description,leadsChainIds
                %2$s,镇江%1$s汽车集团,321102,CHAMPION,true,8000,IATF16949,%1$sP9|%1$sP1,新能源整车,%1$sC
                """.formatted(r.p, r.leader))).statusCode(201);
        Logins.firm(r.leader).contentType(io.restassured.http.ContentType.JSON).body(r.needJson()).post("/api/v1/needs")
                .then().statusCode(201);
        Logins.bureau("321100");
        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        page.onDialog(d -> d.accept());
        try {
            Browser.login(page, "b-321100", Logins.PASSWORD);
            Browser.assertFitsPhone(page, "the bureau's home");
            page.setViewportSize(1280, 900);
            page.navigate("/bureau/events");
            page.getByLabel("活动名称").fill(r.p + " 新能源汽车产需对接会");
            page.getByLabel("主题产业链").selectOption(r.p + "C");
            page.getByLabel("地区", new Page.GetByLabelOptions().setExact(true)).selectOption("321100");
            page.getByLabel("洽谈桌数").fill("3");
            page.getByLabel("地点").fill("镇江国际会展中心");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建活动")).click();
            assertThat(page.locator("h1")).hasText(r.p + " 新能源汽车产需对接会");

            // the leader is a suggested host, its suppliers are guests; one click invites them all
            assertThat(page.getByTestId("hosts")).containsText("镇江" + r.p + "汽车集团");
            assertThat(page.getByTestId("guests")).containsText(r.p);
            Browser.assertFitsPhone(page, "the event page");
            page.setViewportSize(1280, 900);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("一键邀请全部建议对象")).click();
            page.navigate(page.url().replaceAll("\\?.*", "") + "?tab=participants");
            Locator participants = page.getByTestId("participants");
            assertThat(participants).containsText("镇江" + r.p + "汽车集团");
            // the party column sorts by a click on its header, and a second click reverses it
            Locator byParty = participants.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^参与方")));
            byParty.click();
            assertThat(page.getByTestId("participants").locator("th[aria-sort=ascending]")).hasText("参与方 ▲");
            page.getByTestId("participants").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^参与方"))).click();
            assertThat(page.getByTestId("participants").locator("th[aria-sort=descending]")).hasText("参与方 ▼");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("tab=participants&sort=-NAME$"));
            Browser.screenshot(page, "bureau-participants-sorted-desktop");
            // register the leader and one guest, then a meeting between them that staff confirm
            for (String name : new String[] {"镇江" + r.p + "汽车集团", "丹阳" + r.p + "精密轴承"}) {
                page.getByTestId("participants").getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name))
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登记报名")).click();
            }
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("洽谈请求"))).click();
            page.getByLabel("发起方").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("镇江" + r.p + "汽车集团"));
            page.getByLabel("对方").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("丹阳" + r.p + "精密轴承"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加请求")).click();
            page.getByTestId("requests").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认")).click();
            assertThat(page.getByTestId("requests")).containsText("已确认");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("排程")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("排程").setExact(true)).click();
            Locator grid = page.getByTestId("grid");
            assertThat(grid).containsText("镇江" + r.p + "汽车集团");
            assertThat(grid).containsText("丹阳" + r.p + "精密轴承");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布排程")).click();
            assertThat(page.getByTestId("schedule-summary")).containsText("已发布");
            Download download = page.waitForDownload(() -> page.getByText("下载排程表 Excel").click());
            Path saved = dir.resolve("schedule.xlsx");
            download.saveAs(saved);
            try (InputStream in = Files.newInputStream(saved); ReadableWorkbook wb = new ReadableWorkbook(in)) {
                String cells = wb.getFirstSheet().openStream().flatMap(row -> row.stream())
                        .filter(java.util.Objects::nonNull).map(c -> c.getText()).reduce("", String::concat);
                assertTrue(cells.contains("镇江" + r.p + "汽车集团") && cells.contains("丹阳" + r.p + "精密轴承"),
                        "the workbook has the scheduled pair: " + cells);
            }
            Browser.screenshot(page, "bureau-schedule-desktop");
            page.setViewportSize(375, 812);
            Browser.screenshot(page, "bureau-schedule-phone");
            page.setViewportSize(1280, 900);

            // at the door, on a phone
            page.setViewportSize(375, 812);
            page.navigate(page.url().replace("/schedule", "/checkin"));
            page.getByLabel("查找参与方").fill("汽车集团");
            page.locator("#checkin-list li").filter(new Locator.FilterOptions().setHasText("镇江" + r.p + "汽车集团"))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签到")).click();
            assertThat(page.locator("#checkin-list li").filter(new Locator.FilterOptions().setHasText("镇江" + r.p + "汽车集团")))
                    .containsText("已签到");
            Browser.screenshot(page, "bureau-checkin-phone");
            page.setViewportSize(1280, 900);
            Browser.screenshot(page, "bureau-checkin-desktop");
        } finally {
            Browser.close(page);
        }
    }
}
