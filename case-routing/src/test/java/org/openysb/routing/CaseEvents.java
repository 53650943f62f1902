package org.openysb.routing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseSigned;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.ReturnRequested;
import org.openysb.contracts.events.UnitRef;
import org.openysb.testsupport.EventSchemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events other services put on their topics, and what this service puts on ysb.routing. */
public final class CaseEvents {
    private static final AtomicInteger SEQ = new AtomicInteger(5000);

    private CaseEvents() {}

    public static String newCaseNumber() {
        return "TS20261122" + String.format("%04d", SEQ.incrementAndGet());
    }

    public static void submit(String caseNumber, String text, String district, String hint) {
        submit(caseNumber, text, district, hint, false);
    }

    public static void submit(String caseNumber, String text, String district, String hint, boolean urgent) {
        ComplaintSubmitted data = new ComplaintSubmitted(
                caseNumber,
                "HOTLINE",
                "COMPLAINT",
                urgent,
                "投诉",
                text,
                district,
                hint,
                null,
                false,
                false,
                OffsetDateTime.now(),
                new ComplainantRef("PERSON", "complaint:" + caseNumber, "李四", "139****0000", true),
                null);
        publish(EventType.COMPLAINT_SUBMITTED, "/complaint-intake", caseNumber, data);
    }

    public static void requestReturn(String caseNumber, String unit, String basis) {
        publish(
                EventType.RETURN_REQUESTED,
                "/supervision-service",
                caseNumber,
                new ReturnRequested(
                        caseNumber,
                        new UnitRef(unit, unit),
                        "不属于本单位职责",
                        basis,
                        "handler-" + unit.toLowerCase(),
                        OffsetDateTime.now()));
    }

    /**
     * A ReturnRequested CloudEvent as supervision-service writes it, not checked against its schema (a null reason or
     * basis is left out, as a producer that breaks the contract would). Publish it with {@link #publishRaw}, once or
     * more (a redelivery keeps the event id).
     */
    public static String returnRequested(String caseNumber, String unit, String reason, String basis) {
        ReturnRequested data = new ReturnRequested(
                caseNumber,
                new UnitRef(unit, unit),
                reason,
                basis,
                "handler-" + unit.toLowerCase(),
                OffsetDateTime.now());
        return EventJson.write(CloudEvent.of(
                EventType.RETURN_REQUESTED,
                "/supervision-service",
                caseNumber,
                OffsetDateTime.now(),
                EventJson.toTree(data)));
    }

    /** Puts an already written CloudEvent on the topic of its type, unchecked. */
    public static void publishRaw(String caseNumber, String json) {
        EventType type = EventType.fromCeType(EventJson.read(json).type()).orElseThrow();
        org.openysb.testsupport.Topics.publish(type.topic(), caseNumber, json);
    }

    public static void sign(String caseNumber, String unit) {
        publish(
                EventType.CASE_SIGNED,
                "/supervision-service",
                caseNumber,
                new CaseSigned(
                        caseNumber,
                        new UnitRef(unit, unit),
                        "handler-" + unit.toLowerCase(),
                        OffsetDateTime.now(),
                        true));
    }

    private static void publish(EventType type, String source, String caseNumber, Object data) {
        String json =
                EventJson.write(CloudEvent.of(type, source, caseNumber, OffsetDateTime.now(), EventJson.toTree(data)));
        EventSchemas.assertValid(json);
        org.openysb.testsupport.Topics.publish(type.topic(), caseNumber, json);
    }

    /** Waits for exactly {@code count} events of {@code type} for the case on ysb.routing, validated and read. */
    public static <T> List<T> await(String caseNumber, EventType type, Class<T> data, int count) {
        String marker = "\"" + type.ceType() + "\"";
        List<ConsumerRecord<String, String>> records = org.openysb.testsupport.Topics.await(
                Topics.ROUTING, caseNumber, v -> v.contains(marker), count, Duration.ofSeconds(30));
        assertEquals(count, records.size(), type + " for " + caseNumber);
        return records.stream()
                .map(r -> {
                    EventSchemas.assertValid(r.value());
                    return EventJson.read(r.value()).dataAs(data);
                })
                .toList();
    }

    /** How many events of {@code type} for the case are on ysb.routing after waiting {@code wait}. */
    public static int count(String caseNumber, EventType type, Duration wait) {
        String marker = "\"" + type.ceType() + "\"";
        return org.openysb.testsupport.Topics.await(Topics.ROUTING, caseNumber, v -> v.contains(marker), 1000, wait)
                .size();
    }

    /** The version of the responsibility matrix in force (other tests may have imported new ones). */
    public static int currentMatrixVersion() {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(org.openysb.testsupport.TestTokens.token("dispatcher1", "dispatcher"))
                .get("/api/routing/matrix")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }
}
