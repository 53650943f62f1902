package org.openysb.web.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import org.openysb.web.WebConfig;

/**
 * Forwards {@code /api/<service>/<rest>} to that service, so that the browser only ever talks to this one address.
 * It passes the caller's bearer token and the request's content, and nothing else: no cookie, no credential or
 * privilege of its own. The caller's address goes on as {@code X-Forwarded-For} (the services trust this hop for
 * their per-client limits). Bodies stream both ways; nothing is buffered.
 */
@ApplicationScoped
public class ApiForwarding {
    private static final Logger LOG = Logger.getLogger(ApiForwarding.class);
    static final String PREFIX = "/api/";

    /** Request headers a service may see; everything else (cookies above all) stays here. */
    static final Set<String> FORWARDED_REQUEST_HEADERS = Set.of(
            "authorization",
            "content-type",
            "content-length",
            "accept",
            "accept-language",
            "if-none-match",
            "if-modified-since",
            "last-event-id",
            "x-request-id");

    /** Response headers that describe one hop, not the answer. */
    static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "set-cookie");

    private final Map<String, Upstream> upstreams;
    private final WebConfig config;
    private HttpClient client;

    public ApiForwarding(WebConfig config) {
        this.config = config;
        this.upstreams = config.upstreams().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Upstream.of(e.getValue())));
    }

    void mount(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.proxy().maxConnections()));
        router.route(PREFIX + "*").order(-10).handler(this::forward);
        LOG.infof("forwarding %s", upstreams);
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String uri = in.uri();
        // the services route on the normalized path (dot segments removed, unreserved escapes decoded): a request
        // whose raw path differs from it could reach a path the checks below did not see, so it is refused
        String path = in.path();
        Target target = path.equals(ctx.normalizedPath()) ? Target.resolve(uri, upstreams) : null;
        if (target == null) {
            problem(ctx.response(), 404, "no-such-api", "没有这个接口", "No such API", path);
            return;
        }
        in.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(target.upstream().host())
                .setPort(target.upstream().port())
                .setSsl(target.upstream().ssl())
                .setURI(target.uri())
                .setIdleTimeout(config.proxy().idleTimeout().toMillis());
        in.headers().forEach(h -> {
            if (FORWARDED_REQUEST_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                options.addHeader(h.getKey(), h.getValue());
            }
        });
        String client = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (client != null) {
            options.putHeader("X-Forwarded-For", client);
        }
        options.putHeader("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            options.putHeader("X-Forwarded-Host", in.authority().toString());
        }
        this.client
                .request(options)
                .compose(out -> {
                    if (!in.headers().contains("content-length") && hasBody(in)) {
                        out.setChunked(true);
                    }
                    return out.send(in);
                })
                .onSuccess(answer -> relay(answer, ctx.response(), target))
                .onFailure(failure -> {
                    in.resume();
                    if (ctx.response().headWritten()) {
                        ctx.response().reset();
                        return;
                    }
                    boolean timeout = failure instanceof TimeoutException
                            || failure.getClass().getSimpleName().contains("Timeout");
                    // the path only: a query may carry a query code or a link token
                    LOG.warnf("%s %s → %s: %s", in.method(), path, target.upstream(), failure.toString());
                    if (timeout) {
                        problem(
                                ctx.response(),
                                504,
                                "upstream-timeout",
                                "服务响应超时，请稍后再试",
                                "The service did not answer in time",
                                path);
                    } else {
                        problem(
                                ctx.response(),
                                502,
                                "upstream-unavailable",
                                "服务暂时不可用，请稍后再试",
                                "The service is not available",
                                path);
                    }
                });
    }

    private static boolean hasBody(HttpServerRequest in) {
        String method = in.method().name();
        return !"GET".equals(method) && !"HEAD".equals(method) && !"DELETE".equals(method);
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response, Target target) {
        response.setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
        answer.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if ("location".equals(name)) {
                response.headers().add(h.getKey(), target.browserLocation(h.getValue()));
            } else if (!HOP_BY_HOP.contains(name)) {
                response.headers().add(h.getKey(), h.getValue());
            }
        });
        if (!answer.headers().contains("content-length")) {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }

    static void problem(HttpServerResponse response, int status, String type, String zh, String en, String instance) {
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", "urn:openysb:problem:" + type)
                        .put("title", zh)
                        .put("titleEn", en)
                        .put("status", status)
                        .put("instance", instance)
                        .encode());
    }

    /** A service's address: where {@code /api/<name>/} leads. */
    record Upstream(String host, int port, boolean ssl, String basePath) {
        static Upstream of(URI base) {
            boolean ssl = "https".equalsIgnoreCase(base.getScheme());
            int port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
            String path = base.getRawPath() == null ? "" : base.getRawPath();
            return new Upstream(
                    base.getHost(), port, ssl, path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }

        @Override
        public String toString() {
            return (ssl ? "https://" : "http://") + host + ":" + port + basePath;
        }
    }

    /** The service a request URI names, and the URI to ask it for. */
    record Target(String name, Upstream upstream, String uri) {
        /**
         * A service's {@code Location} as the browser must follow it: under this address's {@code /api/<name>}
         * instead of the service's own (internal) address.
         */
        String browserLocation(String location) {
            String path = location;
            if (location.startsWith("http://") || location.startsWith("https://")) {
                int slash = location.indexOf('/', location.indexOf("//") + 2);
                path = slash < 0 ? "/" : location.substring(slash);
            }
            String base = upstream.basePath();
            return path.startsWith(base + "/") ? PREFIX + name + path.substring(base.length()) : path;
        }

        static Target resolve(String requestUri, Map<String, Upstream> upstreams) {
            if (!requestUri.startsWith(PREFIX)) {
                return null;
            }
            int end = PREFIX.length();
            while (end < requestUri.length() && requestUri.charAt(end) != '/' && requestUri.charAt(end) != '?') {
                end++;
            }
            String name = requestUri.substring(PREFIX.length(), end);
            Upstream upstream = upstreams.get(name);
            if (upstream == null) {
                return null;
            }
            String rest = requestUri.substring(end);
            String lower = rest.toLowerCase(Locale.ROOT);
            // no way out of the service's API, and no way into its service-to-service endpoints
            if (lower.contains("/../")
                    || lower.endsWith("/..")
                    || lower.contains("%2e")
                    || lower.contains("%2f")
                    || lower.startsWith("/internal")) {
                return null;
            }
            return new Target(
                    name, upstream, upstream.basePath() + (rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest));
        }
    }
}
