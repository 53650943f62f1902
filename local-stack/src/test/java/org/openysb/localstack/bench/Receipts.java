package org.openysb.localstack.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The complainants' receipts as the local stack's sinks saw them. SMS: the SMS gateway sink appends one JSON line per
 * request to {@code <data dir>/sinks/sms.log} with the time it took the request ({@code at}), the provider's answer
 * code, the phone and the text; a receipt is an accepted ({@code OK}) text of the template {@code receipt.sms}
 * (您的诉求已受理，案件编号…). Email: the SMTP sink writes each message to {@code sinks/mail/*.eml}; a receipt is one
 * whose subject is the template {@code receipt.subject} (您的诉求已受理 &lt;case number&gt;), read once at the end.
 */
final class Receipts implements AutoCloseable {
    private static final Pattern CASE_NUMBER = Pattern.compile("TS\\d{12,}");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    private final Path smsLog;
    private final Path mailDir;
    private final Map<String, List<Long>> smsReceipts = new ConcurrentHashMap<>();
    private volatile long smsLines;
    private volatile long smsRefused;
    private final Thread tail;
    private volatile boolean running = true;

    Receipts(Path sinksDir) {
        this.smsLog = sinksDir.resolve("sms.log");
        this.mailDir = sinksDir.resolve("mail");
        tail = new Thread(this::tail, "sms-log-tail");
        tail.setDaemon(true);
        tail.start();
    }

    private void tail() {
        ObjectMapper json = new ObjectMapper();
        long position = 0;
        StringBuilder partial = new StringBuilder();
        byte[] buffer = new byte[1 << 16];
        while (running) {
            try {
                if (Files.exists(smsLog)) {
                    try (RandomAccessFile file = new RandomAccessFile(smsLog.toFile(), "r")) {
                        file.seek(position);
                        int n;
                        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                        while ((n = file.read(buffer)) > 0) {
                            bytes.write(buffer, 0, n);
                        }
                        byte[] read = bytes.toByteArray();
                        // only whole lines: a line still being written is read again next time
                        int end = lastNewline(read);
                        if (end >= 0) {
                            partial.append(new String(read, 0, end + 1, StandardCharsets.UTF_8));
                            position += end + 1;
                            for (String line : partial.toString().split("\n")) {
                                if (!line.isBlank()) {
                                    take(json.readTree(line));
                                }
                            }
                            partial.setLength(0);
                        }
                    }
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                System.err.println("BENCH sms log: " + e);
            }
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void take(JsonNode line) {
        smsLines++;
        if (!"OK".equals(line.path("code").asText())) {
            smsRefused++;
            return;
        }
        String content = line.path("content").asText("");
        if (!content.contains("已受理")) {
            return;
        }
        Matcher m = CASE_NUMBER.matcher(content);
        if (m.find()) {
            long at = OffsetDateTime.parse(line.path("at").asText()).toInstant().toEpochMilli();
            smsReceipts
                    .computeIfAbsent(m.group(), k -> new CopyOnWriteArrayList<>())
                    .add(at);
        }
    }

    /** When the SMS gateway took each receipt SMS of the case (empty: none yet). */
    List<Long> sms(String caseNumber) {
        return smsReceipts.getOrDefault(caseNumber, List.of());
    }

    long smsLines() {
        return smsLines;
    }

    long smsRefused() {
        return smsRefused;
    }

    /** Receipt emails per case number, from the SMTP sink's files (read now). */
    Map<String, Integer> emailReceipts() throws IOException {
        Map<String, Integer> out = new ConcurrentHashMap<>();
        if (!Files.isDirectory(mailDir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(mailDir)) {
            files.parallel()
                    .filter(f -> f.getFileName().toString().contains("bench-"))
                    .forEach(f -> {
                        String subject = subject(f);
                        if (subject != null && subject.contains("已受理")) {
                            Matcher m = CASE_NUMBER.matcher(subject);
                            if (m.find()) {
                                out.merge(m.group(), 1, Integer::sum);
                            }
                        }
                    });
        }
        return out;
    }

    /** The decoded Subject header of a message file (RFC 2047 encoded words, folded lines). */
    private static String subject(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            String headers = (headerEnd < 0 ? text : text.substring(0, headerEnd)).replaceAll("\r\n[ \t]+", " ");
            for (String header : headers.split("\r\n")) {
                if (header.regionMatches(true, 0, "Subject:", 0, 8)) {
                    return decode(header.substring(8).strip());
                }
            }
        } catch (IOException gone) {
            // not readable: not counted
        }
        return null;
    }

    private static String decode(String value) {
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String between = value.substring(last, m.start());
            if (!between.isBlank()) {
                out.append(between);
            }
            java.nio.charset.Charset charset = java.nio.charset.Charset.forName(m.group(1));
            if (m.group(2).equalsIgnoreCase("B")) {
                out.append(new String(Base64.getMimeDecoder().decode(m.group(3)), charset));
            } else {
                out.append(quoted(m.group(3), charset));
            }
            last = m.end();
        }
        return out.append(value.substring(last)).toString();
    }

    private static String quoted(String s, java.nio.charset.Charset charset) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < s.length()) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(charset);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        tail.interrupt();
        tail.join(2_000);
    }
}
