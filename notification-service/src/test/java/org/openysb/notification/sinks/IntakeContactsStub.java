package org.openysb.notification.sinks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * complaint-intake's internal contact lookup ({@code GET /api/internal/contacts/{ref}}, role notifier): answers the
 * contacts a test registered, 404 for any other reference, and records every lookup.
 */
public final class IntakeContactsStub {
    static {
        // answer at once: without TCP_NODELAY the response body waits for the client's delayed ACK (~40 ms a request)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String PREFIX = "/api/internal/contacts/";

    /** The shape of complaint-intake's ContactDetails. */
    public record Contact(
            String ref,
            String kind,
            String name,
            String mobile,
            String email,
            boolean anonymous,
            boolean confidential) {}

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final List<String> lookups = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public IntakeContactsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "intake-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** complaint-intake knows this complainant (ref {@code complaint:<caseNumber>}). */
    public void put(String caseNumber, String name, String mobile, String email) {
        String ref = "complaint:" + caseNumber;
        contacts.put(ref, new Contact(ref, "PERSON", name, mobile, email, false, false));
    }

    /** complaint-intake knows this complaint but its complainant is anonymous and left no contact. */
    public void putAnonymous(String caseNumber) {
        String ref = "complaint:" + caseNumber;
        contacts.put(ref, new Contact(ref, "ANONYMOUS", null, null, null, true, false));
    }

    /** The references looked up so far, in order. */
    public List<String> lookups() {
        synchronized (lookups) {
            return List.copyOf(lookups);
        }
    }

    /** How many lookups were made so far. */
    public int lookupCount() {
        return lookups.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String ref = exchange.getRequestURI().getPath().substring(PREFIX.length());
            lookups.add(ref);
            Contact c = "GET".equals(exchange.getRequestMethod()) ? contacts.get(ref) : null;
            byte[] body = c == null
                    ? ("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"complainant " + ref + "\"}")
                            .getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(c);
            exchange.getResponseHeaders()
                    .add("Content-Type", c == null ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(c == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
