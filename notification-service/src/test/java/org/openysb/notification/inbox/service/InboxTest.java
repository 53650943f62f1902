package org.openysb.notification.inbox.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ClueRaised;
import org.openysb.contracts.events.UnitRef;
import org.openysb.notification.ConsumedEvents;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.opened;
import static org.openysb.notification.Fixtures.publish;
import static org.openysb.notification.Fixtures.subject;
import static org.openysb.notification.Fixtures.text;

/** Staff messages: the unit's inbox (unread first, mark read), the SSE stream, the handlers' emails, role inboxes. */
@QuarkusTest
class InboxTest {
    private static final UnitRef RSJ = new UnitRef("RSJ", "市人社局");
    private static final UnitRef TAX = new UnitRef("TAX", "市税务局");
    private static final String HANDLER_RSJ = TestTokens.handler("handler-rsj", "RSJ");
    private static final String HANDLER_TAX = TestTokens.handler("handler-tax", "TAX");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConsumedEvents consumed;

    @TestHTTPResource("/api/inbox/stream")
    URI stream;

    static ValidatableResponse inbox(String token) {
        return given().auth().oauth2(token).get("/api/inbox").then();
    }

    static int indexOf(List<String> caseNumbers, String cn) {
        return caseNumbers.indexOf(cn);
    }

    @Test
    void shouldPutNewCasesInTheUnitsInboxUnreadFirstAndLetOnlyTheUnitMarkThemRead() {
        String first = "TS202611230201";
        String second = "TS202611230202";
        CloudEvent e1 = publish(EventType.WORK_ITEM_OPENED, first, opened(first, RSJ));
        await().atMost(WAIT).until(() -> consumed.consumed(e1.id()));
        publish(EventType.WORK_ITEM_OPENED, second, opened(second, RSJ));

        await().atMost(WAIT).untilAsserted(() -> inbox(HANDLER_RSJ)
                .statusCode(200)
                .body("findAll { it.caseNumber == '" + second + "' }", hasSize(1)));
        inbox(HANDLER_RSJ)
                .body("find { it.caseNumber == '" + first + "' }.body", containsString("已派至市人社局主办"))
                .body("find { it.caseNumber == '" + first + "' }.body", containsString("2026年11月23日 23:59前签收"))
                .body("find { it.caseNumber == '" + first + "' }.readAt", nullValue())
                .body("find { it.caseNumber == '" + first + "' }.recipient", equalTo("RSJ"));
        List<String> before = inbox(HANDLER_RSJ).extract().jsonPath().getList("caseNumber", String.class);
        assertThat("both unread: newest first", indexOf(before, second), lessThan(indexOf(before, first)));
        inbox(HANDLER_TAX).statusCode(200).body("findAll { it.caseNumber == '" + first + "' }", empty());

        long secondId =
                inbox(HANDLER_RSJ).extract().jsonPath().getLong("find { it.caseNumber == '" + second + "' }.id");
        // another unit's handler can neither read nor mark it
        given().auth()
                .oauth2(HANDLER_TAX)
                .post("/api/inbox/{id}/read", secondId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(HANDLER_RSJ)
                .post("/api/inbox/{id}/read", secondId)
                .then()
                .statusCode(200)
                .body("readAt", not(nullValue()));

        List<String> after = inbox(HANDLER_RSJ).extract().jsonPath().getList("caseNumber", String.class);
        assertThat("unread before read", indexOf(after, first), lessThan(indexOf(after, second)));
        inbox(HANDLER_RSJ).body("find { it.caseNumber == '" + first + "' }.readAt", nullValue());
        inbox(TestTokens.token("citizen1", "citizen")).statusCode(403);
        given().get("/api/inbox").then().statusCode(401);

        // the unit's handlers (recipient table) also get an email
        await().atMost(WAIT).until(() -> mailsTo("handler-rsj@example.org").stream()
                .anyMatch(m -> subject(m).equals("新派件 " + first)));
        MimeMessage mail = mailsTo("handler-rsj@example.org").stream()
                .filter(m -> subject(m).equals("新派件 " + first))
                .findFirst()
                .orElseThrow();
        assertThat(text(mail), containsString(first + "（投诉）已派至市人社局主办"));
    }

    @Test
    void shouldStreamNewMessagesOfTheCallersUnitsAsServerSentEvents() throws Exception {
        String other = "TS202611230203";
        String own = "TS202611230204";
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = client.sendAsync(
                        HttpRequest.newBuilder(stream)
                                .header("Accept", "text/event-stream")
                                .header("Authorization", "Bearer " + HANDLER_RSJ)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode(), equalTo(200));
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            CloudEvent taxCase = publish(EventType.WORK_ITEM_OPENED, other, opened(other, TAX));
            await().atMost(WAIT).until(() -> consumed.consumed(taxCase.id()));
            publish(EventType.WORK_ITEM_OPENED, own, opened(own, RSJ));

            await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.contains(own)));
            String data =
                    lines.stream().filter(l -> l.contains(own)).findFirst().orElseThrow();
            assertThat(data, containsString("\"channel\":\"INBOX\""));
            assertThat(data, containsString("\"recipient\":\"RSJ\""));
            assertThat(data, containsString("新派件：" + own));
            assertThat(lines.stream().filter(l -> l.contains(other)).toList(), empty());
        } finally {
            response.body().close();
            reader.interrupt();
        }
        // a citizen has no inbox stream
        HttpResponse<Void> denied = client.send(
                HttpRequest.newBuilder(stream)
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + TestTokens.token("citizen1", "citizen"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(denied.statusCode(), equalTo(403));
    }

    @Test
    void shouldAskTheCoHandlingUnitsToHelp() {
        String cn = "TS202611230206";
        publish(EventType.WORK_ITEM_OPENED, cn, opened(cn, RSJ, TAX));
        await().atMost(WAIT).untilAsserted(() -> inbox(HANDLER_TAX)
                .statusCode(200)
                .body("find { it.caseNumber == '" + cn + "' }.template", equalTo("co-handling.inbox"))
                .body("find { it.caseNumber == '" + cn + "' }.subject", equalTo("协办请求 " + cn))
                .body(
                        "find { it.caseNumber == '" + cn + "' }.body",
                        equalTo("协办请求：" + cn + "（投诉）由市人社局主办，贵单位为协办单位，请配合主办单位于2026年12月11日 23:59前办结。")));
        inbox(HANDLER_RSJ)
                .body("findAll { it.caseNumber == '" + cn + "' }", hasSize(1))
                .body("find { it.caseNumber == '" + cn + "' }.template", equalTo("new-case.inbox"));
    }

    @Test
    void shouldGiveNewCluesToInspectorsOnly() {
        String cn = "TS202611230205";
        publish(
                EventType.CLUE_RAISED,
                cn,
                new ClueRaised(
                        cn,
                        "CL-2026-0042",
                        TAX,
                        "IMPROPER_RETURN",
                        "市税务局对该件的退单被仲裁驳回，记为不当退单",
                        null,
                        "SYSTEM",
                        OffsetDateTime.now()));
        String inspector = TestTokens.token("inspector1", "inspector");
        await().atMost(WAIT).untilAsserted(() -> inbox(inspector)
                .statusCode(200)
                .body("find { it.caseNumber == '" + cn + "' }.recipient", equalTo("inspector1"))
                .body("find { it.caseNumber == '" + cn + "' }.subject", equalTo("新线索 CL-2026-0042"))
                .body("find { it.caseNumber == '" + cn + "' }.body", containsString("IMPROPER_RETURN")));
        inbox(TestTokens.token("supervisor1", "supervisor")).body("findAll { it.caseNumber == '" + cn + "' }", empty());
        inbox(HANDLER_TAX).body("findAll { it.caseNumber == '" + cn + "' }", empty());
        await().atMost(WAIT).until(() -> mailsTo("inspector1@example.org").stream()
                .anyMatch(m -> subject(m).equals("新线索 CL-2026-0042")));
    }
}
