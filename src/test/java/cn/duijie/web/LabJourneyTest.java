package cn.duijie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.file.Path;

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
 * A university's tech-transfer officer registers an achievement with the technology picker (a wrong TRL comes back
 * beside its field), edits it, and adds an expert, in Chromium; the achievement is then found by the API's search.
 */
@QuarkusTest
class LabJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void theOfficerAddsAndEditsAnAchievementAndAnExpert(@TempDir Path dir) {
        String p = TestData.prefix();
        String lab = p + "U";
        Imports.upload(
                TestData.csv(dir, "regions.csv", """
                        code,name,level,parentCode,lat,lon
                        320000,江苏省,PROVINCE,,32.06,118.79
                        321100,镇江市,CITY,320000,32.19,119.42
                        321102,京口区,DISTRICT,321100,32.2,119.47
                        """),
                TestData.csv(dir, "technologies.csv", """
                        code,name,broaderCode,segmentIds,keywords
                        %1$sT1,%1$s谐波减速技术,,,减速|柔轮
                        %1$sT2,%1$s机器视觉技术,,,视觉
                        """.formatted(p)),
                TestData.csv(dir, "institutions.csv", """
                        id,name,kind,regionCode,technologyCodes,description
                        %1$s,江苏%1$s大学,UNIVERSITY,321102,%2$sT1,机械工程见长
                        """.formatted(lab, p)))
                .statusCode(201).body("status", equalTo("DONE")).body("errors", org.hamcrest.Matchers.hasSize(0));
        Logins.institution(lab);

        Page page = Browser.open(base.toString(), Browser.Width.DESKTOP);
        try {
            Browser.login(page, "i-" + lab.toLowerCase(), Logins.PASSWORD);
            assertThat(page.locator("h1")).containsText("江苏" + lab + "大学");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记成果").setExact(true)).click();
            page.getByLabel("成果名称").fill("一种<b>柔轮</b>高寿命谐波减速器 " + p);
            page.getByLabel("技术成熟度（TRL 1–9）").fill("12");
            Locator tech = page.locator("fieldset[data-picker]").filter(new Locator.FilterOptions().setHasText("涉及的技术"));
            tech.getByRole(AriaRole.SEARCHBOX).fill("谐波减速");
            tech.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(p + "谐波减速技术")).click();
            assertThat(tech.getByTestId("chosen-technologyCodes")).containsText(p + "谐波减速技术");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存成果")).click();
            // the importer's rule, beside the field; what was typed and picked stays
            assertThat(page.locator("#trl-error")).not().isEmpty();
            assertThat(page.getByTestId("chosen-technologyCodes")).containsText(p + "谐波减速技术");
            page.getByLabel("技术成熟度（TRL 1–9）").fill("6");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存成果")).click();
            assertThat(page.getByTestId("saved")).isVisible();
            // shown as text, never as markup
            Locator achievements = page.getByTestId("achievements");
            assertThat(achievements).containsText("一种<b>柔轮</b>高寿命谐波减速器 " + p);
            assertThat(achievements).containsText("TRL 6");

            achievements.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("修改 一种<b>柔轮</b>高寿命谐波减速器 " + p)).click();
            assertThat(page.getByLabel("技术成熟度（TRL 1–9）")).hasValue("6");
            page.getByLabel("技术成熟度（TRL 1–9）").fill("7");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存成果")).click();
            assertThat(page.getByTestId("achievements")).containsText("TRL 7");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记专家")).click();
            page.getByLabel("姓名").fill("周" + p);
            page.getByLabel("职称").fill("教授");
            Locator skills = page.locator("fieldset[data-picker]");
            skills.getByRole(AriaRole.SEARCHBOX).fill("视觉");
            skills.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(p + "机器视觉技术")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存专家")).click();
            assertThat(page.getByTestId("experts")).containsText("周" + p);
            assertThat(page.getByTestId("experts")).containsText(p + "机器视觉技术");
            Browser.screenshot(page, "lab-home-desktop");
            Browser.assertFitsPhone(page, "the lab's home");
            Browser.screenshot(page, "lab-home-phone");
        } finally {
            Browser.close(page);
        }
        Logins.institution(lab).get("/api/v1/achievements?institution=" + lab).then().statusCode(200)
                .body("items[0].trl", equalTo(7)).body("items[0].technologies[0]", equalTo(p + "谐波减速技术"));
    }
}
