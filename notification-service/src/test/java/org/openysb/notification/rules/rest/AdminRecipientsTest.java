package org.openysb.notification.rules.rest;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.UnitRef;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.opened;
import static org.openysb.notification.Fixtures.publish;
import static org.openysb.notification.Fixtures.subject;

/** Who receives what is recipient data an admin keeps: people by unit and role, with their contact points. */
@QuarkusTest
class AdminRecipientsTest {
    private static final String ADMIN = TestTokens.token("admin1", "admin");
    private static final UnitRef FGW = new UnitRef("FGW", "市发展改革委");

    static void put(String username, Map<String, Object> body, int status) {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/admin/recipients/{u}", username)
                .then()
                .statusCode(status);
    }

    @Test
    void shouldEmailTheActiveHandlersAnAdminRegisteredForTheUnit() {
        put(
                "handler-fgw",
                Map.of(
                        "displayName", "市发展改革委承办人",
                        "unitCode", "FGW",
                        "role", "handler",
                        "email", "handler-fgw@example.org"),
                201);
        put(
                "handler-fgw2",
                Map.of(
                        "displayName", "市发展改革委承办人（休假）",
                        "unitCode", "FGW",
                        "role", "handler",
                        "email", "handler-fgw2@example.org",
                        "active", false),
                201);
        // replaced, not duplicated
        put(
                "handler-fgw",
                Map.of(
                        "displayName", "市发展改革委承办人",
                        "unitCode", "FGW",
                        "role", "handler",
                        "email", "fgw-desk@example.org",
                        "mobile", "13600000001"),
                200);
        put("bad", Map.of("displayName", "x", "role", "handler", "mobile", "12345"), 400);
        given().auth()
                .oauth2(TestTokens.handler("handler-fgw", "FGW"))
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "x", "role", "admin"))
                .put("/api/admin/recipients/{u}", "handler-fgw")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(ADMIN)
                .queryParam("unit", "FGW")
                .queryParam("role", "handler")
                .get("/api/admin/recipients")
                .then()
                .statusCode(200)
                .body("username", contains("handler-fgw", "handler-fgw2"))
                .body("find { it.username == 'handler-fgw' }.email", equalTo("fgw-desk@example.org"))
                .body("find { it.username == 'handler-fgw2' }.active", equalTo(false));

        String cn = "TS202611230501";
        publish(EventType.WORK_ITEM_OPENED, cn, opened(cn, FGW));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("fgw-desk@example.org").stream()
                .anyMatch(m -> subject(m).equals("新派件 " + cn)));
        assertThat(mailsTo("handler-fgw@example.org"), empty());
        assertThat(mailsTo("handler-fgw2@example.org"), empty());
        given().auth()
                .oauth2(TestTokens.token("supervisor1", "supervisor"))
                .queryParam("caseNumber", cn)
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("findAll { it.channel == 'EMAIL' }.recipient", contains("handler-fgw"))
                .body("findAll { it.channel == 'INBOX' }.recipient", contains("FGW"));
        assertThat(LocalSinks.sms().rejected(), empty());
    }
}
