package org.openysb.localstack.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Zero loss and zero duplicates over every complaint the run got a 201 for: exactly one ComplaintSubmitted, exactly
 * one CaseRouted or ManualDispatchQueued, exactly one WorkItemOpened where routed, exactly one receipt SMS at the
 * gateway, and exactly one receipt email for those who left an email. "Exactly one" counts distinct event ids (a relay
 * may hand the same event to Kafka twice after a crash; consumers drop it by id); raw redeliveries are printed apart.
 */
final class ZeroLoss {
    private final PipelineEvents events;
    private final Receipts receipts;

    ZeroLoss(PipelineEvents events, Receipts receipts) {
        this.events = events;
        this.receipts = receipts;
    }

    void check(List<PipelineBenchmark.Sent> sent) throws IOException {
        int[] missing = new int[5];
        int[] twice = new int[5];
        Map<String, Integer> emails = receipts.emailReceipts();
        int routed = 0;
        int manual = 0;
        int withEmail = 0;
        for (PipelineBenchmark.Sent s : sent) {
            PipelineEvents.CaseEvents c = events.of(s.caseNumber());
            int submitted = 0;
            int dispatched = 0;
            int opened = 0;
            boolean isRouted = false;
            if (c != null) {
                synchronized (c) {
                    submitted = c.submittedIds.size();
                    dispatched = c.routedIds.size() + c.manualIds.size();
                    opened = c.openedIds.size();
                    isRouted = !c.routedIds.isEmpty();
                }
            }
            if (isRouted) {
                routed++;
            } else if (dispatched > 0) {
                manual++;
            }
            count(0, submitted, missing, twice);
            count(1, dispatched, missing, twice);
            if (isRouted) {
                count(2, opened, missing, twice);
            } else if (opened > 0) {
                twice[2]++; // a work item without a routing
            }
            count(3, receipts.sms(s.caseNumber()).size(), missing, twice);
            if (s.email()) {
                withEmail++;
                count(4, emails.getOrDefault(s.caseNumber(), 0), missing, twice);
            }
        }
        boolean ok = java.util.Arrays.stream(missing).sum()
                        + java.util.Arrays.stream(twice).sum()
                == 0;
        System.out.printf(
                "BENCH zero loss %s: %d accepted (201): %d routed, %d to manual dispatch; missing / more than one:"
                        + " ComplaintSubmitted %d / %d, CaseRouted or ManualDispatchQueued %d / %d, WorkItemOpened"
                        + " (routed) %d / %d, receipt SMS %d / %d, receipt email (%d with email) %d / %d; raw"
                        + " redeliveries %d; SMS requests %d (%d refused); dead-letter topics %s%n",
                ok ? "OK" : "FAILED",
                sent.size(),
                routed,
                manual,
                missing[0],
                twice[0],
                missing[1],
                twice[1],
                missing[2],
                twice[2],
                missing[3],
                twice[3],
                withEmail,
                missing[4],
                twice[4],
                events.rawRedeliveries(),
                receipts.smsLines(),
                receipts.smsRefused(),
                events.deadLetters().isEmpty() ? "empty" : events.deadLetters());
    }

    private static void count(int check, int n, int[] missing, int[] twice) {
        if (n == 0) {
            missing[check]++;
        } else if (n > 1) {
            twice[check]++;
        }
    }
}
