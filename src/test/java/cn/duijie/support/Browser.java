package cn.duijie.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A real headless Chromium (Debian's /usr/bin/chromium, installed by .ci/run) driven by Playwright for Java; one
 * browser per test JVM, a fresh context (cookies, viewport) per journey. Screenshots go to target/screenshots/.
 */
public final class Browser {

    public static final String CHROMIUM = System.getProperty("duijie.chromium", "/usr/bin/chromium");
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** Desktop and phone (375 px) viewports. */
    public enum Width {
        DESKTOP(1280, 900), PHONE(375, 812);

        final int width;
        final int height;

        Width(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Browser() {
    }

    private static synchronized com.microsoft.playwright.Browser chromium() {
        if (chromium == null) {
            if (!Files.isExecutable(Paths.get(CHROMIUM))) {
                throw new AssertionError("Chromium not found at " + CHROMIUM
                        + ": install it with apt-get install -y --no-install-recommends chromium fonts-wqy-microhei (.ci/run does)");
            }
            playwright = Playwright.create();
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(CHROMIUM)).setHeadless(true).setArgs(List.of("--no-sandbox")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }));
        }
        return chromium;
    }

    /** A new page in a fresh context (no cookies) at the given width, with the test server as base URL. */
    public static Page open(String baseUrl, Width width) {
        BrowserContext context = chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(width.width, width.height).setLocale("zh-CN")
                .setAcceptDownloads(true));
        context.setDefaultTimeout(20_000);
        // assertions wait as long as actions: on the shared 2-core machine an import behind a page can take 5 s and more
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        return context.newPage();
    }

    /** Saves a full-page screenshot as target/screenshots/NAME.png for a person to look at. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Logs in through the login form, as a person would, and waits for the home page. */
    public static void login(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        page.waitForURL(url -> !url.contains("/login") && !url.contains("j_security_check"));
    }

    /**
     * Asserts that the page, as it is now, does not scroll sideways at a phone's 375 px (the viewport is set to that
     * width first and left there).
     */
    public static void assertFitsPhone(Page page, String what) {
        page.setViewportSize(Width.PHONE.width, Width.PHONE.height);
        Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
        org.junit.jupiter.api.Assertions.assertEquals(Width.PHONE.width, ((Number) scrollWidth).intValue(),
                "no sideways scrolling at 375 px: " + what + " (" + page.url() + ")");
    }

    /** Closes the page's context (and its cookies). */
    public static void close(Page page) {
        page.context().close();
    }
}
