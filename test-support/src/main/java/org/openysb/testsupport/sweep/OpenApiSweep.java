package org.openysb.testsupport.sweep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

/**
 * Sends malformed requests to every operation of a service's own OpenAPI document ({@code /q/openapi}) and checks
 * the answers: never a server error, and every client error other than 401, 403, 404 and 405 an RFC 9457 problem
 * ({@code application/problem+json} with {@code type}, {@code title} and {@code status}); a JSON body of 600 KiB
 * 413 (above {@code openysb.http.max-json-body-size}). A new endpoint is covered
 * as soon as it is in the document. Run it inside the module's {@code @QuarkusTest} boot:
 *
 * <pre>
 * OpenApiSweep.of().bearer(TestTokens.token("sweeper", Set.of("admin", "dispatcher"), List.of())).run();
 * </pre>
 *
 * The token lets the requests past authentication (roles the document names for an operation are what it needs);
 * {@link #run()} prints the counts (operations, requests, answers by status) and fails with every violation.
 */
public final class OpenApiSweep {
    /** Client errors where the framework's own answer is fine: no problem body needed. */
    static final Set<Integer> FRAMEWORK_ANSWERS = Set.of(401, 403, 404, 405);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Supplier<String>> headers = new LinkedHashMap<>();
    private final Map<String, ErrorFormat> errorFormats = new LinkedHashMap<>();
    private String documentPath = "/q/openapi?format=json";
    private String bearer;

    /** Another error format that an API's own standard prescribes (Open311's, say) for paths under a prefix. */
    private record ErrorFormat(String description, Predicate<Answer> accepts) {}

    /** What came back for one request. */
    public record Answer(int status, String contentType, String body) {}

    /** The sweep's counts. */
    public record Report(
            int operations,
            int requests,
            Map<Integer, Integer> byStatus,
            List<String> violations,
            List<String> accepted) {
        @Override
        public String toString() {
            return operations + " operations, " + requests + " requests, by status " + byStatus + ", "
                    + violations.size() + " violations";
        }
    }

    private OpenApiSweep() {}

    public static OpenApiSweep of() {
        return new OpenApiSweep();
    }

    /** The token sent with every request. */
    public OpenApiSweep bearer(String token) {
        this.bearer = token;
        return this;
    }

    /** A header sent with every request. */
    public OpenApiSweep header(String name, String value) {
        headers.put(name, () -> value);
        return this;
    }

    /**
     * A header whose value is asked for each request: e.g. another {@code X-Forwarded-For} each time, so that a
     * per-client limit (wrong query codes) neither stops the sweep part-way nor touches other tests' clients.
     */
    public OpenApiSweep header(String name, Supplier<String> value) {
        headers.put(name, value);
        return this;
    }

    /** Where the document is, relative to the test's base URI. */
    public OpenApiSweep document(String path) {
        this.documentPath = path;
        return this;
    }

    /**
     * Under {@code pathPrefix}, client errors follow another standard's format (e.g. Open311's {@code [{"code":…,
     * "description":…}]}) instead of RFC 9457; {@code accepts} checks an answer against it.
     */
    public OpenApiSweep errorFormat(String pathPrefix, String description, Predicate<Answer> accepts) {
        errorFormats.put(pathPrefix, new ErrorFormat(description, accepts));
        return this;
    }

    /** Sends every malformed request, prints the counts, and fails listing every violation. */
    public Report run() {
        Report report = sweep();
        System.out.println("SWEEP " + report);
        // a malformed request that changed something is worth a look even when it broke no rule
        report.accepted().forEach(line -> System.out.println("SWEEP accepted: " + line));
        if (!report.violations().isEmpty()) {
            throw new AssertionError(report.violations().size() + " answers break the error contract:\n"
                    + String.join("\n", report.violations()));
        }
        return report;
    }

    /** Sends every malformed request and reports what came back, without failing. */
    public Report sweep() {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JsonNode document = readDocument(client, base);
        List<SweepRequest> requests = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey()) || streams(op.getValue())) {
                    continue;
                }
                operations++;
                requests.addAll(
                        MalformedRequests.of(document, op.getKey(), path.getKey(), path.getValue(), op.getValue()));
            }
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (SweepRequest request : requests) {
            Answer answer = send(client, base, request);
            byStatus.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 200
                    && answer.status() < 300
                    && !request.method().equals("GET")) {
                accepted.add(request + " → " + answer.status());
            }
            String problem = check(request, answer);
            if (problem != null) {
                violations.add(request + " → " + answer.status() + " " + answer.contentType() + ": " + problem
                        + (answer.body() == null ? "" : " | " + abbreviate(answer.body())));
            }
        }
        return new Report(operations, requests.size(), byStatus, violations, accepted);
    }

    /** Server-sent event streams never end: they are left out (their errors come before the stream starts). */
    private static boolean streams(JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode readDocument(HttpClient client, String base) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + documentPath))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("no OpenAPI document at " + documentPath + ": " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("cannot read the OpenAPI document", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Answer send(HttpClient client, String base, SweepRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(60))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : request.chunked()
                                        ? HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new java.io.ByteArrayInputStream(request.body()))
                                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach((name, value) -> builder.header(name, value.get()));
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(-1, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Null when the answer keeps the contract, else what is wrong with it. */
    private String check(SweepRequest request, Answer answer) {
        int status = answer.status();
        if (status < 0) {
            return "the connection failed without an answer";
        }
        if (status >= 500) {
            return "server error";
        }
        if (request.what().startsWith(MalformedRequests.TOO_LARGE_JSON) && status != 413) {
            return "a JSON body above the limit must be refused with 413";
        }
        if (status < 400 || FRAMEWORK_ANSWERS.contains(status)) {
            return null;
        }
        for (Map.Entry<String, ErrorFormat> format : errorFormats.entrySet()) {
            if (request.path().startsWith(format.getKey())) {
                return format.getValue().accepts().test(answer)
                        ? null
                        : "not " + format.getValue().description();
            }
        }
        return problemViolation(answer);
    }

    /** Null for an RFC 9457 problem of the answer's status, else what is missing. */
    static String problemViolation(Answer answer) {
        if (answer.contentType() == null
                || !answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return "not application/problem+json";
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem == null
                    || !problem.path("type").isTextual()
                    || !problem.path("title").isTextual()) {
                return "no type or title";
            }
            if (problem.path("status").asInt() != answer.status()) {
                return "status " + problem.path("status") + " in the body";
            }
            return null;
        } catch (IOException e) {
            return "the body is not JSON";
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
