package org.openysb.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One headless chromium (Debian's, never a downloaded one) for a test class, pages in Chinese at a phone's or a
 * desk's size, screenshots under {@code target/screenshots/} for review, and axe-core's accessibility check.
 */
public final class Browser implements AutoCloseable {
    public static final int PHONE_WIDTH = 375;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final Path screenshots;
    private final String axe;

    public Browser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(System.getProperty("openysb.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        screenshots = Path.of(System.getProperty("openysb.screenshots.dir", "target/screenshots"));
        Path webui = Path.of(System.getProperty("openysb.webui.dir", "../web/src/main/webui"));
        try {
            Files.createDirectories(screenshots);
            axe = Files.readString(webui.resolve("node_modules/axe-core/axe.min.js"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh context (no cookies, no storage) as a phone: 375 px wide, zh-CN, Beijing time. */
    public BrowserContext phone() {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, 812)
                .setDeviceScaleFactor(1)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
    }

    /** A fresh context as a desk computer: 1366 × 900, zh-CN, Beijing time. */
    public BrowserContext desk() {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 900)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Runs axe-core on the page as it is now and fails on any serious or critical violation, listing them. */
    @SuppressWarnings("unchecked")
    public void assertAccessible(Page page, String what) {
        // a dialog or drawer still fading in blends its text with the page: contrast is judged once it is settled
        page.evaluate("() => Promise.all(document.getAnimations()"
                + ".filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)"
                + ".map(a => a.finished.catch(() => null)))");
        page.evaluate(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>)
                page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            lines.add(v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"));
        }
        assertEquals(List.of(), lines, "axe-core on " + what);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
