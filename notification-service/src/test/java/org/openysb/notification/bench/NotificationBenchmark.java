package org.openysb.notification.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.UnitRef;
import org.openysb.notification.Fixtures;
import org.openysb.notification.delivery.channel.SmsSignature;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.Infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark of issue 6, run by {@code notification-service/bench/run-benchmark.sh} (tag "benchmark", excluded from the
 * normal build). A backlog of events (half ComplaintSubmitted of complainants with a mobile and an email, half
 * WorkItemOpened for units with a handler) is put on the topics; the service consumes them, renders and records
 * every message, and its dispatcher hands SMS and emails to the local sinks of the tests (GreenMail, the signed SMS
 * gateway stub, complaint-intake's contact stub). It prints numbers and asserts only that every message was handed
 * over exactly once, never a time.
 */
@QuarkusTest
@Tag("benchmark")
class NotificationBenchmark {
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int BASELINE = Integer.getInteger("bench.baseline", 10_000);
    private static final long TIMEOUT_S = Long.getLong("bench.timeout-seconds", 1_200);
    private static final List<UnitRef> UNITS = List.of(
            new UnitRef("SCJG", "市市场监管局"),
            new UnitRef("TAX", "市税务局"),
            new UnitRef("RSJ", "市人社局"),
            new UnitRef("D01", "东城区人民政府"));

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "notification.delivery.parallelism")
    int parallelism;

    @ConfigProperty(name = "notification.delivery.batch-size")
    int batchSize;

    private static void print(String line) {
        System.out.println("BENCH " + line);
    }

    @Test
    void backlogOfEvents() throws Exception {
        int threads = Math.max(1, parallelism);
        double smtpBaseline = rawSmtp(BASELINE, threads);
        double smsBaseline = rawSms(BASELINE, threads);
        warmUp();
        LocalSinks.mail().purgeEmailFromAllMailboxes();
        LocalSinks.sms().clear();
        long smsBefore = LocalSinks.sms().acceptedCount();
        long mailBefore =
                LocalSinks.mailDiscarded() ? LocalSinks.discardingMail().received() : 0;

        int complaints = EVENTS / 2;
        int workItems = EVENTS - complaints;
        for (int i = 0; i < complaints; i++) {
            String cn = caseNumber(i);
            LocalSinks.intake().put(cn, "诉求人" + i, mobile(i), "bench" + (i % 1000) + "@example.com");
        }
        long lookupsBefore = LocalSinks.intake().lookupCount();
        long t0 = System.nanoTime();
        publish(complaints, workItems);
        double published = seconds(t0);
        print(String.format(
                "backlog: %,d events (%,d ComplaintSubmitted with mobile + email, %,d WorkItemOpened for 4 units with"
                        + " one handler each) published in %.1f s",
                EVENTS, complaints, workItems, published));

        long expectedHanded = 2L * complaints + workItems; // SMS + email per complaint, email per work item
        long expectedRecorded = expectedHanded + workItems; // + the unit's inbox message
        long handed = 0;
        long recorded = 0;
        long consumed = 0;
        double consumedAt = -1;
        double recordedAt = -1;
        long lastProgress = System.nanoTime();
        long lastHanded = -1;
        long peakRss = rssKib();
        while (handed < expectedHanded && seconds(t0) < TIMEOUT_S) {
            Thread.sleep(1000);
            Map<String, Long> counts = counts();
            handed = counts.getOrDefault("SMS/DELIVERED", 0L) + counts.getOrDefault("EMAIL/DELIVERED", 0L);
            recorded = counts.values().stream().mapToLong(Long::longValue).sum();
            consumed = consumedEvents();
            if (consumedAt < 0 && consumed >= EVENTS) {
                consumedAt = seconds(t0);
            }
            if (recordedAt < 0 && recorded >= expectedRecorded) {
                recordedAt = seconds(t0);
            }
            peakRss = Math.max(peakRss, rssKib());
            if (handed != lastHanded) {
                lastHanded = handed;
                lastProgress = System.nanoTime();
            } else if (seconds(lastProgress) > 120) {
                break; // stuck: report what there is
            }
            if (!LocalSinks.mailDiscarded() && LocalSinks.mail().getReceivedMessages().length > 20_000) {
                LocalSinks.mail().purgeEmailFromAllMailboxes(); // GreenMail keeps every message in memory
            }
        }
        double total = seconds(t0);
        Map<String, Long> counts = counts();
        long sms = counts.getOrDefault("SMS/DELIVERED", 0L);
        long email = counts.getOrDefault("EMAIL/DELIVERED", 0L);
        double rate = (sms + email) / total;
        print(String.format(
                "consumed %,d events in %.1f s (%,.0f events/s); recorded (rendered) %,d messages in %.1f s (%,.0f/s)",
                consumed, consumedAt, consumed / consumedAt, recorded, recordedAt, recorded / recordedAt));
        print("SMTP server the service sends to: " + sinkName());
        print(String.format(
                "handed to SMTP/SMS: %,d (%,d SMS + %,d emails) of %,d in %.1f s from the first event published ="
                        + " %,.0f messages/s (target >= 2,000); dispatcher batch %d, parallelism %d; %,d contact lookups",
                sms + email,
                sms,
                email,
                expectedHanded,
                total,
                rate,
                batchSize,
                parallelism,
                LocalSinks.intake().lookupCount() - lookupsBefore));
        print(String.format(
                "baseline in the same run, %d thread(s): raw SMTP to %s (Jakarta Mail, one connection per"
                        + " thread) %,.0f messages/s; raw signed HTTP POST to the SMS stub (JDK HttpClient) %,.0f"
                        + " messages/s; service/baseline = %.2f (vs SMTP), %.2f (vs SMS)",
                threads, sinkName(), smtpBaseline, smsBaseline, rate / smtpBaseline, rate / smsBaseline));
        Runtime rt = Runtime.getRuntime();
        print(String.format(
                "memory: VmRSS of the test JVM (/proc/self/status; it hosts the service, the Kafka broker, GreenMail"
                        + " and the stubs; PostgreSQL is a separate process) now %,d MiB, peak sampled %,d MiB;"
                        + " heap used %,d MiB of %,d MiB max",
                rssKib() / 1024, peakRss / 1024, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20));
        print("status counts " + counts);
        assertEquals(expectedHanded, sms + email, "every SMS and email handed over exactly once");
        assertEquals(complaints, LocalSinks.sms().acceptedCount() - smsBefore, "the SMS provider accepted each once");
        if (LocalSinks.mailDiscarded()) {
            assertEquals(
                    (long) complaints + workItems,
                    LocalSinks.discardingMail().received() - mailBefore,
                    "the SMTP sink received each email once (one recipient each)");
        }
    }

    /** Case numbers of the measured backlog start with BM, those of the warm-up with WM. */
    private static String prefix = "BM";

    /**
     * A smaller backlog first (bench.warmup events, default 20,000), handed over completely before the measured one: the
     * JIT compiler otherwise takes a fifth of the CPU during the measurement, which a service that runs for days does
     * not pay.
     */
    private void warmUp() throws Exception {
        int events = Integer.getInteger("bench.warmup", 20_000);
        if (events <= 0) {
            return;
        }
        prefix = "WM";
        try {
            int complaints = events / 2;
            for (int i = 0; i < complaints; i++) {
                LocalSinks.intake().put(caseNumber(i), "诉求人" + i, mobile(i), "warm" + (i % 1000) + "@example.com");
            }
            long t0 = System.nanoTime();
            publish(complaints, events - complaints);
            long expected = 2L * complaints + (events - complaints);
            long handed = 0;
            while (handed < expected && seconds(t0) < TIMEOUT_S) {
                Thread.sleep(1000);
                Map<String, Long> counts = counts();
                handed = counts.getOrDefault("SMS/DELIVERED", 0L) + counts.getOrDefault("EMAIL/DELIVERED", 0L);
            }
            print(String.format(
                    "warm-up: %,d events, %,d messages handed over in %.1f s (not measured)",
                    events, handed, seconds(t0)));
        } finally {
            prefix = "BM";
        }
    }

    private static String caseNumber(int i) {
        return String.format(prefix + "%012d", i);
    }

    private static String mobile(int i) {
        return String.format("139%08d", i);
    }

    private void publish(int complaints, int workItems) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            int n = complaints + workItems;
            for (int i = 0; i < n; i++) {
                CloudEvent event;
                if (i % 2 == 0 && i / 2 < complaints) {
                    int k = i / 2;
                    String cn = caseNumber(k);
                    event = CloudEvent.of(
                            EventType.COMPLAINT_SUBMITTED,
                            "/bench",
                            cn,
                            OffsetDateTime.now(),
                            EventJson.toTree(Fixtures.complaint(cn, Fixtures.person(cn, mobile(k)), false)));
                } else {
                    String cn = caseNumber(1_000_000 + i);
                    event = CloudEvent.of(
                            EventType.WORK_ITEM_OPENED,
                            "/bench",
                            cn,
                            OffsetDateTime.now(),
                            EventJson.toTree(Fixtures.opened(cn, UNITS.get(i % UNITS.size()))));
                }
                EventType type = EventType.fromCeType(event.type()).orElseThrow();
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(type.topic(), event.subject(), EventJson.write(event));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select channel || '/' || status, count(*) from notification"
                        + " where case_number like '" + prefix + "%' group by 1 order by 1")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }

    private long consumedEvents() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select count(*) from consumed_event where consumer = 'notification' and subject like '"
                                + prefix + "%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Baseline: plain Jakarta Mail sending to the same GreenMail, one connection per thread. */
    private static double rawSmtp(int messages, int threads) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(LocalSinks.smtpPort()));
        Session session = Session.getInstance(props);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    long i;
                    while ((i = next.getAndIncrement()) < messages) {
                        MimeMessage m = new MimeMessage(session);
                        m.setFrom(new InternetAddress("noreply@openysb.example.org"));
                        InternetAddress to = new InternetAddress("baseline" + (i % 1000) + "@example.com");
                        m.setRecipient(Message.RecipientType.TO, to);
                        m.setSubject("您的诉求已受理 BASE" + i, "UTF-8");
                        m.setText("您好：\n\n您提交的诉求已受理，案件编号 BASE" + i + "。\n\n营商环境投诉服务", "UTF-8");
                        transport.sendMessage(m, new InternetAddress[] {to});
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double s = seconds(t0);
        pool.shutdown();
        return messages / s;
    }

    /** Baseline: signed form POSTs straight to the SMS stub, as the adapter makes them. */
    private static double rawSms(int messages, int threads) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI endpoint = URI.create(LocalSinks.sms().endpoint());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                long i;
                while ((i = next.getAndIncrement()) < messages) {
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("Action", "SendSms");
                    params.put("AccessKeyId", LocalSinks.SMS_KEY_ID);
                    params.put("PhoneNumbers", String.format("137%08d", i));
                    params.put("SignName", "营商环境投诉");
                    params.put("Content", "【营商环境投诉】您的诉求已受理，案件编号BASE" + i + "。");
                    params.put("SignatureMethod", "HMAC-SHA256");
                    params.put("SignatureVersion", "1.0");
                    params.put("SignatureNonce", UUID.randomUUID().toString());
                    params.put(
                            "Timestamp",
                            DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
                    params.put("Signature", SmsSignature.sign("POST", params, LocalSinks.SMS_KEY_SECRET));
                    StringBuilder form = new StringBuilder();
                    params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                            .append(SmsSignature.encode(k))
                            .append('=')
                            .append(SmsSignature.encode(v)));
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(endpoint)
                                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                                    .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("SMS stub answered " + r.statusCode() + " " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double s = seconds(t0);
        pool.shutdown();
        return messages / s;
    }

    private static String sinkName() {
        return LocalSinks.mailDiscarded() ? "the local stack's counting SMTP sink" : "GreenMail";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** VmRSS of this JVM from /proc/self/status, in KiB. */
    private static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return 0;
    }
}
