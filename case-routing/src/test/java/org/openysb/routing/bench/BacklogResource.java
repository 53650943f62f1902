package org.openysb.routing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.openysb.routing.Backlog;

/**
 * For the benchmark only (system property {@code bench.backlog}; otherwise it does nothing): puts a backlog of
 * ComplaintSubmitted events on a topic of its own before the service starts, and points the service's complaints
 * channel at it, so that the consumer starts with the whole backlog waiting. {@code bench.maxPoll} sets how many
 * records one poll (and one transaction) takes, {@code bench.label} names the run.
 */
public class BacklogResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        String backlog = System.getProperty("bench.backlog");
        if (backlog == null) {
            return Map.of();
        }
        int count = Integer.parseInt(backlog);
        String label = System.getProperty("bench.label", "batched");
        String maxPoll = System.getProperty("bench.maxPoll", "500");
        String topic = "bench.complaints." + label;
        String prefix = "B" + label.toUpperCase().charAt(0) + "2026";
        Backlog.createTopic(topic);
        long t0 = System.nanoTime();
        List<Map.Entry<String, String>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String cn = prefix + String.format("%08d", i + 1);
            records.add(Map.entry(cn, Backlog.event(cn, i)));
        }
        Backlog.publish(topic, records);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "BENCH backlog (%s): %d ComplaintSubmitted published to %s in %.1f s (%.0f/s, acks=all) before the"
                        + " consumer starts%n",
                label, count, topic, s, count / s);
        return Map.of(
                "mp.messaging.incoming.complaints.topic",
                topic,
                "mp.messaging.incoming.complaints.group.id",
                "bench-" + label,
                "mp.messaging.incoming.complaints.max.poll.records",
                maxPoll,
                "bench.topic",
                topic,
                "bench.count",
                String.valueOf(count),
                "bench.prefix",
                prefix,
                "bench.label",
                label + " (max.poll.records=" + maxPoll + ")",
                "quarkus.log.category.\"org.openysb.routing.classification.service.RoutingService\".level",
                "WARN");
    }

    @Override
    public void stop() {}
}
