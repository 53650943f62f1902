package org.openysb.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services are, and what the pages need to sign a user in. */
@ConfigMapping(prefix = "web")
public interface WebConfig {

    /**
     * The services' APIs by name: {@code /api/<name>/<rest>} is forwarded to {@code <base>/<rest>}, for example
     * {@code intake → http://127.0.0.1:8081/api}.
     */
    Map<String, URI> upstreams();

    Proxy proxy();

    Keycloak keycloak();

    interface Proxy {
        /** Time to open a connection to a service before the browser gets a 502. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time without a byte from a service before the browser gets a 504 (an SSE stream sends heartbeats). */
        @WithDefault("60s")
        Duration idleTimeout();

        /** Pooled keep-alive connections per service. */
        @WithDefault("64")
        int maxConnections();
    }

    /** What the browser needs to start the authorization-code flow with PKCE against the realm. */
    interface Keycloak {
        /** Keycloak's address as the browser reaches it. */
        URI url();

        @WithDefault("openysb")
        String realm();

        @WithDefault("openysb-web")
        String clientId();
    }
}
