package cn.duijie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.duijie.support.Browser;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A fund analyst logs in, reads each fund's deal flow with its reasons and conflict flag, opens the firm behind a
 * financing need and asks it for contact (请求对接), in Chromium; the request waits in the firm's inbox without details.
 */
@QuarkusTest
class InvestorJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void anInvestorReadsItsDealFlowWithReasonsOpensTheFirmAndAsksForContact(@TempDir Path dir) {
        SupplyRegion r = new SupplyRegion(dir);
        String investor = r.investorWithTwoFunds(dir);
        String title = r.p + " 扩产融资 2000 万元";
        r.financeNeed(title);
        Logins.investor(investor);
        String firmName = "丹阳" + r.p + "精密轴承";

        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        try {
            Browser.login(page, "v-" + investor.toLowerCase(), Logins.PASSWORD);
            assertTrue(page.url().endsWith("/investor"), page.url());
            Locator fund1 = page.locator("section").filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(r.p + "一号基金"))));
            Locator fund2 = page.locator("section").filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(r.p + "二号基金"))));
            // the need reaches the graph through the outbox relay
            for (int i = 0; i < 40 && fund2.getByText(title).count() == 0; i++) {
                page.waitForTimeout(500);
                page.reload();
            }
            Locator deal1 = fund1.getByTestId("deal-flow").locator("> li").filter(new Locator.FilterOptions().setHasText(title));
            Locator deal2 = fund2.getByTestId("deal-flow").locator("> li").filter(new Locator.FilterOptions().setHasText(title));
            assertThat(deal1).hasCount(1);
            assertThat(deal2).hasCount(1);
            // reasons a person can check, and the conflict flag only where the fund holds a local maker of the product
            assertThat(deal1).containsText("投资阶段覆盖 A 轮");
            assertThat(deal1).containsText("提供所需融资方式 股权融资");
            assertThat(deal1).containsText("覆盖所需 2000 万元");
            assertThat(deal1).containsText("丹阳" + r.p + "冠军轴承");
            assertThat(deal1).containsText("投资了直接竞争对手");
            assertThat(deal2).containsText("投资阶段覆盖");
            assertThat(deal2).not().containsText("投资了直接竞争对手");
            Browser.screenshot(page, "investor-deal-flow-desktop");
            Browser.assertFitsPhone(page, "the investor's home");
            Browser.screenshot(page, "investor-deal-flow-phone");
            page.setViewportSize(1280, 900);

            // the firm behind the need, and one click asks it for contact about this need
            assertThat(deal2.getByTestId("poster")).hasText(firmName);
            deal2.getByTestId("poster").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(firmName).setLevel(1))).isVisible();
            assertThat(page.getByTestId("description")).hasText("汽车精密轴承");
            // the year a customer has bought since reads as a year (no thousands separator)
            assertThat(page.locator("main")).containsText("2020 年起");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("请求对接")).click();
            assertThat(page.getByTestId("contact-asked")).containsText("已发送对接请求");
            // a deep link: the reloaded page still knows it was asked
            page.reload();
            assertThat(page.getByTestId("contact-asked")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("请求对接"))).hasCount(0);
            Browser.screenshot(page, "investor-firm-desktop");
            Browser.assertFitsPhone(page, "the firm page with 请求对接");
            Browser.screenshot(page, "investor-firm-phone");
            page.setViewportSize(1280, 900);

            // the sent request, about the need, pending and without the firm's details
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("对接请求")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("发出的请求")).click();
            Locator sent = page.getByTestId("request").filter(new Locator.FilterOptions().setHasText(firmName));
            assertThat(sent).containsText(title);
            assertThat(sent.getByTestId("request-status")).hasText("待回复");
            assertThat(sent.getByTestId("shared-contact")).hasCount(0);
            Browser.screenshot(page, "investor-sent-desktop");
        } finally {
            Browser.close(page);
        }
        Logins.firm(r.nearCertified).get("/api/v1/contact-requests?direction=in").then().statusCode(200)
                .body("find { it.from.id == '" + investor + "' }.needId", org.hamcrest.Matchers.notNullValue())
                .body("find { it.from.id == '" + investor + "' }.status", org.hamcrest.Matchers.equalTo("PENDING"));
    }
}
