package org.openysb.web.shell;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.MultiMap;

import org.openysb.web.WebConfig;

/**
 * The headers every response of the one address carries. Scripts only from this origin (no inline script, no eval);
 * the browser may talk to this origin and to Keycloak's (the token endpoint) and nothing else; no page of ours in
 * anyone's frame; no referrer, so that a tracking link's token never leaves in one.
 */
@ApplicationScoped
public class SecurityHeaders {
    private final String contentSecurityPolicy;

    public SecurityHeaders(WebConfig config) {
        String keycloak = origin(config.keycloak().url());
        // styles from this origin only: the widgets set positions through the CSSOM, which style-src does not govern
        this.contentSecurityPolicy = String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self' " + keycloak,
                "frame-src " + keycloak,
                "form-action 'self' " + keycloak,
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "object-src 'none'");
    }

    static String origin(java.net.URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    void apply(MultiMap headers) {
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
    }
}
