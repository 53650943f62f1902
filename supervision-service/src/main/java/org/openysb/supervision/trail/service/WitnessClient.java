package org.openysb.supervision.trail.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.openysb.contracts.trail.SignedCheckpoint;

/**
 * Asks the witness (case-routing, {@code supervision.trail.witness-url}) for the latest checkpoint it accepted: a
 * record outside this service's database, which its credentials cannot rewrite.
 */
@ApplicationScoped
public class WitnessClient {
    private static final Logger LOG = Logger.getLogger(WitnessClient.class);

    private final Optional<String> url;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public WitnessClient(@ConfigProperty(name = "supervision.trail.witness-url") Optional<String> url) {
        this.url = url.filter(u -> !u.isBlank()).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /** The answer: the checkpoint, none witnessed yet, or the witness not reachable (with why). */
    public record Answer(Optional<SignedCheckpoint> checkpoint, String problem) {}

    public Answer latest() {
        if (url.isEmpty()) {
            return new Answer(Optional.empty(), "no witness configured (supervision.trail.witness-url)");
        }
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url.get() + "/api/witness/checkpoints/latest"))
                            .timeout(Duration.ofSeconds(3))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return new Answer(Optional.empty(), "the witness has no checkpoint yet");
            }
            if (r.statusCode() != 200) {
                return new Answer(Optional.empty(), "the witness answered " + r.statusCode());
            }
            JsonNode j = mapper.readTree(r.body());
            return new Answer(
                    Optional.of(new SignedCheckpoint(
                            j.path("treeSize").asLong(),
                            j.path("rootHash").asText(),
                            Instant.parse(j.path("issuedAt").asText()),
                            j.path("keyId").asText(),
                            j.path("signature").asText())),
                    null);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("witness not reachable: %s", e.toString());
            return new Answer(Optional.empty(), "the witness is not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Optional.empty(), "interrupted");
        }
    }
}
