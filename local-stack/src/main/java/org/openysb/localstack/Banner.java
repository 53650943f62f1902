package org.openysb.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What the local stack prints once everything is UP: URLs, demo accounts, timings. */
final class Banner {
    private Banner() {}

    static String text(StackConfig c, Duration took, long rssMiB, Map<String, Duration> times, LocalStack stack) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "%n  Open the pages at %s  (公众端 portal; staff sign in there too)%n",
                c.web().url()));
        b.append("\nAll health checks UP after ")
                .append(took.toSeconds())
                .append(" s; resident memory ")
                .append(rssMiB)
                .append(" MiB\n");
        new TreeMap<>(times)
                .forEach((name, d) ->
                        b.append(String.format("  %-22s ready in %5.1f s%n", name, d.toMillis() / 1000.0)));
        b.append("\nServices (Swagger UI at /q/swagger-ui, health at /q/health, metrics at /q/metrics):\n");
        for (StackConfig.Service s : c.services()) {
            b.append(String.format("  %-22s %s%n", s.module(), s.url()));
        }
        b.append(String.format(
                "  %-22s %s  (realm %s; admin console user admin / admin-local-dev)%n",
                "keycloak", c.keycloakUrl(), StackConfig.REALM));
        b.append(String.format(
                "  %-22s 127.0.0.1:%d   %-22s 127.0.0.1:%d%n", "kafka", c.kafkaPort(), "postgresql", c.postgresPort()));
        if (stack.mailSink() != null && stack.smsSink() != null) {
            b.append(String.format(
                    "  %-22s 127.0.0.1:%d   mails written to %s%n",
                    "smtp sink", stack.mailSink().port(), stack.mailSink().dir()));
            b.append(String.format(
                    "  %-22s %s   messages appended to %s%n",
                    "sms gateway sink",
                    stack.smsSink().endpoint(),
                    stack.smsSink().log()));
        }
        b.append("\nDemo accounts (password = user name + \"-pass\", local development only):\n");
        b.append("  citizen1 enterprise1 operator1 clerk1 dispatcher1 coordinator1 supervisor1 inspector1 admin1\n");
        b.append(
                "  handler-<unit> for every unit of departments.csv, e.g. handler-scjg, handler-tax, handler-czj, handler-jw\n");
        b.append("  call-centre client: openysb-call-centre / local-dev-call-centre-secret (client credentials)\n");
        b.append("\nLogs in ").append(c.dataDir().resolve("logs")).append(". Press Ctrl-C to stop.\n");
        return b.toString();
    }
}
