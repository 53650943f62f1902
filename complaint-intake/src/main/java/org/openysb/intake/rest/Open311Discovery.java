package org.openysb.intake.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

import org.openysb.intake.config.IntakeConfig;

/**
 * GeoReport v2's discovery document: the changeset, the contact, and one endpoint — this service's {@code /open311/v2}
 * (its public URL from {@code intake.open311.endpoint-url}, else from the request), GeoReport v2, in XML and JSON.
 */
@ApplicationScoped
class Open311Discovery {
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final IntakeConfig.Open311 config;

    Open311Discovery(IntakeConfig config) {
        this.config = config.open311();
    }

    Map<String, Object> document(UriInfo uri) {
        String url = config.endpointUrl()
                .orElseGet(
                        () -> uri.getBaseUriBuilder().path("open311/v2").build().toString());
        String changeset = Open311Documents.format(config.changeset());
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", url);
        endpoint.put("changeset", changeset);
        endpoint.put("type", config.endpointType());
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", changeset);
        discovery.put("contact", config.contact());
        discovery.put("key_service", "无需 API 密钥 (no API key is needed)");
        discovery.put("endpoints", List.of(endpoint));
        return discovery;
    }
}
