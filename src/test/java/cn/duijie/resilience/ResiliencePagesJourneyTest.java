package cn.duijie.resilience;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import cn.duijie.support.Browser;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A bureau clerk reads the chain map's risk shading and runs a what-if from the menu, in Chromium. */
@QuarkusTest
class ResiliencePagesJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @TempDir
    Path dir;
    ResilienceRegion r;

    @BeforeEach
    void setUp() {
        Ready.await();
        r = new ResilienceRegion(dir, '5');
        Logins.bureau(r.cityA); // creates the clerk's account
    }

    @Test
    void aClerkSeesRiskOnTheChainMapAndRunsAWhatIf() {
        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        try {
            Browser.login(page, "b-" + r.cityA, Logins.PASSWORD);
            page.navigate("/chains/" + r.chain + "?region=" + r.cityA + "&min=1");
            // 核心部件: several local makers, but the leaders buy P1 and P2 from a single supplier → ELEVATED
            assertThat(page.getByTestId("risk-" + r.segUp)).containsText("较高");
            assertThat(page.getByTestId("risk-" + r.segUp)).containsText("只有一家供应商");
            Browser.screenshot(page, "chain-map-risk");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("强链补链")).click();
            assertThat(page).hasTitle("断供推演 · 对接");
            page.getByLabel("停供的地区（可多选）").selectOption(new SelectOption().setValue(r.cityB));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始推演")).click();
            assertThat(page.getByTestId("losses")).containsText("伺服电机");
            assertThat(page.getByTestId("losses")).containsText("外地");
            assertThat(page.getByTestId("left-single")).containsText("控制器");
            Browser.screenshot(page, "what-if");

            page.getByLabel("停供的企业（统一社会信用代码）").fill("NOT-A-CODE");
            page.getByLabel("停供的地区（可多选）").selectOption(new String[0]);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始推演")).click();
            assertThat(page.getByTestId("form-errors")).containsText("信用代码");
        } finally {
            Browser.close(page);
        }
    }
}
