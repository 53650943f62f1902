package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseReplied;
import org.openysb.supervision.messaging.RoutingConsumerTest;
import org.openysb.testsupport.DatabaseAccess;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WorkItemActionsTest {
    private static final String HANDLER = TestTokens.handler("handler-scjg", "SCJG");

    @Inject
    EntityManager entityManager;

    private static void routed(String caseNumber) {
        RoutingConsumerTest.route(
                caseNumber, "SCJG", "市市场监管局", OffsetDateTime.now().toString(), false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", caseNumber)
                .then()
                .statusCode(200)
                .body("allowedActions", equalTo(List.of("sign", "return"))));
    }

    @Test
    void shouldWalkSignFirstContactAndReplyAndPublishEachStep() {
        String cn = "TS202611218001";
        routed(cn);
        given().auth()
                .oauth2(HANDLER)
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(200)
                .body("status", equalTo("SIGNED"))
                .body("allowedActions", equalTo(List.of("first-contact", "return", "extension")));
        given().auth()
                .oauth2(HANDLER)
                .contentType(ContentType.JSON)
                .body(Map.of("method", "PHONE"))
                .post("/api/work-items/{cn}/first-contact", cn)
                .then()
                .statusCode(200)
                .body("allowedActions", equalTo(List.of("reply", "return", "extension")))
                .body("outstandingCoUnits", equalTo(List.of("ZWFW")));
        // 协办: the lead replies only after the co-unit's part
        given().auth()
                .oauth2(HANDLER)
                .contentType(ContentType.JSON)
                .body(Map.of("resultCode", "RESOLVED", "text", "已办结"))
                .post("/api/work-items/{cn}/reply", cn)
                .then()
                .statusCode(409)
                .body("detail", containsString("co-units yet to submit their part: ZWFW"));
        String coUnit = TestTokens.handler("handler-zwfw", "ZWFW");
        given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "不是本案协办单位"))
                .post("/api/work-items/{cn}/co-unit-part", cn)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(coUnit)
                .contentType(ContentType.JSON)
                .body(Map.of("text", " "))
                .post("/api/work-items/{cn}/co-unit-part", cn)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(coUnit)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "窗口已当场指导申请人补正。"))
                .post("/api/work-items/{cn}/co-unit-part", cn)
                .then()
                .statusCode(200)
                .body("outstandingCoUnits", equalTo(List.of()))
                .body("coUnitParts[0].unit", equalTo("ZWFW"))
                .body("coUnitParts[0].submittedBy", equalTo("handler-zwfw"));
        EventSchemas.assertValid(org.openysb.testsupport.Topics.await(
                        Topics.SUPERVISION,
                        cn,
                        v -> v.contains("org.openysb.CoHandlingPartSubmitted"),
                        1,
                        Duration.ofSeconds(20))
                .get(0)
                .value());
        given().auth()
                .oauth2(HANDLER)
                .contentType(ContentType.JSON)
                .body(Map.of("resultCode", "RESOLVED", "text", "已联系申请人补正经营范围表述，营业执照已于当日核发。"))
                .post("/api/work-items/{cn}/reply", cn)
                .then()
                .statusCode(200)
                .body("status", equalTo("REPLIED"))
                .body("replyResult", equalTo("RESOLVED"))
                .body("followUpDeadline", containsString("T23:59:59.999+08:00"));

        given().auth()
                .oauth2(coUnit)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "补充意见"))
                .post("/api/work-items/{cn}/co-unit-part", cn)
                .then()
                .statusCode(409);

        for (String type : List.of("CaseSigned", "FirstContactMade", "CaseReplied")) {
            List<ConsumerRecord<String, String>> records = org.openysb.testsupport.Topics.await(
                    Topics.SUPERVISION, cn, v -> v.contains("org.openysb." + type), 1, Duration.ofSeconds(20));
            assertEquals(1, records.size(), type);
            EventSchemas.assertValid(records.get(0).value());
        }
        CaseReplied replied = EventJson.read(org.openysb.testsupport.Topics.await(
                                Topics.SUPERVISION,
                                cn,
                                v -> v.contains(EventType.CASE_REPLIED.ceType()),
                                1,
                                Duration.ofSeconds(5))
                        .get(0)
                        .value())
                .dataAs(CaseReplied.class);
        assertTrue(replied.onTime());
        assertEquals("handler-scjg", replied.actor());
    }

    @Test
    void shouldRefuseAnIllegalTransitionWithA409ThatSaysWhatIsAllowed() {
        String cn = "TS202611218002";
        routed(cn);
        given().auth()
                .oauth2(HANDLER)
                .contentType(ContentType.JSON)
                .body(Map.of("resultCode", "RESOLVED", "text", "已办理"))
                .post("/api/work-items/{cn}/reply", cn)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:illegal-transition"))
                .body("detail", containsString("allowed: sign, return"));
        given().auth()
                .oauth2(HANDLER)
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(HANDLER)
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(409)
                .body("detail", containsString("allowed: first-contact, return, extension"));
    }

    @Test
    void shouldNotLetAnotherUnitOrANonHandlerAct() {
        String cn = "TS202611218003";
        routed(cn);
        given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("supervisor1", "supervisor"))
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(403);
        given().post("/api/work-items/{cn}/sign", cn).then().statusCode(401);
        given().auth()
                .oauth2(HANDLER)
                .contentType(ContentType.JSON)
                .body(Map.of("method", "CARRIER_PIGEON"))
                .post("/api/work-items/{cn}/first-contact", cn)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("method"));
    }

    @Test
    void shouldKeepAnIntactHashChainedTrailThatShowsTampering() throws Exception {
        String cn = "TS202611218004";
        routed(cn);
        given().auth()
                .oauth2(HANDLER)
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(200);
        String inspector = TestTokens.token("inspector1", "inspector");
        given().auth()
                .oauth2(inspector)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("steps", hasSize(2))
                .body("steps.action", hasItems("open", "sign"))
                .body("steps[1].actor", equalTo("handler-scjg"));

        // the database refuses to change the trail ...
        boolean refused = false;
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("update trail_entry set actor = 'someone-else' where case_number = ?1")
                    .setParameter(1, cn)
                    .executeUpdate());
        } catch (RuntimeException e) {
            refused = true;
        }
        assertTrue(refused, "trail_entry is append-only");
        // ... and if someone with the owner's power to lift that changes it anyway, the chain shows where
        try (java.sql.Connection owner = DatabaseAccess.asMigrationRole();
                java.sql.Statement ddl = owner.createStatement()) {
            ddl.execute("alter table trail_entry disable trigger trail_entry_no_update");
            ddl.execute("update trail_entry set actor = 'someone-else' where case_number = '" + cn + "' and seq = 2");
            ddl.execute("alter table trail_entry enable trigger trail_entry_no_update");
        }
        given().auth()
                .oauth2(inspector)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAt", equalTo("seq 2"));
        given().auth()
                .oauth2(inspector)
                .get("/api/cases/{cn}/trail/verify", cn)
                .then()
                .statusCode(200)
                .body("intact", equalTo(false));
        given().auth().oauth2(HANDLER).get("/api/cases/{cn}/trail", cn).then().statusCode(403);
    }
}
