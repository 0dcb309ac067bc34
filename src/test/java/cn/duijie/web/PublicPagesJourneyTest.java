package cn.duijie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.duijie.support.Browser;
import cn.duijie.support.Imports;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A visitor without an account: the login page at `/`, the chain map, firm search and a firm page, in Chromium. */
@QuarkusTest
class PublicPagesJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void theFrontDoorIsALoginFormWithLabelledFields() {
        Page page = Browser.open(base.toString(), Browser.Width.PHONE);
        try {
            page.navigate("/");
            assertThat(page).hasTitle("登录 · 对接");
            assertThat(page.getByLabel("用户名")).isVisible();
            assertThat(page.getByLabel("密码")).isVisible();
            page.navigate("/login?error=1");
            assertThat(page.getByTestId("login-error")).containsText("用户名或密码不正确");
            assertEquals(375, page.evaluate("document.documentElement.scrollWidth"), "no sideways scrolling at 375 px");
            Browser.screenshot(page, "login-phone");
        } finally {
            Browser.close(page);
        }
    }

    @Test
    void aVisitorFindsAChainsGapAndClicksThroughToItsFirms(@TempDir Path dir) {
        String p = TestData.prefix();
        String hostile = TestData.creditCode(p + "X");
        String maker = TestData.creditCode(p + "M");
        Imports.upload(
                TestData.csv(dir, "regions.csv", """
                        code,name,level,parentCode,lat,lon
                        320000,江苏省,PROVINCE,,32.06,118.79
                        321100,镇江市,CITY,320000,32.19,119.42
                        321102,京口区,DISTRICT,321100,32.2,119.47
                        """),
                TestData.csv(dir, "chains.csv", "id,name,description\n" + p + "C,%s 机器人,减速器、伺服与整机\n".formatted(p)),
                TestData.csv(dir, "segments.csv", """
                        id,chainId,name,stage,feedsSegmentIds
                        %1$sS1,%1$sC,%1$s减速器,UPSTREAM,%1$sS3
                        %1$sS2,%1$sC,%1$s伺服电机,UPSTREAM,%1$sS3
                        %1$sS3,%1$sC,%1$s整机,DOWNSTREAM,
                        """.formatted(p)),
                TestData.csv(dir, "products.csv", """
                        code,name,segmentId,broaderCode,keywords
                        %1$sP1,谐波减速器,%1$sS1,,减速器
                        %1$sP2,伺服电机,%1$sS2,,伺服
                        %1$sP3,工业机器人,%1$sS3,,机器人
                        """.formatted(p)),
                TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier,isChainLeader,employees,productCodes,description
                        %2$s,<script>alert('%1$s')</script>,321102,SPECIALIZED,false,80,%1$sP1,<b>谐波减速器</b> & 柔轮
                        %3$s,镇江%1$s减速机,321102,INNOVATIVE,false,50,%1$sP1,减速器
                        """.formatted(p, hostile, maker)))
                .statusCode(201).body("status", equalTo("DONE"));

        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        try {
            page.navigate("/chains/" + p + "C?region=321100&min=1");
            // 减速器 has two local makers; 伺服电机 and 整机 none: gaps
            var segments = page.getByTestId("segments");
            assertThat(segments.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(p + "伺服电机"))).containsText("缺口");
            assertThat(segments.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(p + "减速器"))).containsText("2");
            assertThat(page.locator("[data-chain-graph] svg")).isVisible();
            Browser.screenshot(page, "chain-map-desktop");
            page.setViewportSize(375, 812);
            assertEquals(375, page.evaluate("document.documentElement.scrollWidth"), "the chain map fits a phone");
            Browser.screenshot(page, "chain-map-phone");
            page.setViewportSize(1280, 900);

            segments.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(p + "减速器"))
                    .getByRole(AriaRole.LINK).click();
            assertThat(page.getByTestId("count")).containsText("共 2 家");
            // a hostile name is shown as text, never run
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("<script>alert('" + p + "')</script>")))
                    .isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("<script>alert('" + p + "')</script>")).click();
            assertThat(page.getByTestId("description")).hasText("<b>谐波减速器</b> & 柔轮");
            assertTrue(page.url().endsWith("/firms/" + hostile), "the firm page has its own address");
            page.reload();
            assertThat(page.locator("h1")).hasText("<script>alert('" + p + "')</script>");
            Browser.screenshot(page, "firm-page-desktop");
        } finally {
            Browser.close(page);
        }
    }

    @Test
    void firmSearchFiltersAndPagesAndKeepsTheFiltersInTheAddress() {
        Page page = Browser.open(base.toString(), Browser.Width.PHONE);
        try {
            page.navigate("/firms?q=zzzz-no-such-firm");
            assertThat(page.getByTestId("empty")).containsText("没有符合条件的企业");
            page.getByLabel("关键词").fill("");
            page.getByLabel("排序").selectOption("NAME");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检索")).click();
            page.waitForURL("**sort=NAME**");
            assertThat(page.getByTestId("count")).containsText("显示第 1–");
            Browser.screenshot(page, "firm-search-phone");
        } finally {
            Browser.close(page);
        }
    }
}
