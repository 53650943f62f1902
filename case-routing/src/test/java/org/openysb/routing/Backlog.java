package org.openysb.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.testsupport.Infrastructure;

/** Many ComplaintSubmitted events at once, in the style of real ones (held-out texts and some that say nothing). */
public final class Backlog {
    private static final List<JsonNode> TEXTS = read();
    private static final List<String> VAGUE =
            List.of("你好，请回电。", "此事由来已久，恳请上级过问。", "周末来电无人接听，改日再打。", "麻烦有关部门管一管，我们等了很久没有人回复。");

    private Backlog() {}

    private static List<JsonNode> read() {
        ObjectMapper json = new ObjectMapper();
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("..", "reference-data", "evaluation-complaints.jsonl"))) {
                if (!line.isBlank()) {
                    nodes.add(json.readTree(line));
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The i-th complaint: one in ten says nothing routable, one in five names its category at intake. */
    public static String event(String caseNumber, int i) {
        JsonNode example = TEXTS.get(i % TEXTS.size());
        boolean vague = i % 10 == 9;
        String text = vague ? VAGUE.get(i % VAGUE.size()) : example.path("text").asText();
        String hint = !vague && i % 5 == 0 ? example.path("category").asText() : null;
        ComplaintSubmitted data = new ComplaintSubmitted(
                caseNumber,
                i % 2 == 0 ? "HOTLINE" : "WEB",
                "COMPLAINT",
                i % 17 == 0,
                "投诉",
                text,
                example.path("district").asText("D01"),
                hint,
                null,
                false,
                false,
                OffsetDateTime.now(),
                new ComplainantRef("PERSON", "complaint:" + caseNumber, "王五", "137****0000", true),
                null);
        return EventJson.write(CloudEvent.of(
                EventType.COMPLAINT_SUBMITTED,
                "/complaint-intake",
                caseNumber,
                OffsetDateTime.now(),
                EventJson.toTree(data)));
    }

    /** Creates {@code topic} (3 partitions) if needed. */
    public static void createTopic(String topic) {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes key → value pairs (acks=all, batched) and waits until all are acknowledged. */
    public static void publish(String topic, List<Map.Entry<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (Map.Entry<String, String> r : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, r.getKey(), r.getValue());
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }
}
