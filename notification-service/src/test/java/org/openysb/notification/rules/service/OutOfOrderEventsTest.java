package org.openysb.notification.rules.service;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.notification.ConsumedEvents;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.notification.sinks.SmsGatewayStub.Attempt;
import org.openysb.testsupport.TestTokens;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.openysb.notification.Fixtures.SCJG;
import static org.openysb.notification.Fixtures.anonymousWithoutContact;
import static org.openysb.notification.Fixtures.closed;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;
import static org.openysb.notification.Fixtures.replied;
import static org.openysb.notification.Fixtures.routed;
import static org.openysb.notification.Fixtures.subject;
import static org.openysb.notification.rules.service.ComplainantNotificationTest.log;

/**
 * A backlog drained out of order (later steps of a case consumed before its ComplaintSubmitted): the complainant is
 * still told, resolved from complaint-intake when sending; an anonymous complainant without contact still is not.
 */
@QuarkusTest
class OutOfOrderEventsTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConsumedEvents consumed;

    @Test
    void shouldTellTheComplainantAboutStepsConsumedBeforeTheComplaintItself() {
        String cn = "TS202611230701";
        String mobile = "13800230701";
        String email = "early@example.com";
        LocalSinks.intake().put(cn, "钱七", mobile, email);

        CloudEvent routedEvent = publish(EventType.CASE_ROUTED, cn, routed(cn, SCJG));
        publish(EventType.CASE_REPLIED, cn, replied(cn, SCJG, "已按清单受理。"));
        publish(EventType.CASE_CLOSED, cn, closed(cn, SCJG));

        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 3);
        await().atMost(WAIT).until(() -> mailsTo(email).size() == 3);
        List<String> texts =
                LocalSinks.sms().sentTo(mobile).stream().map(Attempt::content).toList();
        assertThat(
                texts,
                containsInAnyOrder(
                        startsWith("【营商环境投诉】您的诉求" + cn + "已交办市市场监管局办理"),
                        startsWith("【营商环境投诉】市市场监管局已答复您的诉求" + cn),
                        startsWith("【营商环境投诉】您的诉求" + cn + "已办结")));
        assertThat(
                mailsTo(email).stream().map(m -> subject(m)).toList(),
                containsInAnyOrder("您的诉求已交办 " + cn, "您的诉求已答复 " + cn, "您的诉求已办结 " + cn));
        // the log proves it, with the addresses masked as they were resolved
        await().atMost(WAIT).untilAsserted(() -> log(SUPERVISOR, cn)
                .statusCode(200)
                .body("findAll { it.status == 'DELIVERED' }", hasSize(6))
                .body("findAll { it.channel == 'SMS' }.address", everyItem(equalTo("138****0701")))
                .body("findAll { it.channel == 'EMAIL' }.address", everyItem(equalTo("e***@example.com")))
                .body("recipient", everyItem(equalTo("complaint:" + cn))));
        assertThat(consumed.consumed(routedEvent.id()), equalTo(true));

        // the complaint itself arrives last: the receipt still goes out, nothing is sent twice
        publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 4);
        assertThat(LocalSinks.sms().sentTo(mobile).get(3).content(), startsWith("【营商环境投诉】您的诉求已受理，案件编号" + cn));
        await().atMost(WAIT).until(() -> mailsTo(email).size() == 4);
    }

    @Test
    void shouldStillTellAnAnonymousComplainantWithoutContactNothing() {
        String cn = "TS202611230702";
        LocalSinks.intake().putAnonymous(cn);

        CloudEvent routedEvent = publish(EventType.CASE_ROUTED, cn, routed(cn, SCJG));
        await().atMost(WAIT).until(() -> consumed.consumed(routedEvent.id()));
        // resolved at sending time: intake says there is no mobile and no email, so nothing is sent
        await().atMost(WAIT).untilAsserted(() -> log(SUPERVISOR, cn)
                .statusCode(200)
                .body("$", hasSize(2))
                .body("status", everyItem(equalTo("SKIPPED"))));

        CloudEvent submitted =
                publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, anonymousWithoutContact(cn), false));
        await().atMost(WAIT).until(() -> consumed.consumed(submitted.id()));
        CloudEvent closedEvent = publish(EventType.CASE_CLOSED, cn, closed(cn, SCJG));
        await().atMost(WAIT).until(() -> consumed.consumed(closedEvent.id()));
        // once ComplaintSubmitted said "no contact", later steps record nothing at all
        log(SUPERVISOR, cn).statusCode(200).body("$", hasSize(2)).body("template", everyItem(startsWith("routed.")));
        assertThat(
                java.util.Arrays.stream(LocalSinks.mail().getReceivedMessages())
                        .map(m -> subject(m))
                        .filter(s -> s.contains(cn))
                        .toList(),
                empty());
    }
}
