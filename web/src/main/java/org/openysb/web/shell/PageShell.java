package org.openysb.web.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * response of this address, the forwarded API answers included.
 */
@ApplicationScoped
public class PageShell {
    /** A page address: not an API, not Quarkus's own, and no file name with an extension. */
    static final Pattern PAGE = Pattern.compile("^/(?!api/|q/|assets/)[^.]*$");

    private final WebConfig config;
    private final SecurityHeaders headers;
    private Buffer index;
    private Buffer clientConfig;

    public PageShell(WebConfig config, SecurityHeaders headers) {
        this.config = config;
        this.headers = headers;
    }

    void mount(@Observes Router router) {
        index = Buffer.buffer(read("META-INF/resources/index.html"));
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
        ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .end(index);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
