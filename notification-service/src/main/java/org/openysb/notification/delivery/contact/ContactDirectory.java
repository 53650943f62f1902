package org.openysb.notification.delivery.contact;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.openysb.notification.config.NotificationConfig;

/**
 * Resolves a complainant reference to real contact points at sending time, from complaint-intake, with a
 * client-credentials token of the {@code openysb-notifier} client. The clear mobile and email live only in memory
 * while a message is sent.
 */
@ApplicationScoped
public class ContactDirectory {
    private final IntakeContactsApi intake;
    private final Instance<OidcClient> oidcClient;
    private final NotificationConfig config;
    private volatile Tokens tokens;

    public ContactDirectory(
            @RestClient IntakeContactsApi intake, Instance<OidcClient> oidcClient, NotificationConfig config) {
        this.intake = intake;
        this.oidcClient = oidcClient;
        this.config = config;
    }

    /** The contact behind {@code ref}; throws {@link UnknownContactException} when intake does not know it. */
    public IntakeContact resolve(String ref) {
        try {
            return intake.contact(authorization(), ref);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new UnknownContactException(ref);
            }
            if (e.getResponse().getStatus() == 401) {
                tokens = null; // expired or revoked: fetch a new one next time
            }
            throw new IllegalStateException(
                    "complaint-intake answered " + e.getResponse().getStatus() + " for a contact lookup");
        }
    }

    private String authorization() {
        if (!config.contacts().tokenEnabled()) {
            return null;
        }
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired()) {
            current = oidcClient.get().getTokens().await().atMost(Duration.ofSeconds(10));
            tokens = current;
        }
        return "Bearer " + current.getAccessToken();
    }

    /** complaint-intake has no contact for this reference (deleted, or a wrong reference): retrying will not help. */
    public static class UnknownContactException extends RuntimeException {
        public UnknownContactException(String ref) {
            super("complaint-intake knows no contact " + ref);
        }
    }
}
