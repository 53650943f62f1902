package org.openysb.supervision.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.openysb.supervision.service.EscalationService;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmarks of issue 5, run by {@code supervision-service/bench/run-benchmarks.sh} (tag "benchmark", excluded from
 * the normal build). It prints numbers; it asserts only correctness (each reminder exactly once), never a time.
 *
 * <ol>
 *   <li>Metrics: 1,000,000 closed cases of 2025 are seeded into work_item and aggregated into metric_daily the way the
 *       event handlers would have; GET /api/metrics is timed over varied filters (p50/p95), against a baseline that
 *       computes the same counters by scanning work_item per request.
 *   <li>Reminder sweep: 1,000,000 open cases assigned over the last 20 days; a previous sweep 10 minutes ago is
 *       simulated by recording every reminder already due then; one sweep must find and emit the rest exactly once.
 * </ol>
 */
@QuarkusTest
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionBenchmark {
    private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");

    @Inject
    EntityManager entityManager;

    @Inject
    EscalationService escalation;

    private long sql(String statement) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (long) entityManager.createNativeQuery(statement).executeUpdate());
    }

    private static void print(String line) {
        System.out.println("BENCH " + line);
    }

    @Test
    @Order(1)
    void metricsOverAMillionCases() {
        long t0 = System.nanoTime();
        // each case draws its unit, channel, category, type and timing independently, as real cases do
        sql("insert into work_item (case_number, lead_unit, lead_name, type, urgent, channel, category, district,"
                + " status, assigned_at, sign_for_deadline, first_contact_deadline, return_deadline,"
                + " handling_deadline, updated_at, signed_at, first_contact_at, replied_at, rating, solved,"
                + " followed_up_at, closed_at, closure, sign_decided, response_decided)"
                + " select 'MB' || lpad(g::text, 12, '0'), 'U' || lpad(u::text, 2, '0'), '单位' || u,"
                + " (array['COMPLAINT','INQUIRY','HELP','SUGGESTION','REPORT'])[1 + ty], false,"
                + " (array['WEB','HOTLINE','LETTER','REFERRAL'])[1 + ch], 'CAT' || cat, 'D0' || (1 + r % 8),"
                + " 'CLOSED', a,"
                + " a + interval '1 day', a + interval '1 day', a + interval '1 day', a + interval '21 days', a,"
                + " a + (r % 30) * interval '1 hour', a + interval '20 hours', a + (r % 25) * interval '1 day',"
                + " (array['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + r % 3], r % 7 <> 0,"
                + " a + (r % 25 + 1) * interval '1 day', a + (r % 25 + 1) * interval '1 day', 'FOLLOWED_UP',"
                + " true, true from generate_series(1, " + CASES + ") g,"
                + " lateral (select timestamptz '2025-01-01 00:00+08' + floor(g * 0 + random() * 365) * interval '1 day'"
                + " + floor(random() * 600) * interval '1 minute' as a, floor(g * 0 + random() * 60)::int as u,"
                + " floor(g * 0 + random() * 4)::int as ch, floor(g * 0 + random() * 25)::int as cat,"
                + " floor(g * 0 + random() * 5)::int as ty, floor(g * 0 + random() * 1000)::int as r) t");
        // the aggregates the event handlers keep, derived once from the same cases
        sql("insert into metric_daily (day, unit, channel, category, type, district, received, dispatched_on_time,"
                + " assigned, signed_on_time, responded_on_time, due, completed_on_time, replied, closed, followed_up,"
                + " rated, satisfied, solved, sign_decided, response_decided)"
                + " select (assigned_at at time zone 'Asia/Shanghai')::date, lead_unit, channel, category, type,"
                + " district, count(*), count(*), count(*), count(*) filter (where signed_at <= sign_for_deadline),"
                + " count(*) filter (where signed_at <= sign_for_deadline and first_contact_at <= first_contact_deadline),"
                + " count(*), count(*) filter (where replied_at <= handling_deadline), count(*), count(*), count(*),"
                + " count(*), count(*) filter (where rating <> 'DISSATISFIED'), count(*) filter (where solved),"
                + " count(*), count(*)"
                + " from work_item where case_number like 'MB%' group by 1, 2, 3, 4, 5, 6");
        sql("insert into metric_unit_daily (day, unit, received, dispatched_on_time, assigned, signed_on_time,"
                + " responded_on_time, returns, improper_returns, due, completed_on_time, replied, closed, followed_up,"
                + " rated, satisfied, solved, reopened, repeats, sign_decided, response_decided)"
                + " select day, unit, sum(received), sum(dispatched_on_time), sum(assigned),"
                + " sum(signed_on_time), sum(responded_on_time), sum(returns), sum(improper_returns), sum(due),"
                + " sum(completed_on_time), sum(replied), sum(closed), sum(followed_up), sum(rated), sum(satisfied),"
                + " sum(solved), sum(reopened), sum(repeats), sum(sign_decided), sum(response_decided)"
                + " from metric_daily group by day, unit on conflict (day, unit) do nothing");
        sql("analyze work_item");
        sql("analyze metric_daily");
        long aggregates = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from metric_daily")
                        .getSingleResult())
                .longValue());
        print(String.format(
                "seeded %,d closed cases and %,d daily aggregate rows in %.1f s",
                CASES, aggregates, (System.nanoTime() - t0) / 1e9));

        Random random = new Random(1);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            LocalDate from = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(180));
            LocalDate to = from.plusDays(30 + random.nextInt(180));
            String q = "from=" + from + "&to=" + to;
            switch (i % 4) {
                case 1 -> q += "&unit=U" + String.format("%02d", random.nextInt(60));
                case 2 -> q += "&channel=HOTLINE&category=CAT" + random.nextInt(25);
                case 3 -> q += "&type=COMPLAINT";
                default -> {}
            }
            queries.add(q);
        }
        for (int i = 0; i < 20; i++) { // warm-up
            given().auth()
                    .oauth2(SUPERVISOR)
                    .get("/api/metrics?" + queries.get(i))
                    .then()
                    .statusCode(200);
        }
        long[] api = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long s = System.nanoTime();
            given().auth()
                    .oauth2(SUPERVISOR)
                    .get("/api/metrics?" + queries.get(i))
                    .then()
                    .statusCode(200);
            api[i] = System.nanoTime() - s;
        }
        // baseline: the same counters computed by scanning the raw cases on each request
        int baselineRuns = Math.max(10, REQUESTS / 10);
        long[] scan = new long[baselineRuns];
        for (int i = 0; i < baselineRuns; i++) {
            String[] range = queries.get(i).split("&");
            String from = range[0].substring(5);
            String to = range[1].substring(3);
            long s = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("select count(*), count(*) filter (where signed_at <= sign_for_deadline),"
                            + " count(*) filter (where replied_at <= handling_deadline),"
                            + " count(*) filter (where status = 'CLOSED'), count(*) filter (where rating is not null),"
                            + " count(*) filter (where rating <> 'DISSATISFIED'), count(*) filter (where solved)"
                            + " from work_item where (assigned_at at time zone 'Asia/Shanghai')::date between '"
                            + from + "' and '" + to + "'")
                    .getSingleResult());
            scan[i] = System.nanoTime() - s;
        }
        print(String.format(
                "GET /api/metrics over %,d cases, %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                CASES, REQUESTS, pct(api, 50), pct(api, 95), pct(api, 100)));
        print(String.format(
                "baseline (scan of the raw cases per request), %d runs: p50 %.1f ms, p95 %.1f ms;"
                        + " ratio of p95 baseline/API = %.1fx",
                baselineRuns, pct(scan, 50), pct(scan, 95), pct(scan, 95) / pct(api, 95)));

        // the supervisor dashboard (issue 19): the same periods, with the dashboard's filters, and the rankings
        List<String> dashboards = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String q = queries.get(i).split("&unit|&channel|&type")[0];
            switch (i % 5) {
                case 1 -> q += "&unit=U" + String.format("%02d", random.nextInt(60));
                case 2 -> q += "&channel=HOTLINE&category=CAT" + random.nextInt(25);
                case 3 -> q += "&type=COMPLAINT";
                case 4 -> q += "&district=D0" + (1 + random.nextInt(8));
                default -> {}
            }
            dashboards.add("/api/metrics/dashboard?" + q);
        }
        long[] dashboard = time(dashboards);
        List<String> rankings = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            rankings.add("/api/rankings?period="
                    + (i % 2 == 0 ? "2025-" + String.format("%02d", 1 + i % 12) : "2025-Q" + (1 + i % 4)));
        }
        long[] ranking = time(rankings);
        print(String.format(
                "GET /api/metrics/dashboard over %,d cases, %d requests (period 30-210 days; none, unit,"
                        + " channel+category, type or district filter): p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                CASES, REQUESTS, pct(dashboard, 50), pct(dashboard, 95), pct(dashboard, 100)));
        print(String.format(
                "GET /api/rankings over %,d cases, %d requests (months and quarters of 2025):"
                        + " p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                CASES, REQUESTS, pct(ranking, 50), pct(ranking, 95), pct(ranking, 100)));
    }

    /** Each path once after 20 warm-up requests; the latencies in nanoseconds. */
    private static long[] time(List<String> paths) {
        for (int i = 0; i < Math.min(20, paths.size()); i++) {
            given().auth().oauth2(SUPERVISOR).get(paths.get(i)).then().statusCode(200);
        }
        long[] nanos = new long[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            long s = System.nanoTime();
            given().auth().oauth2(SUPERVISOR).get(paths.get(i)).then().statusCode(200);
            nanos[i] = System.nanoTime() - s;
        }
        return nanos;
    }

    @Test
    @Order(2)
    void reminderSweepOverAMillionOpenCases() {
        // whole milliseconds, so that the SQL literal and the bound parameter are the same instant
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String t = "timestamptz '" + now + "'";
        long t0 = System.nanoTime();
        // assigned uniformly over the last 20 days; 5 % still waiting to be signed for; handling limit ~21 days.
        // next_reminder_at is where the previous sweep, ten minutes ago, left it: the first reminder point after then
        String before = t + " - interval '10 minutes'";
        sql("insert into work_item (case_number, lead_unit, lead_name, type, urgent, channel, category, district,"
                + " status, assigned_at, sign_for_deadline, first_contact_deadline, return_deadline,"
                + " handling_deadline, updated_at, next_reminder_at, sign_decided, response_decided)"
                + " select 'SW' || lpad(g::text, 12, '0'), 'U' || lpad((g % 60)::text, 2, '0'), '单位' || (g % 60),"
                + " 'COMPLAINT', false, 'WEB', 'CAT' || (g % 25), 'D01',"
                + " case when g % 20 = 0 then 'ASSIGNED' else 'SIGNED' end, a, a + interval '1 day',"
                + " a + interval '1 day', a + interval '1 day', a + interval '21 days', a,"
                + " least(case when a + interval '21 days' * 0.5 > " + before + " then a + interval '21 days' * 0.5"
                + " when a + interval '21 days' * 0.75 > " + before + " then a + interval '21 days' * 0.75"
                + " when a + interval '21 days' * 0.9 > " + before + " then a + interval '21 days' * 0.9 end,"
                + " case when g % 20 = 0 then (case when a + interval '1 day' * 0.5 > " + before
                + " then a + interval '1 day' * 0.5 when a + interval '1 day' * 0.75 > " + before
                + " then a + interval '1 day' * 0.75 when a + interval '1 day' * 0.9 > " + before
                + " then a + interval '1 day' * 0.9 end) end),"
                // the earlier sweep decided the sign-for and first-contact outcomes whose deadline had passed
                + " a + interval '1 day' <= " + before + ", a + interval '1 day' <= " + before
                + " from generate_series(1, " + CASES + ") g,"
                + " lateral (select " + t + " - (g::float8 / " + CASES + ") * interval '20 days' as a) x");
        // the previous sweep, ten minutes ago, issued every reminder due by then
        for (int percent : new int[] {50, 75, 90}) {
            for (String[] clock : new String[][] {
                {"HANDLING", "handling_deadline", "('ASSIGNED', 'SIGNED')"},
                {"SIGN_FOR", "sign_for_deadline", "('ASSIGNED')"}
            }) {
                sql("insert into escalation (case_number, clock, level, deadline, issued_at)"
                        + " select case_number, '" + clock[0] + "', 'R" + percent + "', " + clock[1] + ", " + before
                        + " from work_item where case_number like 'SW%' and status in " + clock[2]
                        + " and " + clock[1] + " > " + before
                        + " and assigned_at + (" + clock[1] + " - assigned_at) * " + percent / 100.0 + " <= " + before);
            }
        }
        sql("analyze work_item");
        sql("analyze escalation");
        long expected = QuarkusTransaction.requiringNew().call(() -> {
            long n = 0;
            for (int percent : new int[] {50, 75, 90}) {
                for (String[] clock : new String[][] {
                    {"HANDLING", "handling_deadline", "('ASSIGNED', 'SIGNED')"},
                    {"SIGN_FOR", "sign_for_deadline", "('ASSIGNED')"}
                }) {
                    n += ((Number) entityManager
                                    .createNativeQuery("select count(*) from work_item w where case_number like 'SW%'"
                                            + " and status in " + clock[2] + " and " + clock[1] + " > " + t
                                            + " and assigned_at + (" + clock[1] + " - assigned_at) * " + percent / 100.0
                                            + " <= " + t + " and not exists (select 1 from escalation e"
                                            + " where e.case_number = w.case_number and e.clock = '" + clock[0]
                                            + "' and e.level = 'R" + percent + "' and e.deadline = w." + clock[1] + ")")
                                    .getSingleResult())
                            .longValue();
                }
            }
            return n;
        });
        print(String.format(
                "seeded %,d open cases (and the earlier sweep's reminders) in %.1f s; %,d reminders are due now",
                CASES, (System.nanoTime() - t0) / 1e9, expected));

        long s = System.nanoTime();
        int issued = escalation.sweep(now);
        double seconds = (System.nanoTime() - s) / 1e9;
        int again = escalation.sweep(now.plusSeconds(1));
        long outboxed = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from outbox_event where event_type like '%ReminderDue'"
                                + " and message_key like 'SW%'")
                        .getSingleResult())
                .longValue());
        print(String.format(
                "reminder sweep over %,d open cases: %,d issued in %.2f s (%.0f/s); a second sweep issued %d;"
                        + " %,d ReminderDue events in the outbox",
                CASES, issued, seconds, issued / seconds, again, outboxed));
        assertEquals(expected, issued, "every due reminder found");
        assertEquals(0, again, "none twice");
        assertEquals(expected, outboxed, "each emitted once");
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
