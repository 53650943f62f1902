package org.openysb.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.openysb.localstack.DatabaseRoles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oversight area in a real browser, at a desk's width, in Chinese: a supervisor's dashboard shows the cases the
 * test created and its table holds the API's numbers; the supervisor approves an extension and exports the month as
 * xlsx (opened with a spreadsheet reader); an inspector closes out a clue, verifies a trail, and sees the chain
 * reported broken after the test alters a trail row through its own database connection; an administrator edits a
 * row of the responsibility matrix and sees the new version's diff. axe-core checks every screen; screenshots in
 * {@code target/screenshots/}.
 */
@ExtendWith(SharedStack.class)
class OversightIT {
    private static final String LICENCE = "来电人反映在网上申请营业执照时，经营范围一栏反复被驳回，窗口说法不一，希望明确告知如何填写。";

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

    @Test
    void aSupervisorSeesTodaysCasesOnTheDashboardWithTheApisNumbersAndExportsTheMonth() throws IOException {
        String signed = signedCase(LICENCE);
        String waiting = (String) Staff.hotlineCase(web, LICENCE + "（另一位来电人）").get("caseNumber");
        Staff.awaitWorkItem(web, waiting, "handler-scjg");

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "supervisor1", "/oversight");
            page.waitForURL(url -> url.contains("/oversight/dashboard"));
            assertThat(page.getByTestId("summary-rates")).isVisible();
            browser.assertAccessible(page, "统计看板");
            browser.screenshot(page, "oversight-dashboard-desk");

            // the numbers of the page's tables are the API's, fetched after the page so that both see the same cases
            for (String panel : List.of("panel-daily", "panel-units", "panel-channels")) {
                page.getByTestId(panel)
                        .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("表格"))
                        .check(new Locator.CheckOptions().setForce(true));
            }
            JsonPath api = supervision("supervisor1", "/metrics/dashboard");
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .toString();
            Map<String, Object> day = api.getMap("daily.find { it.day == '" + today + "' }");
            assertTrue(((Number) day.get("received")).intValue() >= 2, "today's received count " + day);
            Locator dailyRow = page.getByTestId("table-daily").locator("tr[data-key='" + today + "']");
            assertThat(dailyRow.locator("[data-col=received]")).hasText(String.valueOf(day.get("received")));
            assertThat(dailyRow.locator("[data-col=closed]")).hasText(String.valueOf(day.get("closed")));

            int hotline = api.getInt("channels.find { it.channel == 'HOTLINE' }.received");
            assertThat(page.getByTestId("table-channels").locator("tr[data-key=HOTLINE] [data-col=received]"))
                    .hasText(String.valueOf(hotline));

            // the case signed for counts as signed in time; its first contact, not yet due, is pending, not a failure
            Map<String, Object> signFor =
                    api.getMap("units.find { it.unit == 'SCJG' }.rates.find { it.name == 'onTimeSignForRate' }");
            assertTrue(((Number) signFor.get("numerator")).intValue() >= 1, "signed for in time " + signFor);
            Map<String, Object> response =
                    api.getMap("units.find { it.unit == 'SCJG' }.rates.find { it.name == 'responseRate' }");
            assertTrue(((Number) response.get("pending")).intValue() >= 2, "responses still open " + response);
            assertThat(page.getByTestId("table-units").locator("tr[data-key=SCJG] [data-col=responseRate]"))
                    .containsText(response.get("numerator") + "/" + response.get("denominator") + "，待定 "
                            + response.get("pending"));
            browser.assertAccessible(page, "统计看板（表格）");
            browser.screenshot(page, "oversight-dashboard-tables-desk");

            Download download =
                    page.waitForDownload(() -> page.getByTestId("export-xlsx").click());
            Path xlsx = Files.createTempFile("openysb-metrics", ".xlsx");
            download.saveAs(xlsx);
            try (InputStream in = Files.newInputStream(xlsx);
                    ReadableWorkbook workbook = new ReadableWorkbook(in)) {
                Sheet sheet = workbook.getFirstSheet();
                List<Row> rows = sheet.read();
                assertTrue(rows.size() >= 2, "a header and the units");
                boolean scjg = rows.stream()
                        .anyMatch(r -> r.stream().anyMatch(c -> c != null && "SCJG".equals(c.getRawValue())));
                assertTrue(scjg, "the export lists 市市场监管局 (SCJG)");
            }
        }
    }

    @Test
    void aSupervisorApprovesAnExtensionAndTheDeadlineMoves() {
        String cn = signedCase(LICENCE + "（需现场核查）");
        String deadline = supervision("handler-scjg", "/work-items/{cn}", cn).getString("handlingDeadline");
        given().auth()
                .oauth2(SharedStack.token("handler-scjg"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "workingDays", 5,
                        "reason", "需会同区市场监管所现场核查经营场所",
                        "legalBasis", "《优化营商环境条例》及本市诉求办理规定"))
                .post(web + "/api/supervision/work-items/{cn}/extension", cn)
                .then()
                .statusCode(200);

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "supervisor1", "/oversight/approvals");
            Locator request = page.getByTestId("approval-" + cn);
            assertThat(request).containsText("需会同区市场监管所现场核查经营场所");
            browser.assertAccessible(page, "延期与中止审批");
            browser.screenshot(page, "oversight-approvals-desk");
            request.getByTestId("approve").click();
            request.getByTestId("decision-reason").fill("同意延期，请按期答复。");
            request.getByTestId("decision-confirm").click();
            assertThat(request).hasCount(0);
        }
        JsonPath item = supervision("handler-scjg", "/work-items/{cn}", cn);
        assertTrue(
                java.time.OffsetDateTime.parse(item.getString("handlingDeadline"))
                        .isAfter(java.time.OffsetDateTime.parse(deadline)),
                "the handling deadline moved from " + deadline + " to " + item.getString("handlingDeadline"));
    }

    @Test
    void anInspectorClosesOutAClueAndSeesTheTrailReportedBrokenAfterARowIsAltered() throws SQLException {
        String cn = signedCase(LICENCE + "（纪检核查）");
        String clue = given().auth()
                .oauth2(SharedStack.token("inspector1"))
                .contentType(ContentType.JSON)
                .body(Map.of("caseNumber", cn, "description", "来电人称窗口人员暗示需找熟人才能办理，请核查签收与答复过程"))
                .post(web + "/api/supervision/clues")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        String finding = "经调取办理记录并回访来电人，未发现索要好处的情形，窗口已加强一次性告知。";

        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "inspector1", "/oversight/clues/" + clue);
            assertThat(page.getByTestId("clue-state")).hasText("待核查");
            page.locator("#finding").fill(finding);
            browser.assertAccessible(page, "线索详情");
            page.getByTestId("close-clue").click();
            page.getByRole(AriaRole.DIALOG)
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确定"))
                    .click();
            assertThat(page.getByTestId("clue-state")).hasText("已销号");
            assertThat(page.getByTestId("clue-finding")).hasText(finding);
            browser.screenshot(page, "oversight-clue-desk");

            page.navigate(web + "/oversight/trail/" + cn);
            page.getByTestId("verify").click();
            assertThat(page.getByTestId("verification")).containsText("完整");
            browser.assertAccessible(page, "办理留痕");
            browser.screenshot(page, "oversight-trail-desk");

            // an insider edits the second entry past the append-only trigger
            try (Connection db = supervisionDatabase();
                    Statement ddl = db.createStatement()) {
                ddl.execute("alter table trail_entry disable trigger user");
                try (PreparedStatement edit = db.prepareStatement(
                        "update trail_entry set detail = detail || '（已改）'" + " where case_number = ? and seq = 2")) {
                    edit.setString(1, cn);
                    assertEquals(1, edit.executeUpdate());
                } finally {
                    ddl.execute("alter table trail_entry enable trigger user");
                }
            }
            page.reload();
            page.getByTestId("verify").click();
            assertThat(page.getByTestId("verification")).containsText("从第 2 条记录起");
            assertThat(page.getByTestId("trail-table").locator("tr[data-seq='2']"))
                    .hasAttribute("aria-current", "true");
            browser.screenshot(page, "oversight-trail-broken-desk");
        }
        assertEquals(
                false,
                supervision("inspector1", "/cases/{cn}/trail/verify", cn).getBoolean("intact"),
                "the API reports the chain broken");
    }

    @Test
    void anAdministratorEditsAMatrixRowAndSeesTheNewVersionsDiff() {
        String basis = "《优化营商环境条例》第六十六条（管理员核对 " + System.currentTimeMillis() % 100000 + "）";
        int before = given().auth()
                .oauth2(SharedStack.token("admin1"))
                .get(web + "/api/routing/matrix")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        try (BrowserContext desk = browser.desk()) {
            Page page = Staff.signIn(desk, web, "admin1", "/oversight/matrix");
            Locator row = page.getByTestId("matrix-rows").locator("tbody tr").first();
            assertThat(row).isVisible();
            browser.assertAccessible(page, "职责清单");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^修改条目")))
                    .click();
            page.getByTestId("edit-basis").fill(basis);
            page.getByTestId("edit-note").fill("端到端测试：更新依据");
            browser.assertAccessible(page, "修改条目");
            page.getByTestId("edit-save").click();

            Locator diff = page.getByTestId("diff-" + (before + 1));
            assertThat(diff).isVisible();
            assertThat(diff).containsText(basis);
            browser.assertAccessible(page, "版本差异");
            browser.screenshot(page, "oversight-matrix-desk");
        }
    }

    /** A case of 市市场监管局 that its handler has signed for. */
    private static String signedCase(String content) {
        String cn = (String) Staff.hotlineCase(web, content).get("caseNumber");
        Staff.awaitWorkItem(web, cn, "handler-scjg");
        given().auth()
                .oauth2(SharedStack.token("handler-scjg"))
                .post(web + "/api/supervision/work-items/{cn}/sign", cn)
                .then()
                .statusCode(200);
        return cn;
    }

    private static JsonPath supervision(String user, String path, Object... params) {
        return given().auth()
                .oauth2(SharedStack.token(user))
                .get(web + "/api/supervision" + path, params)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The cells of a table's body, row by row, as the page shows them. */
    private static List<List<String>> cells(Locator table) {
        List<List<String>> rows = new ArrayList<>();
        for (Locator row : table.locator("tbody tr").all()) {
            rows.add(row.locator("td").allInnerTexts().stream()
                    .map(String::strip)
                    .toList());
        }
        return rows;
    }

    private static Connection supervisionDatabase() throws SQLException {
        // an insider with the owner's credentials: the local stack's migration role of supervision-service's database
        // (the role the service runs with cannot lift the trigger)
        String owner = DatabaseRoles.migrationRole("supervision");
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + SharedStack.config().postgresPort() + "/supervision",
                owner,
                DatabaseRoles.localPassword(owner));
    }
}
