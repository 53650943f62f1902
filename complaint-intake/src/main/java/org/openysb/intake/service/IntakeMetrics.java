package org.openysb.intake.service;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.Complaint;
import org.openysb.outbox.AfterCommit;

/**
 * What intake accepted, for dashboards and the inspectors' figures: {@code intake.complaints.accepted} and {@code
 * intake.complaints.repeats} (linked to an earlier case as a repeat, 并单), each by channel. Counted once the case is
 * committed, never for one that was rolled back.
 */
@ApplicationScoped
public class IntakeMetrics {
    private final Map<Channel, Counter> accepted = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> repeats = new EnumMap<>(Channel.class);
    private final TransactionSynchronizationRegistry transactions;

    public IntakeMetrics(MeterRegistry meters, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        for (Channel channel : Channel.values()) {
            String tag = channel.name().toLowerCase(java.util.Locale.ROOT);
            accepted.put(
                    channel,
                    Counter.builder("intake.complaints.accepted")
                            .description("Complaints accepted (受理) and committed, by channel")
                            .tag("channel", tag)
                            .register(meters));
            repeats.put(
                    channel,
                    Counter.builder("intake.complaints.repeats")
                            .description("Accepted complaints linked to an earlier case as a repeat (并单), by channel")
                            .tag("channel", tag)
                            .register(meters));
        }
    }

    /** Counts a case that is already committed. */
    void committed(Complaint c) {
        count(c.channel, c.repeatOf != null);
    }

    /** Counts a case stored in the caller's transaction once that transaction commits. */
    void whenCommitted(Complaint c) {
        Channel channel = c.channel;
        boolean repeat = c.repeatOf != null;
        AfterCommit.run(transactions, () -> count(channel, repeat));
    }

    private void count(Channel channel, boolean repeat) {
        accepted.get(channel).increment();
        if (repeat) {
            repeats.get(channel).increment();
        }
    }
}
