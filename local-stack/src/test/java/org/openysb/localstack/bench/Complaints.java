package org.openysb.localstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Web complaints (the body of {@code POST /api/complaints}) as the portal files them: the text and district of one of
 * the project's labelled complaints ({@code reference-data/*.jsonl}: sample, training, evaluation and the misconduct
 * sets), with one or two sentences of another complaint of the same category added, so that texts vary as real ones do
 * and route as real ones do; a type drawn as a city's mix; a named person with a mobile of their own (unique in the run)
 * and, for a third of them, an email. A complaint that gives a mobile carries the mobile verification token the portal
 * gets from notification-service after the SMS code: here made with the secret the stack's services share
 * ({@code MOBILE_VERIFICATION_SECRET}, by default the documented local-development secret), as notification-service
 * would — the benchmark cannot read thousands of SMS codes a second, and the check is the same HMAC either way.
 */
final class Complaints {
    /** notification-service's and complaint-intake's default, documented in both READMEs (local development only). */
    static final String LOCAL_MOBILE_SECRET = "local-dev-mobile-verification-secret";

    private static final String[] TYPES = {
        "COMPLAINT",
        "COMPLAINT",
        "COMPLAINT",
        "COMPLAINT",
        "COMPLAINT",
        "COMPLAINT",
        "COMPLAINT",
        "HELP",
        "INQUIRY",
        "SUGGESTION",
        "REPORT"
    };
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"};
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明", "超", "秀英"
    };

    record Labelled(String district, String category, String text, List<String> sentences) {}

    private final List<Labelled> labelled;
    private final Map<String, List<Labelled>> byCategory = new HashMap<>();
    private final Mac mac;
    private final long mobileBase;
    private final String runTag;

    Complaints(Path referenceData, long seed) {
        this.labelled = load(referenceData);
        labelled.forEach(l ->
                byCategory.computeIfAbsent(l.category(), c -> new ArrayList<>()).add(l));
        String secret = System.getenv().getOrDefault("MOBILE_VERIFICATION_SECRET", LOCAL_MOBILE_SECRET);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // mobiles 15x xxxx xxxx, unique within the run (a counter from a random start)
        mobileBase = 150_000_000_00L + new SplittableRandom(seed).nextLong(5_000_000_000L);
        runTag = Long.toString(seed % 100_000, 36);
    }

    int texts() {
        return labelled.size();
    }

    /** The mobile of complaint {@code n} of the run. */
    String mobile(long n) {
        return Long.toString(mobileBase + n);
    }

    /** Whether complaint {@code n} leaves an email too (a third do). */
    static boolean hasEmail(long n) {
        return n % 3 == 0;
    }

    String email(long n) {
        return "bench-" + runTag + "-" + n + "@example.com";
    }

    /** The JSON body of complaint {@code n}. */
    String body(long n) {
        SplittableRandom r = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        Labelled base = labelled.get(r.nextInt(labelled.size()));
        List<Labelled> same = byCategory.get(base.category());
        StringBuilder content = new StringBuilder(base.text());
        for (int i = 0, extra = 1 + r.nextInt(2); i < extra; i++) {
            Labelled other = same.get(r.nextInt(same.size()));
            String sentence = other.sentences().get(r.nextInt(other.sentences().size()));
            content.append(i == 0 ? "另外，" : "").append(sentence).append('。');
        }
        String title = base.sentences().get(0);
        title = title.length() > 24 ? title.substring(0, 24) + "…" : title;
        String mobile = mobile(n);
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        StringBuilder b = new StringBuilder(512);
        b.append("{\"type\":\"").append(TYPES[r.nextInt(TYPES.length)]).append("\",\"title\":\"");
        b.append(title).append("\",\"content\":\"").append(content);
        b.append("\",\"district\":\"").append(base.district());
        b.append("\",\"complainant\":{\"kind\":\"PERSON\",\"name\":\"").append(name);
        b.append("\",\"mobile\":\"").append(mobile).append('"');
        if (hasEmail(n)) {
            b.append(",\"email\":\"").append(email(n)).append('"');
        }
        b.append("},\"mobileVerification\":\"").append(token(mobile)).append("\"}");
        return b.toString();
    }

    /** {@code <expiry>.<hex>}: the first 32 hex digits of HMAC-SHA256(secret, "mobile-verified:" + mobile + ":" + expiry). */
    private synchronized String token(String mobile) {
        long expiry = Instant.now().plusSeconds(1800).getEpochSecond();
        byte[] sig = mac.doFinal(("mobile-verified:" + mobile + ":" + expiry).getBytes(StandardCharsets.UTF_8));
        return expiry + "." + HexFormat.of().formatHex(sig).substring(0, 32);
    }

    private static List<Labelled> load(Path dir) {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = json.readTree(line);
                    String text = clean(node.path("text").asText());
                    List<String> sentences = new ArrayList<>();
                    for (String s : text.split("[。！？；]")) {
                        if (s.strip().length() >= 6) {
                            sentences.add(s.strip());
                        }
                    }
                    if (!sentences.isEmpty() && node.hasNonNull("district")) {
                        out.add(new Labelled(
                                node.path("district").asText(),
                                node.path("category").asText("OTHER"),
                                text,
                                List.copyOf(sentences)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no labelled complaints in " + dir);
        }
        return List.copyOf(out);
    }

    /** JSON-safe without escaping: the texts are plain Chinese prose (quotes become Chinese quotes). */
    private static String clean(String s) {
        return s.replace("\\", "")
                .replace("\"", "”")
                .replace('\n', ' ')
                .replace('\r', ' ')
                .replace('\t', ' ');
    }
}
