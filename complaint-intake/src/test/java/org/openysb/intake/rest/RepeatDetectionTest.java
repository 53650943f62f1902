package org.openysb.intake.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.model.RepeatSketch;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.intake.rest.Fixtures.accepted;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;
import static org.openysb.intake.rest.Fixtures.submitted;

/**
 * Repeat complaints (并单): the same complainant about the same matter, or near-duplicate text from anyone in the same
 * district, within the window, is linked to the first case; each complainant keeps their own case. Every scenario
 * uses its own subject matter and mobile numbers, so that the scenarios do not link to each other.
 */
@QuarkusTest
class RepeatDetectionTest {
    // character-bigram Jaccard of the two texts: 0.55 (same complainant: linked; anyone else: not)
    private static final String FIRE_TITLE = "消防验收迟迟不给结论";
    private static final String FIRE = "我公司新建厂房于十月初申请消防验收，现场检查已经完成，但一个多月过去了仍未出具验收结论，影响企业正常投产。";
    private static final String FIRE_AGAIN_TITLE = "消防验收一个多月仍未出具结论";
    private static final String FIRE_AGAIN = "我公司新建厂房十月初申请消防验收，现场检查早已完成，但一个多月了仍未出具验收结论，影响企业投产，请尽快处理。";

    // 0.66: a near-duplicate from another company
    private static final String ARREARS_TITLE = "区住建部门拖欠我公司工程款";
    private static final String ARREARS = "我公司承建的区属学校改造工程已于去年竣工验收，区住建部门至今拖欠工程款三百余万元，多次催要无果，企业资金周转困难。";
    private static final String ARREARS_AGAIN_TITLE = "区住建部门拖欠工程款";
    private static final String ARREARS_AGAIN = "我公司承建的区属学校改造工程去年已竣工验收，区住建部门至今拖欠工程款三百多万元，多次催要没有结果，企业资金周转非常困难。";

    // 0.43
    private static final String GAS_TITLE = "燃气报装两个月仍未通气";
    private static final String GAS = "我店铺申请燃气报装已经两个月，燃气公司一直说在排期，至今没有通气，店铺无法开业。";
    private static final String GAS_AGAIN_TITLE = "燃气报装一直没有通气";
    private static final String GAS_AGAIN = "店铺申请燃气报装两个月了，燃气公司总说在排期，到现在也没通气，无法开业经营。";

    // 0.54
    private static final String POWER_TITLE = "供电接入申请超期未办";
    private static final String POWER = "我厂申请新增变压器供电接入，供电公司承诺十五个工作日完成，现已超期一个月仍未接电。";
    private static final String POWER_AGAIN_TITLE = "新增变压器接电超期";
    private static final String POWER_AGAIN = "我厂新增变压器供电接入申请，供电公司承诺十五个工作日完成，已经超期一个月还没接电。";

    // 0.64: for the case stored before near-duplicate keys existed
    private static final String LICENCE_TITLE = "食品经营许可证延续申请被无故退回";
    private static final String LICENCE = "我店于九月提交食品经营许可证延续申请，材料齐全，区市场监管窗口两次以格式不对为由退回，许可证即将到期，影响正常经营。";
    private static final String LICENCE_AGAIN_TITLE = "食品经营许可证延续申请被退回";
    private static final String LICENCE_AGAIN = "我店九月提交了食品经营许可证延续申请，材料齐全，区市场监管窗口两次以格式不对为由退回材料，许可证马上到期，影响经营。";

    @Inject
    IntakeConfig config;

    @Inject
    javax.sql.DataSource database;

    static String dispatcher() {
        return TestTokens.token("dispatcher-r", "dispatcher");
    }

    static io.restassured.response.ValidatableResponse repeats(String caseNumber) {
        return given().auth()
                .oauth2(dispatcher())
                .get("/api/complaints/{caseNumber}/repeats", caseNumber)
                .then();
    }

    @Test
    void shouldLinkTheSameComplainantsRepeatAnywhereAndStillGiveItItsOwnCase() {
        String mobile = newMobile();
        String first =
                accepted(personComplaint(FIRE_TITLE, FIRE, "D02", mobile)).path("caseNumber");
        // filed again, reworded, and about another district: only the complainant ties the two together
        var again = accepted(personComplaint(FIRE_AGAIN_TITLE, FIRE_AGAIN, "D01", mobile));
        String second = again.path("caseNumber");

        assertNotEquals(first, second, "the repeat has its own case number");
        assertTrue(again.<String>path("queryCode").matches("\\d{6}"), "and its own query code");
        assertEquals(first, submitted(second).repeatOf(), "ComplaintSubmitted names the earlier case");
        assertNull(submitted(first).repeatOf());

        var view = repeats(first)
                .statusCode(200)
                .body("caseNumber", equalTo(first))
                .body("repeatOf", nullValue())
                .body("repeats.caseNumber", contains(second))
                .body("repeats[0].channel", equalTo("WEB"))
                .extract();
        assertEquals(0.55, view.jsonPath().getDouble("repeats[0].similarity"), 0.01);
        assertFalse(view.asString().contains(mobile.substring(3)), "no personal data: " + view.asString());
        var back = repeats(second)
                .statusCode(200)
                .body("repeatOf", equalTo(first))
                .body("repeats", empty())
                .extract();
        assertEquals(0.55, back.jsonPath().getDouble("similarity"), 0.01);

        // the repeat is tracked like any case, with its own code
        given().queryParam("queryCode", again.<String>path("queryCode"))
                .get("/api/complaints/{caseNumber}", second)
                .then()
                .statusCode(200)
                .body("caseNumber", equalTo(second))
                .body("status", equalTo("RECEIVED"));
    }

    @Test
    void shouldLinkANearDuplicateFromAnotherComplainantToTheFirstCaseOfTheGroup() {
        String first = accepted(personComplaint(ARREARS_TITLE, ARREARS, "D03", newMobile()))
                .path("caseNumber");
        String second = accepted(personComplaint(ARREARS_AGAIN_TITLE, ARREARS_AGAIN, "D03", newMobile()))
                .path("caseNumber");
        // a third, identical to the second: linked to the first case of the group, not to the second
        String third = accepted(personComplaint(ARREARS_AGAIN_TITLE, ARREARS_AGAIN, "D03", newMobile()))
                .path("caseNumber");

        assertEquals(first, submitted(second).repeatOf());
        assertEquals(first, submitted(third).repeatOf());
        repeats(first).statusCode(200).body("repeats.caseNumber", contains(second, third));
        assertEquals(
                1.0,
                repeats(third)
                        .statusCode(200)
                        .body("repeatOf", equalTo(first))
                        .extract()
                        .jsonPath()
                        .getDouble("similarity"),
                0.001,
                "the similarity to the closest case of the group (the second, word for word the same)");
    }

    @Test
    void shouldNotLinkAMerelySimilarComplaintFromAnotherComplainant() {
        String first =
                accepted(personComplaint(FIRE_TITLE, FIRE, "D03", newMobile())).path("caseNumber");
        String other = accepted(personComplaint(FIRE_AGAIN_TITLE, FIRE_AGAIN, "D03", newMobile()))
                .path("caseNumber");

        assertNull(submitted(other).repeatOf(), "0.55 is below the near-duplicate threshold for strangers");
        repeats(first).statusCode(200).body("repeats", empty());
    }

    @Test
    void shouldNotLinkANearDuplicateFromAnotherComplainantInAnotherDistrict() {
        String first = accepted(personComplaint(ARREARS_TITLE + "（一）", ARREARS, "D01", newMobile()))
                .path("caseNumber");
        String elsewhere = accepted(personComplaint(ARREARS_TITLE + "（一）", ARREARS, "D02", newMobile()))
                .path("caseNumber");
        assertNull(submitted(elsewhere).repeatOf(), "strangers' texts are compared within a district");
        repeats(first).statusCode(200).body("repeats", empty());
    }

    @Test
    void shouldNotLinkUnrelatedComplaints() {
        String mobile = newMobile();
        String jobs = accepted(personComplaint("招聘会场地申请无人受理", "我公司想在人才市场举办专场招聘会，提交场地申请两周无人受理，电话也打不通。", "D01", mobile))
                .path("caseNumber");
        // the same complainant, another matter
        String roadworks = accepted(personComplaint("道路施工围挡影响店铺经营", "门前道路施工围挡已经半年，顾客无法进店，施工单位说不清何时拆除。", "D01", mobile))
                .path("caseNumber");
        // another complainant in the same district, another matter
        String invoices = accepted(personComplaint(
                        "增值税专用发票领用额度不足", "公司业务量增长，申请提高增值税专用发票领用额度，税务所要求补充材料后一直没有答复。", "D01", newMobile()))
                .path("caseNumber");

        assertNull(submitted(jobs).repeatOf());
        assertNull(submitted(roadworks).repeatOf());
        assertNull(submitted(invoices).repeatOf());
        repeats(jobs).statusCode(200).body("repeatOf", nullValue()).body("repeats", empty());
        repeats(roadworks).statusCode(200).body("repeatOf", nullValue());
    }

    @Test
    void shouldFindCasesStoredWithoutKeysOrWithAnotherVersionsOnceTheIndexIsBuiltAgain() throws Exception {
        String legacy = accepted(personComplaint(LICENCE_TITLE, LICENCE, "D02", newMobile()))
                .path("caseNumber");
        assertEquals(
                RepeatSketch.STORED_BYTES,
                rows("select octet_length(repeat_keys) from complaint where case_number = ?", legacy),
                "its keys stored with it");
        assertEquals(
                RepeatSketch.VERSION,
                rows("select get_byte(repeat_keys, 0) from complaint where case_number = ?", legacy),
                "their version first");
        String older = accepted(personComplaint(LICENCE_TITLE, LICENCE, "D01", newMobile()))
                .path("caseNumber");
        // as a case stored before V7: no keys; and one stored with version 1's keys (128 hash functions, 256 bytes
        // without a version byte) — the index, built again as at a start, computes both from their text
        rows("update complaint set repeat_keys = null where case_number = ? returning 1", legacy);
        rows(
                "update complaint set repeat_keys = decode(repeat('5a', 256), 'hex') where case_number = ? returning 1",
                older);
        index.build();
        String again = accepted(personComplaint(LICENCE_AGAIN_TITLE, LICENCE_AGAIN, "D02", newMobile()))
                .path("caseNumber");
        assertEquals(legacy, submitted(again).repeatOf(), "found through the keys of its text");
        String againOlder = accepted(personComplaint(LICENCE_AGAIN_TITLE, LICENCE_AGAIN, "D01", newMobile()))
                .path("caseNumber");
        assertEquals(older, submitted(againOlder).repeatOf(), "found through the keys of its text, not version 1's");
    }

    @Test
    void shouldFindACaseAnotherInstanceStoredOnceTheIndexIsRefreshed() throws Exception {
        String title = "冷链仓库备案登记被退回三次";
        String elsewhere = "TS" + System.nanoTime() % 1_000_000_000_000L;
        // stored by another instance (not through this one): a row of its own, with the keys of its text
        long[] keys = RepeatSketch.keys(
                "D03",
                RepeatSketch.signature(org.openysb.intake.model.TextSimilarity.bigramCodes(
                        title + "\n我公司新建的冷链仓库申请食品经营备案登记，材料被退回三次，每次理由都不一样，仓库已经闲置一个月。")));
        try (Connection c = database.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into complaint (case_number, query_code_hash,"
                        + " channel, type, urgent, title, content, district, anonymous, confidential, complainant_kind,"
                        + " received_at, status, updated_at, repeat_keys) values (?, 'x', 'WEB', 'COMPLAINT', false, ?,"
                        + " '我公司新建的冷链仓库申请食品经营备案登记，材料被退回三次，每次理由都不一样，仓库已经闲置一个月。', 'D03', true,"
                        + " false, 'PERSON', now() - interval '3 days', 'RECEIVED', now(), ?)")) {
            insert.setString(1, elsewhere);
            insert.setString(2, title);
            insert.setBytes(3, RepeatSketch.toBytes(keys));
            assertEquals(1, insert.executeUpdate());
        }
        assertTrue(index.refresh() >= 1, "read by the refresh");
        assertEquals(0, index.refresh(), "and only once");
        String again = accepted(personComplaint(
                        title, "我公司新建的冷链仓库申请食品经营备案登记，材料先后被退回三次，每次理由都不一样，仓库已闲置一个多月。", "D03", newMobile()))
                .path("caseNumber");
        assertEquals(elsewhere, submitted(again).repeatOf());
    }

    @Inject
    org.openysb.intake.service.RepeatIndex index;

    /** The first column of the first row of a statement with one parameter. */
    private long rows(String sql, String parameter) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (var r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getLong(1);
            }
        }
    }

    @Test
    void shouldNotLinkCasesFurtherApartThanTheWindow() {
        String mobile = newMobile();
        String recent = accepted(personComplaint(GAS_TITLE, GAS, "D03", mobile)).path("caseNumber");
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minus(config.repeats().window())
                .minusDays(10)
                .withNano(0);

        // a hotline call from the same caller about the same matter, made before the window
        Map<String, Object> order = HotlineResourceTest.workOrder(HotlineResourceTest.nextNumber());
        order.put("callTime", longAgo.toString());
        order.put("callerPhone", mobile);
        order.put("district", "D03");
        order.put("summary", GAS_AGAIN_TITLE);
        order.put("content", GAS_AGAIN);
        var old = HotlineResourceTest.push(HotlineResourceTest.callCentre(), order);
        assertEquals(201, old.statusCode(), old.asString());
        assertNull(
                submitted(old.path("caseNumber")).repeatOf(),
                "a call made more than the window before a case does not repeat it");

        // within the window the same text is a repeat, so it was the window that kept them apart
        String again = accepted(personComplaint(GAS_AGAIN_TITLE, GAS_AGAIN, "D03", mobile))
                .path("caseNumber");
        assertEquals(recent, submitted(again).repeatOf());
        repeats(recent).statusCode(200).body("repeats.caseNumber", contains(again));
    }

    @Test
    void shouldFindANearDuplicateFromSomeoneElseReceivedWithinTheWindowButNotBeforeIt() {
        String title = "消防验收备案迟迟不予受理";
        String text = "我公司餐饮门店装修完成后提交消防验收备案，窗口称系统故障不予受理，前后去了四次，至今无法开业，损失很大。";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        double hotlineAccepted = metric("intake_complaints_accepted_total", "hotline");
        double hotlineRepeats = metric("intake_complaints_repeats_total", "hotline");
        double webRepeats = metric("intake_complaints_repeats_total", "web");
        // from other callers: one long before the window, one a few days inside it (more than the window apart)
        String before = call(title, text, now.minus(config.repeats().window()).minusDays(40));
        String inside = call(
                title, text + "请尽快处理。", now.minus(config.repeats().window()).plusDays(2));
        assertNull(submitted(inside).repeatOf(), "the two calls are further apart than the window");
        String again = accepted(
                        personComplaint(title, "我公司餐饮门店装修完成后提交消防验收备案，窗口称系统故障不予受理，前后去了四次，至今无法开业。", "D01", newMobile()))
                .path("caseNumber");
        assertEquals(inside, submitted(again).repeatOf(), "found through its keys, received weeks before");
        repeats(before).statusCode(200).body("repeats", hasSize(0));
        // counted in the metrics by channel, once committed
        assertEquals(hotlineAccepted + 2, metric("intake_complaints_accepted_total", "hotline"));
        assertEquals(hotlineRepeats, metric("intake_complaints_repeats_total", "hotline"));
        assertEquals(webRepeats + 1, metric("intake_complaints_repeats_total", "web"));
    }

    /** A counter of the Prometheus endpoint for one channel. */
    private static double metric(String name, String channel) {
        String prefix = name + "{";
        for (String line : given().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .split("\n")) {
            if (line.startsWith(prefix) && line.contains("channel=\"" + channel + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + name + " for " + channel);
    }

    /** A hotline call about a matter in D01 from a new caller, made at {@code callTime}; its case number. */
    private static String call(String summary, String content, OffsetDateTime callTime) {
        Map<String, Object> order = HotlineResourceTest.workOrder(HotlineResourceTest.nextNumber());
        order.put("callTime", callTime.toString());
        order.put("callerPhone", newMobile());
        order.put("district", "D01");
        order.put("summary", summary);
        order.put("content", content);
        var response = HotlineResourceTest.push(HotlineResourceTest.callCentre(), order);
        assertEquals(201, response.statusCode(), response.asString());
        return response.path("caseNumber");
    }

    @Test
    void shouldFindTheSameComplainantsEarlierCaseInABusyDistrict() {
        String mobile = newMobile();
        String first =
                accepted(personComplaint(POWER_TITLE, POWER, "D02", mobile)).path("caseNumber");

        // more later cases from other people in the district than one comparison looks at
        int busy = config.repeats().maxCandidates() + 10;
        StringBuilder batch = new StringBuilder();
        // received after the first case (not truncated to the second, which could put them before it)
        String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).toString();
        for (int i = 0; i < busy; i++) {
            batch.append(String.format(
                    "{\"workOrderNumber\":\"%s\",\"callTime\":\"%s\",\"callerPhone\":\"%s\",\"operatorId\":\"OP9\","
                            + "\"type\":\"HELP\",\"district\":\"D02\",\"summary\":\"来电反映路灯损坏第%d号\","
                            + "\"content\":\"来电人反映路口路灯损坏多日，夜间出行不便，请派人维修。\"}\n",
                    HotlineResourceTest.nextNumber(), now, newMobile(), i));
        }
        given().auth()
                .oauth2(HotlineResourceTest.callCentre())
                .contentType("application/x-ndjson")
                .body(batch.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/hotline/work-orders/batch")
                .then()
                .statusCode(200)
                .body("created", equalTo(busy));

        String again = accepted(personComplaint(POWER_AGAIN_TITLE, POWER_AGAIN, "D02", mobile))
                .path("caseNumber");
        assertEquals(first, submitted(again).repeatOf(), "the complainant's own earlier case is not crowded out");
    }

    @Test
    void shouldShowRepeatsOnlyToStaffWhoDispatchOrOversee() {
        String caseNumber = accepted(personComplaint("并单权限", "并单信息仅供派单人员查看。", "D01", newMobile()))
                .path("caseNumber");
        for (String role : new String[] {"citizen", "enterprise", "handler", "hotline-operator", "notifier"}) {
            given().auth()
                    .oauth2(TestTokens.token("r-" + role, role))
                    .get("/api/complaints/{caseNumber}/repeats", caseNumber)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/api/complaints/{caseNumber}/repeats", caseNumber)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        for (String role : new String[] {"dispatcher", "coordinator", "supervisor", "inspector", "admin"}) {
            given().auth()
                    .oauth2(TestTokens.token("r-" + role, role))
                    .get("/api/complaints/{caseNumber}/repeats", caseNumber)
                    .then()
                    .statusCode(200)
                    .body("caseNumber", equalTo(caseNumber));
        }
        repeats("TS209901010001")
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        repeats(caseNumber).body("repeats", hasSize(0));
    }
}
