package org.openysb.web;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * A service behind the forwarding layer for its tests: answers every request with what it received (method, URI,
 * headers, body) as JSON, so that a test sees exactly what a service would. {@code notification} points at a port
 * where nothing listens.
 */
public class EchoService implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    JsonObject headers = new JsonObject();
                    request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                    if (request.path().endsWith("/created")) {
                        request.response()
                                .setStatusCode(201)
                                .putHeader("Location", base() + "/api/complaints/TS202612070001")
                                .end("{}");
                        return;
                    }
                    if (request.path().endsWith("/problem")) {
                        request.response()
                                .setStatusCode(429)
                                .putHeader("Content-Type", "application/problem+json")
                                .putHeader("Retry-After", "42")
                                .putHeader("Set-Cookie", "tracker=1")
                                .end("{\"status\":429}");
                        return;
                    }
                    request.response()
                            .putHeader("Content-Type", "application/json")
                            .end(new JsonObject()
                                    .put("method", request.method().name())
                                    .put("uri", request.uri())
                                    .put("headers", headers)
                                    .put("body", body.toString())
                                    .encode());
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        String base = base();
        return Map.of(
                "web.upstreams.intake", base + "/api",
                "web.upstreams.routing", base + "/api/routing",
                "web.upstreams.notification", "http://127.0.0.1:" + closedPort() + "/api");
    }

    private String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(5, TimeUnit.SECONDS)
                    .join();
        }
    }
}
