package org.openysb.notification.verification.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.openysb.notification.verification.service.VerificationRefused;
import org.openysb.problem.Problem;

/**
 * The problem documents of refused verifications: those of every DomainException, plus {@code Retry-After} (and the
 * extension {@code retryAfterSeconds}) on a 429 or 503 and the extension {@code remainingAttempts} on a wrong code.
 */
public class VerificationProblems {
    /** RFC 9457 problem with the verification extensions. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record VerificationProblem(
            String type,
            String title,
            String titleEn,
            int status,
            String detail,
            String instance,
            List<Problem.FieldError> errors,
            Long retryAfterSeconds,
            Integer remainingAttempts) {}

    @ServerExceptionMapper
    public Response refused(VerificationRefused e, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new VerificationProblem(
                        Problem.TYPE_PREFIX + e.slug(),
                        e.title(),
                        e.titleEn(),
                        e.status(),
                        e.getMessage(),
                        uri == null ? null : uri.getPath(),
                        e.errors(),
                        e.retryAfterSeconds(),
                        e.remainingAttempts()));
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }
}
