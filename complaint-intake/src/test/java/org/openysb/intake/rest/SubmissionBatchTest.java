package org.openysb.intake.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.openysb.intake.service.SubmissionBatcher;
import org.openysb.testsupport.DatabaseAccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;
import static org.openysb.intake.rest.Fixtures.submit;
import static org.openysb.intake.rest.Fixtures.submitted;

/**
 * Web complaints that arrive together are stored together (one transaction per batch): what each complainant and
 * each consumer of ysb.complaints observes must be what they would observe one at a time — their own case number and
 * query code, one event each, repeats among complaints of the same moment linked to the first of them, and a
 * complaint the database refuses failing alone. The tests hold the writer so that their complaints are one batch.
 */
@QuarkusTest
class SubmissionBatchTest {
    private static final String CONTENT = "区人社局办理社保登记要求企业重复提交营业执照、法人身份证等材料，窗口人员态度生硬，" + "三次往返仍未办结，影响新员工参保。";

    @Inject
    javax.sql.DataSource database;

    @Inject
    SubmissionBatcher batcher;

    /**
     * Files the complaints at the same moment and makes sure they are stored as one batch: the writer is held on the
     * day's case-number counter (a row lock, as a slow database would hold it) behind one opening complaint until
     * all of them wait for it. Returns the answers in the complaints' order.
     */
    private List<ExtractableResponse<Response>> asOneBatch(List<Map<String, Object>> complaints) throws Exception {
        return whileHeld(complaints, complaints.size(), refused -> {});
    }

    /**
     * Files the complaints while the writer is held (see {@link #asOneBatch}) and releases it once {@code queued} of
     * them wait for it and the others were answered; {@code beforeRelease} sees those early answers.
     */
    private List<ExtractableResponse<Response>> whileHeld(
            List<Map<String, Object>> complaints,
            int queued,
            java.util.function.Consumer<List<ExtractableResponse<Response>>> beforeRelease)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(complaints.size() + 1);
        try (Connection lock = database.getConnection();
                Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            s.execute("insert into case_number_counter (day, last_used) values ('" + today + "', 0)"
                    + " on conflict (day) do nothing");
            s.execute("select * from case_number_counter where day = '" + today + "' for update");
            Future<ExtractableResponse<Response>> opener = clients.submit(
                    () -> submit(personComplaint("开头的诉求", "先到的诉求，独自成批。" + UUID.randomUUID(), "D02", newMobile())));
            awaitTrue(() -> writerWaitsOnLock(), "the writer waits for the counter");
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (Map<String, Object> complaint : complaints) {
                answers.add(clients.submit(() -> submit(complaint)));
            }
            awaitTrue(
                    () -> batcher.waiting() == queued
                            && answers.stream().filter(Future::isDone).count() == complaints.size() - queued,
                    "the complaints wait for the writer or were answered");
            List<ExtractableResponse<Response>> early = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                if (answer.isDone()) {
                    early.add(answer.get());
                }
            }
            beforeRelease.accept(early);
            lock.commit();
            assertEquals(201, opener.get().statusCode());
            List<ExtractableResponse<Response>> responses = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }

    private boolean writerWaitsOnLock() throws Exception {
        return rows(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?",
                        "%case_number_counter%")
                > 0;
    }

    private static void awaitTrue(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }

    private Map<String, String> repeatOf(List<String> caseNumbers) throws Exception {
        Map<String, String> links = new HashMap<>();
        try (Connection c = database.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select case_number, repeat_of from complaint where case_number = any(?)")) {
            s.setArray(1, c.createArrayOf("text", caseNumbers.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    links.put(r.getString(1), r.getString(2));
                }
            }
        }
        return links;
    }

    /**
     * A database trigger that refuses to store a complaint whose {@code column} is {@code value} (created by the
     * migration role: the service's own role cannot).
     */
    private void refuseComplaintsWhere(String column, String value) throws Exception {
        try (Connection c = DatabaseAccess.asMigrationRole();
                Statement s = c.createStatement()) {
            s.execute("create or replace function refuse_test_complaint() returns trigger language plpgsql as $$"
                    + " begin if new." + column + " = '" + value + "' then raise exception 'refused by test trigger';"
                    + " end if; return new; end $$");
            s.execute("create trigger refuse_test_complaint before insert on complaint for each row"
                    + " execute function refuse_test_complaint()");
        }
    }

    private void stopRefusing() throws Exception {
        try (Connection c = DatabaseAccess.asMigrationRole();
                Statement s = c.createStatement()) {
            s.execute("drop trigger refuse_test_complaint on complaint");
            s.execute("drop function refuse_test_complaint()");
        }
    }

    private long rows(String sql, String value) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void shouldLinkTheSameMatterFiledByManyAtTheSameMomentToTheFirstOfThem() throws Exception {
        String title = "社保登记重复提交材料" + UUID.randomUUID().toString().substring(0, 8);
        String mobile = newMobile();
        List<Map<String, Object>> complaints = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            // 16 companies with word for word the same complaint, and one of them twice
            complaints.add(personComplaint(title, CONTENT, "D03", i == 15 ? mobile : newMobile()));
        }
        complaints.add(personComplaint(title, CONTENT, "D03", mobile));

        List<ExtractableResponse<Response>> answers = asOneBatch(complaints);

        List<String> caseNumbers = new ArrayList<>();
        for (ExtractableResponse<Response> answer : answers) {
            assertEquals(201, answer.statusCode(), answer.asString());
            assertTrue(answer.<String>path("queryCode").matches("\\d{6}"));
            caseNumbers.add(answer.path("caseNumber"));
        }
        assertEquals(caseNumbers.size(), new HashSet<>(caseNumbers).size(), "every complainant their own case");
        String first = caseNumbers.stream().min(String::compareTo).orElseThrow();
        Map<String, String> links = repeatOf(caseNumbers);
        assertEquals(caseNumbers.size(), links.size(), "all stored");
        assertNull(links.get(first), "the first case of the moment is the group's root");
        for (String caseNumber : caseNumbers) {
            if (!caseNumber.equals(first)) {
                assertEquals(first, links.get(caseNumber), caseNumber + " is linked to the first case");
            }
            assertEquals(
                    1,
                    rows("select count(*) from outbox_event where message_key = ?", caseNumber),
                    "one ComplaintSubmitted per case");
            assertEquals(1, rows("select count(*) from timeline_entry where case_number = ?", caseNumber));
        }
        assertEquals(first, submitted(caseNumbers.get(caseNumbers.size() - 1)).repeatOf(), "and the event says so");
        assertEquals(
                (long) caseNumbers.size(),
                rows(
                        "select count(*) from complaint where title = ? and octet_length(repeat_keys) = "
                                + org.openysb.intake.model.RepeatSketch.STORED_BYTES
                                + " and get_byte(repeat_keys, 0) = "
                                + org.openysb.intake.model.RepeatSketch.VERSION,
                        title),
                "each case's near-duplicate keys stored with it");
    }

    @Test
    void shouldStoreTheOthersWhenTheDatabaseRefusesOneComplaintOfTheirBatch() throws Exception {
        String refused = "数据库拒绝" + UUID.randomUUID().toString().substring(0, 8);
        refuseComplaintsWhere("title", refused);
        try {
            List<Map<String, Object>> complaints = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String title = i == 5 ? refused : "营业执照变更登记第" + i + "次补正" + UUID.randomUUID();
                complaints.add(personComplaint(
                        title, "变更登记材料第" + i + "次被要求补正，每次要求都不一样。" + UUID.randomUUID(), "D01", newMobile()));
            }

            List<ExtractableResponse<Response>> answers = asOneBatch(complaints);

            for (int i = 0; i < answers.size(); i++) {
                ExtractableResponse<Response> answer = answers.get(i);
                if (i == 5) {
                    assertEquals(500, answer.statusCode(), answer.asString());
                    assertEquals(
                            "application/problem+json", answer.contentType().split(";")[0]);
                    assertTrue(!answer.asString().contains("refused by test trigger"), "no database detail leaks");
                } else {
                    assertEquals(201, answer.statusCode(), answer.asString());
                    String caseNumber = answer.path("caseNumber");
                    assertEquals(1, rows("select count(*) from complaint where case_number = ?", caseNumber));
                    assertEquals(1, rows("select count(*) from outbox_event where message_key = ?", caseNumber));
                }
            }
            assertEquals(0, rows("select count(*) from complaint where title = ?", refused), "nothing of it stored");
        } finally {
            stopRefusing();
        }
    }

    @Test
    void shouldRefuseAtOnceWhatDoesNotFitInTheQueueAndStoreWhatDoes() throws Exception {
        int capacity = batcher.capacity();
        String title = "排队已满" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> complaints = new ArrayList<>();
        for (int i = 0; i < capacity + 6; i++) {
            complaints.add(personComplaint(title, "第" + i + "件：" + CONTENT + UUID.randomUUID(), "D02", newMobile()));
        }

        List<ExtractableResponse<Response>> answers = whileHeld(complaints, capacity, early -> {
            assertEquals(6, early.size(), "answered while the others wait");
            for (ExtractableResponse<Response> busy : early) {
                assertEquals(503, busy.statusCode(), busy.asString());
                assertEquals("application/problem+json", busy.contentType().split(";")[0]);
                assertEquals(503, busy.<Integer>path("status"));
                assertTrue(busy.<String>path("detail").contains("nothing was stored"), busy.asString());
            }
        });

        long accepted = answers.stream().filter(a -> a.statusCode() == 201).count();
        assertEquals(capacity, accepted, "every complaint that found room was stored and answered");
        assertEquals(6, answers.stream().filter(a -> a.statusCode() == 503).count());
        assertEquals(capacity, rows("select count(*) from complaint where title = ?", title), "and only those");
    }

    /**
     * Files {@code first} and holds its batch in its commit (its insert waits for a lock on the timeline), then files
     * {@code second}, whose batch is linked while the first is not yet visible to other transactions; releases both
     * once the second batch waits for the committer. Returns both answers.
     */
    private List<ExtractableResponse<Response>> secondLinkedWhileFirstCommits(
            Map<String, Object> first, Map<String, Object> second) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (Connection lock = database.getConnection();
                Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("lock table timeline_entry in share mode");
            Future<ExtractableResponse<Response>> a = clients.submit(() -> submit(first));
            awaitTrue(
                    () -> rows(
                                    "select count(*) from pg_locks where not granted and relation = cast(? as regclass)",
                                    "timeline_entry")
                            > 0,
                    "the first batch's insert waits");
            Future<ExtractableResponse<Response>> b = clients.submit(() -> submit(second));
            awaitTrue(() -> batcher.linkedWaiting() == 1, "the second batch is linked and waits for the committer");
            lock.commit();
            return List.of(a.get(), b.get());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void shouldLinkToAComplaintWhoseBatchIsStillBeingCommitted() throws Exception {
        String title = "冷库备案材料反复退回" + UUID.randomUUID().toString().substring(0, 8);
        String content = CONTENT + UUID.randomUUID(); // like no case of another test
        List<ExtractableResponse<Response>> answers = secondLinkedWhileFirstCommits(
                personComplaint(title, content, "D01", newMobile()),
                personComplaint(title, content, "D01", newMobile()));
        assertEquals(201, answers.get(0).statusCode(), answers.get(0).asString());
        assertEquals(201, answers.get(1).statusCode(), answers.get(1).asString());
        String first = answers.get(0).path("caseNumber");
        String second = answers.get(1).path("caseNumber");
        assertEquals(first, repeatOf(List.of(second)).get(second), "compared in memory: not yet in the database");
        assertEquals(first, submitted(second).repeatOf(), "and the event says so");
    }

    @Test
    void shouldStoreWithoutTheLinkAComplaintLinkedToOneTheDatabaseThenRefused() throws Exception {
        String refused = "数据库拒绝" + UUID.randomUUID().toString().substring(0, 8);
        refuseComplaintsWhere("complainant_name", refused);
        try {
            String title = "社保登记材料反复退回" + UUID.randomUUID().toString().substring(0, 8);
            String content = CONTENT + UUID.randomUUID(); // like no case of another test
            Map<String, Object> doomed = personComplaint(title, content, "D01", newMobile());
            @SuppressWarnings("unchecked")
            Map<String, Object> complainant = (Map<String, Object>) doomed.get("complainant");
            complainant.put("name", refused);
            List<ExtractableResponse<Response>> answers =
                    secondLinkedWhileFirstCommits(doomed, personComplaint(title, content, "D01", newMobile()));
            assertEquals(500, answers.get(0).statusCode(), answers.get(0).asString());
            assertEquals(201, answers.get(1).statusCode(), answers.get(1).asString());
            String second = answers.get(1).path("caseNumber");
            assertEquals(1, rows("select count(*) from complaint where case_number = ?", second));
            assertNull(repeatOf(List.of(second)).get(second), "no link to a case that does not exist");
            assertNull(submitted(second).repeatOf(), "nor in its event");
        } finally {
            stopRefusing();
        }
    }
}
