package org.openysb.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public portal in a real browser, as its users use it, in Chinese and at a phone's width: a citizen files
 * anonymously after proving the mobile with the SMS code, keeps the receipt, opens the tracking link of the receipt
 * SMS and sees the unit; markup in a complaint stays text; a signed-in citizen finds the case among their own and
 * signs out; after the unit replies, the complainant rates it through the follow-up link, once; the public
 * statistics show charts and their tables. axe-core checks every page; each step leaves a screenshot in
 * {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class PortalIT {
    private static final String MOBILE = "13700001234";
    private static final String MARKUP = "<img src=x onerror=\"window.__xss=1\"><b>粗体</b>";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Browser browser;
    private static String web;
    private static Path smsLog;
    private static String caseNumber;
    private static String queryCode;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
        web = SharedStack.url("web");
        smsLog = SharedStack.stack().smsSink().log();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCitizenFilesAnonymouslyAfterProvingTheMobileWithAnSmsCode() {
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(web + "/");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("有诉必应");
            browser.assertAccessible(page, "首页");
            browser.screenshot(page, "portal-01-home-phone");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("我要投诉").setExact(false))
                    .first()
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("我要投诉")))
                    .isVisible();
            page.getByRole(
                            AriaRole.RADIO,
                            new Page.GetByRoleOptions().setName("投诉").setExact(true))
                    .check(new Locator.CheckOptions().setForce(true));
            page.getByLabel("所在区域").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("东城区"))
                    .click();
            page.getByLabel("标题").fill(MARKUP + "营业执照申请被反复驳回");
            page.getByLabel("诉求内容").fill("我想开一家奶茶店，网上申请营业执照被驳回两次，说经营范围填写不规范，企业开办一直办不下来。");
            assertThat(page.getByText("已输入 45 / 5000 字")).isVisible();
            page.getByRole(
                            AriaRole.RADIO,
                            new Page.GetByRoleOptions().setName("匿名").setExact(true))
                    .check(new Locator.CheckOptions().setForce(true));

            // submitting before the mobile is proven is refused next to the field, and nothing is lost
            page.getByLabel("手机号（选填）").fill(MOBILE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交诉求"))
                    .click();
            assertThat(page.getByText("请先完成手机号验证").first()).isVisible();

            Instant asked = Instant.now();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码"))
                    .click();
            String code = awaitSms(MOBILE, asked, Pattern.compile("(\\d{6})"));
            page.getByLabel("验证码").fill(code);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("验证").setExact(true))
                    .click();
            assertThat(page.getByText("手机号已验证").first()).isVisible();
            browser.assertAccessible(page, "我要投诉");
            browser.screenshot(page, "portal-02-file-phone");

            Instant submitted = Instant.now();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交诉求"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("诉求已受理")))
                    .isVisible();
            caseNumber = page.getByLabel("案件编号").textContent().trim();
            queryCode = page.getByLabel("查询码").textContent().trim();
            assertTrue(caseNumber.matches("[A-Z]{2}\\d{12}"), caseNumber);
            assertTrue(queryCode.matches("\\d{6}"), queryCode);
            assertThat(page.getByText("预计最迟答复时间")).isVisible();
            browser.assertAccessible(page, "受理回执");
            browser.screenshot(page, "portal-03-receipt-phone");

            // a wrong query code looks exactly like an unknown case
            page.navigate(web + "/track");
            page.getByLabel("案件编号").fill(caseNumber);
            page.getByLabel("查询码").fill(queryCode.equals("000000") ? "111111" : "000000");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("查询").setExact(true))
                    .click();
            assertThat(page.getByText("未找到该诉求，请核对案件编号和查询码。")).isVisible();

            // the receipt SMS carries a link that opens this case's tracking page directly
            String link = awaitSms(
                    MOBILE, submitted, Pattern.compile("(https?://\\S+/track/" + caseNumber + "\\?token=[0-9a-f.]+)"));
            assertTrue(link.startsWith(web), link + " should open the portal at " + web);
            page.navigate(link);
            Locator unit = page.getByText("市市场监管局").first();
            awaitVisibleAfterReloads(page, unit);
            assertThat(page.getByText(MARKUP).first()).isVisible();
            assertNull(page.evaluate("() => window.__xss"), "markup in a complaint ran");
            assertEquals(0, page.locator("main b").count(), "markup in a complaint became an element");
            browser.assertAccessible(page, "进度查询");
            browser.screenshot(page, "portal-04-tracking-phone");
        }
    }

    @Test
    @Order(2)
    void aSignedInCitizenSeesTheirOwnCasesAndSignsOut() {
        try (BrowserContext desk = browser.desk()) {
            Page page = desk.newPage();
            page.navigate(web + "/");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("登录").setExact(true))
                    .click();
            // Keycloak's own login page
            page.waitForURL(url -> url.contains("/realms/openysb/"));
            page.locator("#username").fill("citizen1");
            page.locator("#password").fill("citizen1-pass");
            page.locator("#kc-login").click();
            page.waitForURL(url -> url.startsWith(web));
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")))
                    .isVisible();
            assertFalse(
                    String.valueOf(page.evaluate("() => JSON.stringify(localStorage)"))
                            .contains("eyJ"),
                    "a token in localStorage");
            assertFalse(
                    String.valueOf(page.evaluate("() => JSON.stringify(sessionStorage)"))
                            .contains("eyJ"),
                    "a token in sessionStorage");

            page.navigate(web + "/file");
            page.getByRole(
                            AriaRole.RADIO,
                            new Page.GetByRoleOptions().setName("咨询").setExact(true))
                    .check(new Locator.CheckOptions().setForce(true));
            page.getByLabel("所在区域").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("东城区"))
                    .click();
            page.getByLabel("标题").fill("个体工商户登记需要哪些材料");
            page.getByLabel("诉求内容").fill("想咨询一下在东城区办理个体工商户登记需要准备哪些材料，可以全程网上办理吗？");
            page.getByRole(
                            AriaRole.RADIO,
                            new Page.GetByRoleOptions().setName("个人").setExact(true))
                    .check(new Locator.CheckOptions().setForce(true));
            page.getByLabel("姓名").fill("张三");
            page.getByLabel("手机号", new Page.GetByLabelOptions().setExact(true)).fill("13812341234");
            assertThat(page.getByText("您的账号已验证此手机号，无需再次验证。")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交诉求"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("诉求已受理")))
                    .isVisible();
            String own = page.getByLabel("案件编号").textContent().trim();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的诉求"))
                    .first()
                    .click();
            assertThat(page.getByText(own)).isVisible();
            assertThat(page.getByText("个体工商户登记需要哪些材料").first()).isVisible();
            browser.assertAccessible(page, "我的诉求");
            browser.screenshot(page, "portal-05-mine-desk");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录"))
                    .click();
            page.waitForURL(url -> url.startsWith(web));
            assertThat(page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("登录").setExact(true)))
                    .isVisible();
        }
    }

    @Test
    @Order(3)
    void theComplainantRatesTheReplyOnceThroughTheFollowUpLink() {
        // the unit's side through its API: sign for the case, then reply
        String handler = SharedStack.token("handler-scjg");
        String supervision = SharedStack.url("supervision-service");
        await(() -> given().auth()
                        .oauth2(handler)
                        .get(supervision + "/api/work-items/{caseNumber}", caseNumber)
                        .statusCode()
                == 200);
        given().auth()
                .oauth2(handler)
                .post(supervision + "/api/work-items/{caseNumber}/sign", caseNumber)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(handler)
                .contentType(ContentType.JSON)
                .body(Map.of("method", "PHONE"))
                .post(supervision + "/api/work-items/{caseNumber}/first-contact", caseNumber)
                .then()
                .statusCode(200);
        // business registration's co-unit (政务服务中心) submits its part before the lead unit replies
        given().auth()
                .oauth2(SharedStack.token("handler-zwfw"))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "已核实网上申请系统的经营范围规范表述，并向申请人提供了填写指引。"))
                .post(supervision + "/api/work-items/{caseNumber}/co-unit-part", caseNumber)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        Instant replied = Instant.now();
        given().auth()
                .oauth2(handler)
                .contentType(ContentType.JSON)
                .body(Map.of("resultCode", "RESOLVED", "text", "经核查，已指导您按规范填写经营范围，营业执照已于今日核发。"))
                .post(supervision + "/api/work-items/{caseNumber}/reply", caseNumber)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);

        String link =
                awaitSms(MOBILE, replied, Pattern.compile("(https?://\\S+/rate/" + caseNumber + "\\?token=[0-9a-f]+)"));
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(link);
            assertThat(page.getByText("营业执照已于今日核发").first()).isVisible();
            page.getByRole(
                            AriaRole.RADIO,
                            new Page.GetByRoleOptions().setName("不满意").setExact(true))
                    .check(new Locator.CheckOptions().setForce(true));
            page.getByRole(
                            AriaRole.RADIO,
                            new Page.GetByRoleOptions().setName("否").setExact(true))
                    .check(new Locator.CheckOptions().setForce(true));
            page.getByLabel("评价意见（选填）").fill("执照虽然发了，但前两次驳回没有说明具体原因。");
            browser.assertAccessible(page, "满意度评价");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评价"))
                    .click();
            assertThat(page.getByText("感谢您的评价！")).isVisible();
            assertThat(page.getByText("重办").first()).isVisible();
            browser.screenshot(page, "portal-06-rated-phone");

            page.navigate(link);
            assertThat(page.getByText("这件诉求已经评价过了").first()).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评价")))
                    .hasCount(0);
        }
        given().get(
                        web + "/api/supervision/follow-ups/{caseNumber}?token="
                                + link.substring(link.indexOf("token=") + 6),
                        caseNumber)
                .then()
                .statusCode(200)
                .body("rating", org.hamcrest.Matchers.equalTo("DISSATISFIED"));
    }

    @Test
    @Order(4)
    void anyoneSeesThePublicStatisticsAsChartsAndTables() {
        try (BrowserContext desk = browser.desk()) {
            Page page = desk.newPage();
            page.navigate(web + "/stats");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("公开数据")))
                    .isVisible();
            assertThat(page.getByText("每月受理与办结").first()).isVisible();
            assertThat(page.locator("canvas").first()).isVisible();
            browser.screenshot(page, "portal-07-stats-desk");
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("表格"))
                    .first()
                    .check(new Locator.CheckOptions().setForce(true));
            assertThat(page.getByRole(AriaRole.TABLE).first()).isVisible();
            browser.assertAccessible(page, "公开数据");
        }
    }

    /** The first group of {@code pattern} in an SMS to {@code mobile} accepted by the sink after {@code since}. */
    private static String awaitSms(String mobile, Instant since, Pattern pattern) {
        Instant end = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(end)) {
            Optional<String> found = sms(mobile, since, pattern);
            if (found.isPresent()) {
                return found.get();
            }
            sleep(250);
        }
        throw new AssertionError("no SMS to " + mobile + " matching " + pattern + " in " + smsLog + ":\n" + read());
    }

    private static Optional<String> sms(String mobile, Instant since, Pattern pattern) {
        Pattern line = Pattern.compile("\\{\"at\":\"([^\"]+)\",\"code\":\"OK\".*\"phone\":\"" + mobile
                + "\".*\"content\":\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> lines = read().lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = line.matcher(lines.get(i));
            if (m.find()
                    && !java.time.OffsetDateTime.parse(m.group(1)).toInstant().isBefore(since.minusSeconds(1))) {
                Matcher value = pattern.matcher(m.group(2));
                if (value.find()) {
                    return Optional.of(value.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static String read() {
        try {
            return Files.exists(smsLog) ? Files.readString(smsLog, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Routing happens after the receipt: the complainant reloads until the page shows the unit. */
    private static void awaitVisibleAfterReloads(Page page, Locator locator) {
        Instant end = Instant.now().plus(PATIENCE);
        while (true) {
            if (locator.isVisible()) {
                return;
            }
            if (Instant.now().isAfter(end)) {
                assertThat(locator).isVisible();
            }
            sleep(1000);
            page.reload();
            page.waitForLoadState();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant end = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met in " + PATIENCE);
            }
            sleep(500);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
