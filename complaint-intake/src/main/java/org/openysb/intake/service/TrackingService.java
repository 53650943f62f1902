package org.openysb.intake.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.LaunchMode;
import org.jboss.logging.Logger;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.crypto.SignedToken;
import org.openysb.problem.DomainException;

/**
 * Public tracking (进度查询) with the query code or with a tracking link's token. A wrong code, an unknown case and a
 * token that is not signed for the case are one and the same 404, and each counts against the client's throttle; a
 * genuine but expired link is 410, so that its holder knows to use the query code instead.
 */
@ApplicationScoped
public class TrackingService {
    private static final Logger LOG = Logger.getLogger(TrackingService.class);
    static final String PURPOSE = "track:";

    private final ComplaintService complaints;
    private final QueryCodeThrottle throttle;
    private final SignedToken links;
    private final Clock clock = Clock.systemUTC();

    public TrackingService(ComplaintService complaints, QueryCodeThrottle throttle, IntakeConfig config) {
        this.complaints = complaints;
        this.throttle = throttle;
        String secret = config.trackingLink().secret();
        this.links = new SignedToken(secret, PURPOSE);
        if (LaunchMode.current() == LaunchMode.NORMAL && secret.startsWith("local-dev-")) {
            LOG.warn("intake.tracking-link.secret is the local-development default: set TRACKING_LINK_SECRET (the same"
                    + " value as notification-service's)");
        }
    }

    /**
     * The public view of a case for the client at {@code client}: with the tracking link's {@code token} when one is
     * given, else with the query code.
     */
    public CaseTracking track(String caseNumber, String queryCode, String token, String client) {
        throttle.requireNotThrottled(client);
        if (token == null || token.isEmpty()) {
            return complaints.track(caseNumber, queryCode).orElseThrow(() -> notFound(client));
        }
        return switch (links.check(caseNumber, token, clock.instant())) {
            case VALID -> complaints.trackByLink(caseNumber).orElseThrow(() -> notFound(client));
            case EXPIRED -> throw new DomainException(
                    410,
                    "tracking-link-expired",
                    "该查询链接已过期，请使用案件编号和查询码查询",
                    "This tracking link has expired; track the case with its case number and query code",
                    "the tracking link has expired");
            case INVALID -> throw notFound(client);
        };
    }

    private DomainException notFound(String client) {
        throttle.recordWrongCode(client);
        return new DomainException(
                404,
                "case-not-found",
                "未找到该诉求，请核对案件编号和查询码",
                "No case with this number and query code",
                "check the case number and the query code");
    }
}
