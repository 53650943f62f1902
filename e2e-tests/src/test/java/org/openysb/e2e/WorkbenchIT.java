package org.openysb.e2e;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The handlers' workbench in a real browser, at a desk's width, in Chinese: a handler of 市市场监管局 signs for a
 * case, records the first contact and an internal note, 市政府政务服务中心 submits its co-unit part, and the lead
 * replies from a template; the note never shows on the public tracking page; an overdue case is under 已超期; two
 * cases are signed for at once with a result per case; a handler of another unit who opens the case's address gets
 * "no access". axe-core checks every screen; screenshots in {@code target/screenshots/}.
 */
@ExtendWith(SharedStack.class)
class WorkbenchIT {
    private static final String LICENCE = "来电人反映想开一家奶茶店，网上申请营业执照被驳回两次，说经营范围填写不规范，企业开办一直办不下来，希望尽快办理。";
    private static final String NOTE = "内部备注：已与窗口负责人核实驳回原因，周三现场核查";

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

    @Test
    void aHandlerSignsForContactsAndRepliesWithTheCoUnitsPartAndTheNoteStaysInternal() {
        Map<String, Object> receipt = Staff.hotlineCase(web, LICENCE);
        String cn = (String) receipt.get("caseNumber");
        Staff.awaitWorkItem(web, cn, "handler-scjg");

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "handler-scjg", "/workbench");
            page.waitForURL(url -> url.contains("/workbench/queue"));
            Locator row = page.getByTestId("queue-row-" + cn);
            assertThat(row).isVisible();
            assertThat(page.getByTestId("tab-count-TO_SIGN")).not().hasText("0");
            browser.assertAccessible(page, "待办队列");
            browser.screenshot(page, "workbench-queue-desk");

            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(cn))
                    .click();
            page.waitForURL(url -> url.contains("/workbench/cases/" + cn));
            assertThat(page.getByText("营业执照被驳回两次").first()).isVisible();
            assertThat(page.getByTestId("clock-SIGN_FOR")).containsText("剩余");
            assertThat(page.getByTestId("routing")).isVisible();
            browser.assertAccessible(page, "案件办理");

            page.getByTestId("action-sign").click();
            page.getByTestId("action-submit").click();
            assertThat(page.getByTestId("case-status")).containsText("办理中");

            page.getByTestId("action-first-contact").click();
            page.getByTestId("action-dialog-first-contact")
                    .getByText("电话", new Locator.GetByTextOptions().setExact(true))
                    .click();
            page.getByTestId("action-submit").click();
            assertThat(page.getByTestId("action-reply")).isVisible();

            page.locator("#note-text").fill(NOTE);
            page.getByTestId("note-submit").click();
            assertThat(page.getByTestId("notes")).containsText(NOTE);

            // the reply waits for the co-unit's part
            assertThat(page.getByTestId("outstanding-co-units")).isVisible();
            browser.screenshot(page, "workbench-case-desk");
        }

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "handler-zwfw", "/workbench/cases/" + cn);
            assertThat(page.getByTestId("case-role")).containsText("协办");
            page.getByTestId("action-co-unit-part").click();
            page.getByTestId("action-dialog-co-unit-part")
                    .getByRole(AriaRole.TEXTBOX)
                    .fill("窗口已一次性告知所缺材料，并安排专人指导填写经营范围。");
            page.getByTestId("action-submit").click();
            assertThat(page.getByTestId("co-unit-parts")).containsText("窗口已一次性告知所缺材料");
        }

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "handler-scjg", "/workbench/cases/" + cn);
            assertThat(page.getByTestId("co-unit-parts")).containsText("窗口已一次性告知所缺材料");
            page.getByTestId("action-reply").click();
            Locator dialog = page.getByTestId("action-dialog-reply");
            dialog.getByText("已解决", new Locator.GetByTextOptions().setExact(true))
                    .click();
            dialog.getByLabel("答复模板").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("已解决"))
                    .first()
                    .click();
            Locator text = dialog.getByLabel("答复内容");
            assertThat(text).hasValue(java.util.regex.Pattern.compile("问题已解决"));
            text.fill("您好！您反映的营业执照办理问题，我局已核查并安排专人指导，执照已于今日核发。感谢您对营商环境工作的支持！");
            browser.assertAccessible(page, "答复");
            browser.screenshot(page, "workbench-reply-desk");
            page.getByTestId("action-submit").click();
            assertThat(page.getByTestId("case-status")).containsText("已答复");
            assertThat(page.getByTestId("timeline")).containsText("内部备注");
        }

        // the complainant's tracking page shows the reply, never the note
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(web + "/track");
            page.getByLabel("案件编号").fill(cn);
            page.getByLabel("查询码").fill((String) receipt.get("queryCode"));
            button(page, "查询").click();
            assertThat(page.getByText("执照已于今日核发").first()).isVisible();
            assertFalse(page.content().contains("周三现场核查"), "the internal note on the public page");
        }
        String json = given().queryParam("queryCode", receipt.get("queryCode"))
                .get(web + "/api/intake/complaints/{cn}", cn)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(json.contains("周三现场核查"), "the internal note in the public tracking answer");
    }

    @Test
    void anOverdueCaseIsUnderTheOverdueTabAndTwoCasesAreSignedForAtOnce() {
        String overdue = "TS20991101" + String.format("%04d", System.currentTimeMillis() % 10000);
        Staff.routedLongAgo(overdue, "SCJG", "市市场监管局", 40);
        String first = (String) Staff.hotlineCase(web, LICENCE + "（第一件）").get("caseNumber");
        String second = (String) Staff.hotlineCase(web, LICENCE + "（第二件）").get("caseNumber");
        Staff.awaitWorkItem(web, overdue, "handler-scjg");
        Staff.awaitWorkItem(web, first, "handler-scjg");
        Staff.awaitWorkItem(web, second, "handler-scjg");

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "handler-scjg", "/workbench/queue?tab=OVERDUE");
            Locator late = page.getByTestId("queue-row-" + overdue);
            assertThat(late).isVisible();
            assertThat(late).containsText("已超期");
            browser.screenshot(page, "workbench-overdue-desk");

            page.navigate(web + "/workbench/queue?tab=TO_SIGN");
            for (String cn : List.of(first, second)) {
                page.getByLabel("选择案件 " + cn).check(new Locator.CheckOptions().setForce(true));
            }
            page.getByTestId("bulk-sign").click();
            for (String cn : List.of(first, second)) {
                assertThat(page.getByTestId("bulk-result-" + cn)).containsText("签收成功");
            }
            browser.assertAccessible(page, "批量签收结果");
            browser.screenshot(page, "workbench-bulk-sign-desk");
        }
        for (String cn : List.of(first, second)) {
            given().auth()
                    .oauth2(SharedStack.token("handler-scjg"))
                    .get(web + "/api/supervision/work-items/{cn}", cn)
                    .then()
                    .statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("SIGNED"));
        }
    }

    @Test
    void aHandlerOfAnotherUnitGetsNoAccessNotTheCase() {
        String cn = (String) Staff.hotlineCase(web, LICENCE + "（另一件）").get("caseNumber");
        Staff.awaitWorkItem(web, cn, "handler-scjg");
        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "handler-tax", "/workbench/cases/" + cn);
            assertThat(page.getByTestId("no-access")).isVisible();
            assertFalse(page.content().contains("奶茶店"), "the complaint shown to another unit");
            browser.assertAccessible(page, "无权查看");
            browser.screenshot(page, "workbench-no-access-desk");
        }
    }
}
