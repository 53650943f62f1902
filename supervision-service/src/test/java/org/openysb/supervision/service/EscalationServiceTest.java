package org.openysb.supervision.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.Topics;
import org.openysb.supervision.messaging.RoutingConsumerTest;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class EscalationServiceTest {
    @Inject
    EscalationService escalation;

    private static List<ConsumerRecord<String, String>> events(String cn, String type, int atLeast) {
        return org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION, cn, v -> v.contains("org.openysb." + type), atLeast + 1, Duration.ofSeconds(5));
    }

    @Test
    void shouldIssueEachReminderNoticeAndOrderExactlyOnceEvenWhenTwoSweepsRunAtOnce() {
        String cn = "TS202610019001";
        // assigned on 2026-10-09: 15 working days end on 2026-10-29; the sweep runs on 2026-11-10
        RoutingConsumerTest.route(cn, "TAX", "市税务局", "2026-10-09T09:00:00+08:00", false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .get("/api/work-items/{cn}", cn)
                .then()
                .statusCode(200));
        OffsetDateTime now = OffsetDateTime.parse("2026-11-10T10:00:00+08:00");
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> escalation.sweep(now));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> escalation.sweep(now));
        first.join();
        second.join();
        escalation.sweep(now.plusMinutes(5)); // and once more later: nothing new

        List<ConsumerRecord<String, String>> reminders = events(cn, "ReminderDue", 6);
        // the handling clock passed 50, 75 and 90 % (reminders only while not yet overdue are skipped once overdue),
        // the sign-for clock likewise: the sweep issues what is due now, at most once per level
        reminders.forEach(r -> EventSchemas.assertValid(r.value()));
        assertEquals(1, events(cn, "ReminderNoticeIssued", 1).size(), "one reminder notice");
        assertEquals(1, events(cn, "SupervisionOrderIssued", 1).size(), "one supervision order");
        assertEquals(1, events(cn, "ClueRaised", 1).size(), "one clue for discipline inspection");
        EventSchemas.assertValid(events(cn, "SupervisionOrderIssued", 1).get(0).value());
        EventSchemas.assertValid(events(cn, "ClueRaised", 1).get(0).value());
    }

    @Test
    void shouldRemindAtEachThresholdOnce() {
        String cn = "TS202611219101";
        RoutingConsumerTest.route(cn, "TAX", "市税务局", "2026-11-02T09:00:00+08:00", false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .get("/api/work-items/{cn}", cn)
                .then()
                .statusCode(200));
        // handling: 15 working days from 2026-11-02 end 2026-11-23 23:59:59.999; on 2026-11-19 noon about 79 % of
        // that time is used (the share of elapsed clock time)
        escalation.sweep(OffsetDateTime.parse("2026-11-19T12:00:00+08:00"));
        escalation.sweep(OffsetDateTime.parse("2026-11-19T12:05:00+08:00"));
        List<ConsumerRecord<String, String>> handling = org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION,
                cn,
                v -> v.contains("ReminderDue") && v.contains("\"HANDLING\""),
                3,
                Duration.ofSeconds(5));
        assertEquals(2, handling.size(), "50 % and 75 % of the handling limit, once each");
    }
}
