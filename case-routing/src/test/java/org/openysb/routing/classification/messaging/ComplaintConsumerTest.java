package org.openysb.routing.classification.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.testsupport.EventSchemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ComplaintConsumerTest {
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    static String caseNumber() {
        return "TS20261121" + String.format("%04d", SEQ.incrementAndGet());
    }

    static String submitted(String caseNumber, String text, String district, String hint, String accused) {
        ComplaintSubmitted data = new ComplaintSubmitted(
                caseNumber,
                "WEB",
                "COMPLAINT",
                false,
                "投诉",
                text,
                district,
                hint,
                accused,
                false,
                false,
                OffsetDateTime.now(),
                new ComplainantRef("PERSON", "complaint:" + caseNumber, "张三", "138****1234", true),
                null);
        return EventJson.write(CloudEvent.of(
                EventType.COMPLAINT_SUBMITTED,
                "/complaint-intake",
                caseNumber,
                OffsetDateTime.now(),
                EventJson.toTree(data)));
    }

    static CaseRouted awaitRouted(String caseNumber) {
        List<ConsumerRecord<String, String>> records = org.openysb.testsupport.Topics.await(
                Topics.ROUTING, caseNumber, v -> v.contains("CaseRouted"), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "CaseRouted for " + caseNumber);
        EventSchemas.assertValid(records.get(0).value());
        return EventJson.read(records.get(0).value()).dataAs(CaseRouted.class);
    }

    @Test
    void shouldRouteToTheLeadUnitTheMatrixNamesAndExplainWhy() {
        String caseNumber = caseNumber();
        org.openysb.testsupport.Topics.publish(
                Topics.COMPLAINTS, caseNumber, submitted(caseNumber, "申请营业执照办理企业开办，材料齐全却迟迟不给登记。", "D01", null, null));
        CaseRouted routed = awaitRouted(caseNumber);
        assertEquals("MARKET_ENTRY", routed.category());
        assertEquals("SCJG", routed.lead().code());
        assertEquals("市市场监管局", routed.lead().name());
        assertEquals(org.openysb.routing.CaseEvents.currentMatrixVersion(), routed.matrixVersion());
        assertEquals(1, routed.dispatchCount());
        assertFalse(routed.basis().isBlank());
        assertFalse(routed.explanation().isBlank());
    }

    @Test
    void shouldPreferTheDistrictRowOverTheCityRow() {
        String caseNumber = caseNumber();
        org.openysb.testsupport.Topics.publish(
                Topics.COMPLAINTS, caseNumber, submitted(caseNumber, "区里的道路工程款拖欠我公司两年未付。", "D01", "ARREARS", null));
        assertEquals("D01", awaitRouted(caseNumber).lead().code());
    }

    @Test
    void shouldSendAComplaintAboutAUnitToTheDisciplineCommissionNeverToThatUnit() {
        String caseNumber = caseNumber();
        org.openysb.testsupport.Topics.publish(
                Topics.COMPLAINTS, caseNumber, submitted(caseNumber, "市场监管局执法人员检查时索要好处费。", "D02", null, "SCJG"));
        CaseRouted routed = awaitRouted(caseNumber);
        assertEquals("JW", routed.lead().code());
        assertFalse(routed.coHandlers().stream().anyMatch(u -> u.code().equals("SCJG")));
    }

    @Test
    void shouldQueueForManualDispatchRatherThanGuessWhenTheTextSaysNothing() {
        String caseNumber = caseNumber();
        org.openysb.testsupport.Topics.publish(
                Topics.COMPLAINTS, caseNumber, submitted(caseNumber, "你好，请回电。", "D02", null, null));
        List<ConsumerRecord<String, String>> queued = org.openysb.testsupport.Topics.await(
                Topics.ROUTING, caseNumber, v -> v.contains("ManualDispatchQueued"), 1, Duration.ofSeconds(30));
        assertEquals(1, queued.size(), "ManualDispatchQueued for " + caseNumber);
        EventSchemas.assertValid(queued.get(0).value());
        assertEquals(
                0,
                org.openysb.testsupport.Topics.await(
                                Topics.ROUTING, caseNumber, v -> v.contains("CaseRouted"), 1, Duration.ofSeconds(2))
                        .size(),
                "no guess is dispatched");
    }

    @Test
    void shouldRouteACaseOnceWhenTheComplaintEventIsDeliveredTwice() {
        String caseNumber = caseNumber();
        String event = submitted(caseNumber, "多缴的企业所得税申请退税三个月还没退回。", "D03", "TAX_RELIEF", null);
        org.openysb.testsupport.Topics.publish(Topics.COMPLAINTS, caseNumber, event);
        org.openysb.testsupport.Topics.publish(Topics.COMPLAINTS, caseNumber, event);
        awaitRouted(caseNumber);
        List<ConsumerRecord<String, String>> all = org.openysb.testsupport.Topics.await(
                Topics.ROUTING, caseNumber, v -> v.contains("CaseRouted"), 2, Duration.ofSeconds(4));
        assertEquals(1, all.size(), "routed once");
    }

    @Test
    void shouldSendABrokenRecordToTheDeadLetterTopicAndStillRouteTheOthers() {
        String broken = "broken-" + caseNumber();
        String good = caseNumber();
        org.openysb.testsupport.Topics.publish(Topics.COMPLAINTS, broken, "{\"not\": cloud event");
        org.openysb.testsupport.Topics.publish(
                Topics.COMPLAINTS, good, submitted(good, "多缴的企业所得税申请退税三个月还没退回。", "D03", "TAX_RELIEF", null));
        assertEquals("TAX", awaitRouted(good).lead().code());
        assertEquals(
                1,
                org.openysb.testsupport.Topics.await(
                                "ysb.dlq.case-routing", broken, v -> true, 1, Duration.ofSeconds(30))
                        .size(),
                "the broken record is on the dead-letter topic");
    }

    @Test
    void shouldRouteAComplaintWhoseTitleAndTextTogetherExceedTheStoredLength() {
        String caseNumber = caseNumber();
        String text = "申请营业执照办理企业开办，材料齐全却迟迟不给登记。".repeat(200).substring(0, 4999);
        org.openysb.testsupport.Topics.publish(
                Topics.COMPLAINTS, caseNumber, submitted(caseNumber, text, "D01", null, null));
        assertEquals("SCJG", awaitRouted(caseNumber).lead().code());
    }
}
