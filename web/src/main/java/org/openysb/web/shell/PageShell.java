package org.openysb.web.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.openysb.web.WebConfig;

/**
 * Serves the single-page application: {@code index.html} for every page address (history-mode routes such as
 * {@code /track/TS…} or {@code /rate/TS…}), the hashed assets that Quarkus serves from {@code META-INF/resources}
 * cached for a year, {@code /config.json} with what the pages need to sign in, and the security headers on every
 * response of this address, the forwarded API answers included. A page's {@code index.html} announces the page's
 * chunks and first API answer in its head ({@link PagePreloads}).
 */
@ApplicationScoped
public class PageShell {
    /** A page address: not an API, not Quarkus's own, and no file name with an extension. */
    static final Pattern PAGE = Pattern.compile("^/(?!api/|q/|assets/)[^.]*$");

    private final WebConfig config;
    private final SecurityHeaders headers;
    private Buffer index;
    private String indexHead;
    private String indexRest;
    private PagePreloads preloads;
    private Buffer clientConfig;

    public PageShell(WebConfig config, SecurityHeaders headers) {
        this.config = config;
        this.headers = headers;
    }

    void mount(@Observes Router router) {
        index = Buffer.buffer(read("META-INF/resources/index.html"));
        String html = index.toString(StandardCharsets.UTF_8);
        int head = html.indexOf("</head>");
        indexHead = head < 0 ? html : html.substring(0, head);
        indexRest = head < 0 ? "" : html.substring(head);
        byte[] manifest = read("META-INF/resources/page-preloads.json");
        preloads =
                manifest.length == 0 ? PagePreloads.none() : new PagePreloads(new JsonObject(Buffer.buffer(manifest)));
        String keycloak = config.keycloak().url().toString().replaceAll("/+$", "");
        clientConfig = new JsonObject()
                .put("keycloakUrl", keycloak)
                .put("realm", config.keycloak().realm())
                .put("clientId", config.keycloak().clientId())
                .toBuffer();
        router.route().order(-100).handler(this::secure);
        router.get("/config.json").order(-9).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(clientConfig));
        router.getWithRegex(PAGE.pattern()).order(-8).handler(this::page);
    }

    private void secure(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            headers.apply(ctx.response().headers());
            if (ctx.normalizedPath().startsWith("/assets/") && ctx.response().getStatusCode() == 200) {
                // file names carry their content hash: a new build has new names
                ctx.response().headers().set("Cache-Control", "public, max-age=31536000, immutable");
            }
        });
        ctx.next();
    }

    private void page(RoutingContext ctx) {
        if (index.length() == 0) {
            ctx.next();
            return;
        }
        List<String> tokens = ctx.queryParam("token");
        String links = preloads.linksFor(ctx.normalizedPath(), tokens.size() == 1 ? tokens.get(0) : null);
        ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .end(links.isEmpty() ? index : Buffer.buffer(indexHead + links + indexRest));
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
