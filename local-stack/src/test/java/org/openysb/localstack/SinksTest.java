package org.openysb.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local stack's SMTP and SMS sinks keep what they receive under the data directory. */
class SinksTest {
    @TempDir
    Path data;

    @Test
    void theDiscardingSmtpSinkTakesPipelinedMailAndOnlyCountsIt() throws Exception {
        try (MailSink sink = MailSink.discarding(0);
                Socket socket = new Socket("127.0.0.1", sink.port());
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            assertTrue(in.readLine().startsWith("220 "));
            send(out, "EHLO test");
            List<String> capabilities = new java.util.ArrayList<>();
            String line;
            while ((line = in.readLine()).startsWith("250-")) {
                capabilities.add(line);
            }
            assertTrue(capabilities.contains("250-PIPELINING"), capabilities.toString());
            for (int i = 1; i <= 2; i++) {
                // one write: the envelope and DATA together (RFC 2920), then the message after the 354
                out.write("MAIL FROM:<noreply@openysb.example.org>\r\nRCPT TO:<wang" + i + "@example.com>\r\nDATA\r\n");
                out.flush();
                assertTrue(in.readLine().startsWith("250"));
                assertTrue(in.readLine().startsWith("250"));
                assertTrue(in.readLine().startsWith("354"));
                out.write("Subject: test " + i + "\r\n\r\n第" + i + "封\r\n..dot\r\n.\r\n");
                out.flush();
                assertTrue(in.readLine().startsWith("250"));
            }
            send(out, "QUIT");
            assertTrue(in.readLine().startsWith("221"));
            assertEquals(2, sink.received());
            assertEquals(null, sink.dir(), "nothing written");
            String last = new String(sink.lastMessage(), StandardCharsets.UTF_8);
            assertTrue(last.contains("第2封\r\n.dot\r\n"), last);
        }
    }

    @Test
    void theSmtpSinkWritesEveryMailAsAnEmlFile() throws Exception {
        try (MailSink sink = new MailSink(0, data.resolve("sinks/mail"));
                Socket socket = new Socket("127.0.0.1", sink.port());
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            assertTrue(in.readLine().startsWith("220 "));
            send(out, "EHLO test");
            String line;
            while ((line = in.readLine()).startsWith("250-")) {
                // capabilities
            }
            assertTrue(line.startsWith("250 "));
            send(out, "MAIL FROM:<noreply@openysb.example.org>");
            assertTrue(in.readLine().startsWith("250"));
            send(out, "RCPT TO:<zhangsan@example.com>");
            assertTrue(in.readLine().startsWith("250"));
            send(out, "RCPT TO:<lisi@example.com>");
            assertTrue(in.readLine().startsWith("250"));
            send(out, "DATA");
            assertTrue(in.readLine().startsWith("354"));
            send(out, "Subject: =?UTF-8?B?5oKo55qE6K+J5rGC5bey5Y+X55CG?=");
            send(out, "Content-Type: text/plain; charset=UTF-8");
            send(out, "");
            send(out, "您提交的诉求已受理，案件编号 TS202611220001。");
            send(out, "..a line that began with a dot");
            send(out, ".");
            assertTrue(in.readLine().startsWith("250"));
            send(out, "QUIT");
            assertTrue(in.readLine().startsWith("221"));

            List<Path> files;
            try (Stream<Path> s = Files.list(sink.dir())) {
                files = s.sorted().toList();
            }
            assertEquals(2, files.size());
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith("-zhangsan@example.com.eml")));
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith("-lisi@example.com.eml")));
            String eml = Files.readString(files.get(0), StandardCharsets.UTF_8);
            assertTrue(eml.contains("您提交的诉求已受理，案件编号 TS202611220001。\r\n"));
            assertTrue(eml.contains("\r\n.a line that began with a dot\r\n"));
            assertEquals(2, sink.received());
        }
    }

    private static void send(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Test
    void theSmsSinkAcceptsOnlyCorrectlySignedRequestsAndLogsThem() throws Exception {
        Path log = data.resolve("sinks/sms.log");
        try (SmsSink sink = new SmsSink(0, log, SmsSink.LOCAL_KEY_ID, SmsSink.LOCAL_KEY_SECRET)) {
            HttpClient http = HttpClient.newHttpClient();
            String text = "【营商环境投诉】您的诉求已受理，案件编号TS202611220001。";
            HttpResponse<String> ok = post(http, sink, signed("13812341234", text, SmsSink.LOCAL_KEY_SECRET));
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("\"Code\":\"OK\""));

            Map<String, String> forged = signed("13812341234", "伪造", "wrong-secret");
            HttpResponse<String> bad = post(http, sink, forged);
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("SignatureDoesNotMatch"));
            // the same signed request again: the nonce was used
            Map<String, String> once = signed("13812341234", text, SmsSink.LOCAL_KEY_SECRET);
            assertEquals(200, post(http, sink, once).statusCode());
            assertTrue(post(http, sink, once).body().contains("SignatureNonceUsed"));

            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertEquals(4, lines.size());
            assertTrue(lines.get(0).contains("\"code\":\"OK\""));
            assertTrue(lines.get(0).contains("\"phone\":\"13812341234\""));
            assertTrue(lines.get(0).contains("\"content\":\"" + text + "\""));
            assertTrue(lines.get(1).contains("\"code\":\"SignatureDoesNotMatch\""));
            assertEquals(2, sink.accepted());
            assertEquals(2, sink.refused());
        }
    }

    @Test
    void theSmsSinkAlsoAcceptsTheTencentStyleProtocol() throws Exception {
        Path log = data.resolve("sinks/sms.log");
        try (SmsSink sink = new SmsSink(0, log, SmsSink.LOCAL_KEY_ID, SmsSink.LOCAL_KEY_SECRET)) {
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"PhoneNumberSet\":[\"+8613812341234\"],\"SmsSdkAppId\":\"1400000000\","
                    + "\"SignName\":\"营商环境投诉\",\"TemplateId\":\"100000\","
                    + "\"TemplateParamSet\":[\"您的诉求已受理，案件编号TS202611220002。\"]}";
            HttpResponse<String> ok = postTc3(http, sink, body, SmsSink.LOCAL_KEY_SECRET);
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("\"Code\":\"Ok\""), ok.body());
            HttpResponse<String> bad = postTc3(http, sink, body, "wrong-secret");
            assertTrue(bad.body().contains("AuthFailure.SignatureFailure"), bad.body());

            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertEquals(2, lines.size());
            assertTrue(lines.get(0).contains("\"code\":\"OK\""));
            assertTrue(lines.get(0).contains("\"provider\":\"tencent\""));
            assertTrue(lines.get(0).contains("\"phone\":\"13812341234\""));
            assertTrue(lines.get(0).contains("\"content\":\"【营商环境投诉】您的诉求已受理，案件编号TS202611220002。\""));
            assertEquals(1, sink.accepted());
            assertEquals(1, sink.refused());
        }
    }

    /** A SendSms JSON POST with a TC3-HMAC-SHA256 Authorization, signed here independently. */
    private static HttpResponse<String> postTc3(HttpClient http, SmsSink sink, String body, String secret)
            throws Exception {
        long ts = Instant.now().getEpochSecond();
        String date = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(
                Instant.ofEpochSecond(ts).atOffset(java.time.ZoneOffset.UTC));
        String contentType = "application/json; charset=utf-8";
        String host = "127.0.0.1:" + sink.port();
        String canonical = "POST\n/sms\n\ncontent-type:" + contentType + "\nhost:" + host + "\nx-tc-action:sendsms\n\n"
                + "content-type;host;x-tc-action\n"
                + hex(java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        String toSign = "TC3-HMAC-SHA256\n" + ts + "\n" + date + "/sms/tc3_request\n"
                + hex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("TC3" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(hmac(key, "sms"), "tc3_request");
        String authorization = "TC3-HMAC-SHA256 Credential=" + SmsSink.LOCAL_KEY_ID + "/" + date
                + "/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=" + hex(hmac(key, toSign));
        return http.send(
                HttpRequest.newBuilder(URI.create(sink.endpoint()))
                        .header("Content-Type", contentType)
                        .header("Authorization", authorization)
                        .header("X-TC-Action", "SendSms")
                        .header("X-TC-Version", "2021-01-11")
                        .header("X-TC-Region", "ap-guangzhou")
                        .header("X-TC-Timestamp", String.valueOf(ts))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    /** The request notification-service's SmsGateway makes, signed here independently. */
    private static Map<String, String> signed(String phone, String text, String secret) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "SendSms");
        p.put("AccessKeyId", SmsSink.LOCAL_KEY_ID);
        p.put("PhoneNumbers", phone);
        p.put("SignName", "营商环境投诉");
        p.put("Content", text);
        p.put("SignatureMethod", "HMAC-SHA256");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("Signature", SmsRequests.signAliyun(p, secret));
        return p;
    }

    private static HttpResponse<String> post(HttpClient http, SmsSink sink, Map<String, String> params)
            throws IOException, InterruptedException {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(sink.endpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
