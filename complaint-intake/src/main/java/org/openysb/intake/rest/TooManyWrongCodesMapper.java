package org.openysb.intake.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.openysb.intake.service.TooManyWrongCodes;
import org.openysb.problem.Problem;

/**
 * The 429 of a throttled client as the problem every other domain refusal is, with {@code Retry-After} (seconds) so
 * that a client knows when to try again. Chosen over the general domain mapper as the more specific type.
 */
public class TooManyWrongCodesMapper {
    @ServerExceptionMapper
    public Response tooManyWrongCodes(TooManyWrongCodes e, UriInfo uri) {
        return Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(new Problem(
                        Problem.TYPE_PREFIX + e.slug(),
                        e.title(),
                        e.titleEn(),
                        e.status(),
                        e.getMessage(),
                        uri == null ? null : uri.getPath(),
                        e.errors()))
                .build();
    }
}
