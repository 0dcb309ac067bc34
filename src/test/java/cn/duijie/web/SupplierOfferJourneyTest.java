package cn.duijie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import io.restassured.http.ContentType;

/**
 * An SME owner on a phone fills in its contact details and profile, answers a leader's need with "我可以供货" (a contact request); the leader's buyer accepts
 * it in the 对接请求 inbox and then sees the SME's contact details, in Chromium.
 */
@QuarkusTest
class SupplierOfferJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void theSmeSaysItCanSupplyAndTheLeaderAcceptsAndSeesItsContactDetails(@TempDir Path dir) {
        SupplyRegion r = new SupplyRegion(dir);
        String title = "采购新能源车用精密轴承 " + r.p;
        Logins.firm(r.leader).contentType(ContentType.JSON).body(r.needJson().replace("采购新能源车用精密轴承", title))
                .post("/api/v1/needs").then().statusCode(201);
        Logins.firm(r.nearCertified);
        String supplier = "丹阳" + r.p + "精密轴承";

        Page sme = Browser.open(base.toString(), Browser.Width.PHONE);
        try {
            Browser.login(sme, "f-" + r.nearCertified.toLowerCase(), Logins.PASSWORD);
            // first its contact details; a wrong mobile number comes back with the reason beside the field
            sme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("展开菜单")).click();
            sme.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("对接请求")).click();
            assertThat(sme.getByTestId("no-contact")).isVisible();
            sme.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("现在填写")).click();
            sme.getByLabel("联系人").fill("王经理");
            sme.getByLabel("手机").fill("123");
            sme.getByLabel("邮箱").fill("wang@example.cn");
            sme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存联系方式")).click();
            assertThat(sme.locator("#mobile-error")).containsText("11 位");
            assertThat(sme.getByLabel("联系人")).hasValue("王经理");
            sme.getByLabel("手机").fill("13912345678");
            sme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存联系方式")).click();
            assertThat(sme.getByTestId("saved")).isVisible();

            // its profile: capacity and certifications, a number that is not one refused beside the field
            sme.navigate("/profile");
            assertThat(sme.getByTestId("chosen")).containsText("精密轴承");
            sme.getByLabel("员工人数").fill("三百五十");
            sme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存企业资料")).click();
            assertThat(sme.locator("#employees-error")).containsText("应为数字");
            sme.getByLabel("员工人数").fill("350");
            sme.getByLabel("资质认证（逗号分隔）").fill("IATF16949，ISO9001，ISO14001");
            sme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存企业资料")).click();
            assertThat(sme.getByTestId("saved")).isVisible();
            assertThat(sme.getByLabel("员工人数")).hasValue("350");
            assertThat(sme.getByLabel("资质认证（逗号分隔）")).hasValue("IATF16949，ISO9001，ISO14001");
            assertThat(sme.getByTestId("chosen")).containsText("精密轴承");

            // the leader's need is among those it can serve, with reasons; one tap says "我可以供货"
            sme.navigate("/home");
            Locator need = sme.getByTestId("opportunity").filter(new Locator.FilterOptions().setHasText(title));
            for (int i = 0; i < 20 && need.count() == 0; i++) {
                sme.waitForTimeout(500);
                sme.reload();
            }
            assertThat(need).containsText("精密轴承");
            need.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("我可以供货")).click();
            assertThat(need.getByTestId("offer-sent")).containsText("已发送供货意向");
            sme.reload();
            assertThat(sme.getByTestId("opportunity").filter(new Locator.FilterOptions().setHasText(title)).getByTestId("offer-sent"))
                    .isVisible();
            Browser.assertFitsPhone(sme, "the SME's home");
            Browser.screenshot(sme, "sme-offer-phone");
            sme.setViewportSize(1280, 900);
            Browser.screenshot(sme, "sme-offer-desktop");
        } finally {
            Browser.close(sme);
        }

        Page leader = Browser.open(base.toString(), Browser.Width.DESKTOP);
        leader.onDialog(d -> d.accept());
        try {
            Browser.login(leader, "f-" + r.leader.toLowerCase(), Logins.PASSWORD);
            leader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("对接请求")).click();
            Locator request = leader.getByTestId("request").filter(new Locator.FilterOptions().setHasText(supplier));
            assertThat(request).containsText(title);
            assertThat(request.getByTestId("request-status")).hasText("待回复");
            // nothing of the supplier's details before consent
            assertThat(request).not().containsText("13912345678");
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("同意对接")).click();
            Locator accepted = leader.getByTestId("request").filter(new Locator.FilterOptions().setHasText(supplier));
            assertThat(accepted.getByTestId("request-status")).hasText("已接受");
            assertThat(accepted.getByTestId("shared-contact")).containsText("王经理");
            assertThat(accepted.getByTestId("shared-contact")).containsText("13912345678");
            Browser.screenshot(leader, "leader-inbox-desktop");
            leader.setViewportSize(375, 812);
            Browser.screenshot(leader, "leader-inbox-phone");
        } finally {
            Browser.close(leader);
        }
    }
}
