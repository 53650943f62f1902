package org.openysb.routing.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Waits until a backlog is routed and published, and reads from the database how fast that went. */
final class Throughput {
    private Throughput() {}

    record Result(long cases, double routedPerSecond, double publishedPerSecond, double routedSeconds) {}

    static Result await(EntityManager em, String prefix, int count, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        long routed = 0;
        while (Instant.now().isBefore(end)) {
            routed = number(em, "select count(*) from routing_case where case_number like '" + prefix + "%'");
            long pending = number(em, "select count(*) from outbox_event where published_at is null");
            if (routed >= count && pending == 0) {
                break;
            }
            Thread.sleep(500);
        }
        if (routed < count) {
            throw new AssertionError("only " + routed + " of " + count + " routed in " + timeout);
        }
        Object[] span = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select min(d.decided_at), max(d.decided_at), max(o.published_at) from routing_decision d"
                                + " join outbox_event o on o.message_key = d.case_number"
                                + " where d.case_number like '" + prefix + "%'")
                .getSingleResult());
        // the first batch's decision time is taken when it starts; the consumer starts with the backlog waiting
        double routedSeconds = seconds(span[0], span[1]);
        double publishedSeconds = seconds(span[0], span[2]);
        return new Result(routed, count / routedSeconds, count / publishedSeconds, routedSeconds);
    }

    private static double seconds(Object from, Object to) {
        return Duration.between(instant(from), instant(to)).toNanos() / 1e9;
    }

    private static Instant instant(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected " + o.getClass());
    }

    static long number(EntityManager em, String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
