package org.openysb.notification.rules.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.verification.model.SignedToken;

/**
 * The links a complainant gets, to the portal's pages: the tracking link of the receipt (checked by complaint-intake,
 * expires {@code notification.contacts.tracking-link-validity} after the receipt) and the follow-up link of the reply
 * (checked by supervision-service).
 */
@ApplicationScoped
public class ComplainantLinks {
    private final NotificationConfig.Contacts config;

    public ComplainantLinks(NotificationConfig config) {
        this.config = config.contacts();
    }

    /** {@code <portal>/track/<caseNumber>?token=<expiry>.<hmac>}. */
    public String trackingLink(String caseNumber, OffsetDateTime receivedAt) {
        String token = SignedToken.sign(
                config.trackingLinkSecret(),
                SignedToken.TRACK,
                caseNumber,
                receivedAt.plus(config.trackingLinkValidity()).toInstant());
        return portal() + "/track/" + caseNumber + "?token=" + token;
    }

    /**
     * {@code <follow-up-link><caseNumber>?token=<hmac>}: the token supervision-service checks (FollowUpLinks there),
     * the first 32 hex characters of HMAC-SHA256("follow-up:" + case number) under the shared secret. It does not
     * expire: supervision-service closes the follow-up window itself.
     */
    public String followUpLink(String caseNumber) {
        String token = SignedToken.hmacHex(config.followUpSecret(), "follow-up:" + caseNumber)
                .substring(0, 32);
        return config.followUpLink() + caseNumber + "?token=" + token;
    }

    private String portal() {
        String url = config.portalUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
