package org.openysb.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The desks of the workbench in a real browser: a 12345 operator enters a call and watches the dispatch suggestion
 * follow what they type; a letter clerk registers a letter with two scanned pages, previewed before saving; a
 * dispatcher claims and dispatches a case the classifier could not place; the coordinator rules on a unit's return.
 * axe-core checks every screen; screenshots in {@code target/screenshots/}.
 */
@ExtendWith(SharedStack.class)
class DeskIT {
    private static final String TAX = "我们是小微企业，六税两费减半征收的优惠没有享受到，税务部门说需要重新核定，申请了两个月没有结果。";
    private static final String LICENCE = "想开一家奶茶店，网上申请营业执照被驳回两次，说经营范围填写不规范，企业开办一直办不下来。";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Browser browser;
    private static String web;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
        web = SharedStack.url("web");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void choose(Page page, String label, String option) {
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true))
                .first()
                .click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(option).setExact(true))
                .first()
                .click();
    }

    @Test
    void anOperatorEntersACallAndTheSuggestionFollowsTheText() {
        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "operator1", "/workbench");
            page.waitForURL(url -> url.contains("/workbench/hotline"));
            page.getByLabel("来电号码").fill("13912345678");
            page.getByText("投诉", new Page.GetByTextOptions().setExact(true))
                    .first()
                    .click();
            choose(page, "所在区域", "东城区");
            page.getByLabel("来电人姓名").fill("李四");
            page.getByLabel("来电摘要").fill("来电反映税费优惠未享受");
            page.getByLabel("诉求内容（选填）").fill(TAX);
            assertThat(page.getByTestId("suggestion-lead"))
                    .containsText(
                            "市税务局",
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(20000));
            browser.screenshot(page, "desk-hotline-tax-desk");

            page.getByLabel("来电摘要").fill("来电反映营业执照办理问题");
            page.getByLabel("诉求内容（选填）").fill(LICENCE);
            assertThat(page.getByTestId("suggestion-lead"))
                    .containsText(
                            "市市场监管局",
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(20000));
            browser.assertAccessible(page, "来电登记");
            browser.screenshot(page, "desk-hotline-desk");

            button(page, "提交工单").click();
            assertThat(page.getByTestId("result-case-number")).containsText("TS");
            browser.assertAccessible(page, "工单已受理");
        }
    }

    @Test
    void aClerkRegistersALetterWithTwoScannedPages() {
        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "clerk1", "/workbench");
            page.waitForURL(url -> url.contains("/workbench/letters"));
            page.getByLabel("信件编号").fill("XF-E2E-" + (System.currentTimeMillis() % 1000000));
            Locator postmark = page.getByLabel("邮戳日期");
            postmark.fill(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .minusDays(2)
                    .toString());
            postmark.press("Enter");
            page.locator("input[type=file]").first().setInputFiles(new FilePayload[] {
                new FilePayload("第1页.png", "image/png", png("第一页")), new FilePayload("第2页.png", "image/png", png("第二页"))
            });
            assertThat(page.getByTestId("page-preview-0")).isVisible();
            assertThat(page.getByTestId("page-preview-1")).isVisible();
            page.getByLabel("寄信人姓名").fill("赵六");
            page.getByText("投诉", new Page.GetByTextOptions().setExact(true))
                    .first()
                    .click();
            choose(page, "所在区域", "西城区");
            page.getByLabel("标题").fill("营业执照办理被拖延");
            page.getByLabel("诉求内容").fill(LICENCE);
            browser.assertAccessible(page, "来信登记");
            browser.screenshot(page, "desk-letter-desk");
            button(page, "登记来信").click();
            assertThat(page.getByTestId("result-case-number")).containsText("TS");
            String cn = page.getByTestId("result-case-number").innerText().replaceAll("[^A-Z0-9]", "");
            given().auth()
                    .oauth2(SharedStack.token("clerk1"))
                    .get(web + "/api/intake/complaints/{cn}/attachments", cn)
                    .then()
                    .statusCode(200)
                    .body("$", hasSize(2));
        }
    }

    @Test
    void aDispatcherDispatchesACaseTheClassifierCouldNotPlace() {
        String cn = (String) Staff.hotlineCase(web, "来电反映企业的事没人管", "我们公司的事情一直没人管，希望领导重视，盼早日解决。")
                .get("caseNumber");
        String dispatcher = SharedStack.token("dispatcher1");
        await().atMost(PATIENCE).until(() -> given().auth()
                .oauth2(dispatcher)
                .get(web + "/api/routing/manual-queue")
                .then()
                .extract()
                .jsonPath()
                .getList("caseNumber")
                .contains(cn));

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "dispatcher1", "/workbench/dispatch");
            assertThat(page.getByTestId("manual-row-" + cn)).isVisible();
            browser.assertAccessible(page, "人工派单");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("认领 " + cn))
                    .click();
            choose(page, "主办单位", "市市场监管局");
            page.getByLabel("派单理由").fill("来电补充说明系营业执照办理问题，属市场监管职责");
            // "没人管，希望领导重视" may read as inaction by officials: the guard then asks why it is not for the
            // discipline commission before the case can go to another unit
            Locator confirmation = page.getByLabel("确认不交纪检监察机关的理由");
            if (confirmation.count() > 0) {
                confirmation.fill("来电人补充说明是营业执照办理进度问题，未反映工作人员作风问题");
            }
            browser.screenshot(page, "desk-dispatch-desk");
            button(page, "派出").click();
            assertThat(page.getByText("已派出").first()).isVisible();
        }
        given().auth()
                .oauth2(dispatcher)
                .get(web + "/api/routing/cases/{cn}", cn)
                .then()
                .statusCode(200)
                .body("currentLead", equalTo("SCJG"));
    }

    @Test
    void theCoordinatorRejectsAnImproperReturn() {
        String cn = (String) Staff.hotlineCase(web, LICENCE + "（退单仲裁）").get("caseNumber");
        Staff.awaitWorkItem(web, cn, "handler-scjg");
        given().auth()
                .oauth2(SharedStack.token("handler-scjg"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "经营范围登记规范由政务服务中心负责", "basis", "权责清单 企业开办与准入准营"))
                .post(web + "/api/supervision/work-items/{cn}/return", cn)
                .then()
                .statusCode(200);
        String coordinator = SharedStack.token("coordinator1");
        await().atMost(PATIENCE).until(() -> given().auth()
                .oauth2(coordinator)
                .get(web + "/api/routing/arbitration")
                .then()
                .extract()
                .jsonPath()
                .getList("caseNumber")
                .contains(cn));

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "coordinator1", "/workbench/arbitration");
            Locator row = page.getByTestId("return-row-" + cn);
            assertThat(row).containsText("经营范围登记规范由政务服务中心负责");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("仲裁 " + cn))
                    .click();
            page.getByText("驳回退单（不当退单）", new Page.GetByTextOptions().setExact(false))
                    .first()
                    .click();
            page.getByLabel("仲裁理由").fill("营业执照核发属市场监管局职责，政务服务中心为协办");
            browser.assertAccessible(page, "退单仲裁");
            browser.screenshot(page, "desk-arbitration-desk");
            button(page, "提交仲裁决定").click();
            assertThat(page.getByText("已驳回退单").first()).isVisible();
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .oauth2(SharedStack.token("handler-scjg"))
                .get(web + "/api/supervision/work-items/{cn}", cn)
                .then()
                .statusCode(200)
                .body("status", equalTo("ASSIGNED")));
    }

    /** A small PNG with a line of text, like a scanned page. */
    private static byte[] png(String text) {
        BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 280);
        g.setColor(Color.BLACK);
        g.drawString(text, 20, 40);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
