package org.openysb.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Two checks around every JAX-RS request: control characters in the path or a query parameter are refused before a
 * resource sees them (a NUL byte would otherwise reach PostgreSQL, which refuses it with a server error), and a client
 * error that a resource or the framework answered without a body gets a problem document. Resources marked
 * {@link OwnErrorFormat} are left alone.
 */
public class ProblemFilters {

    @ServerRequestFilter
    public void refuseControlCharacters(ContainerRequestContext request, UriInfo uri, SimpleResourceInfo resource) {
        if (ownFormat(resource)) {
            return;
        }
        if (hasControl(uri.getPath(), false)) {
            throw new DomainException(
                    400,
                    "invalid-path",
                    "请求路径含有控制字符",
                    "The path contains control characters",
                    "the path must not contain control characters");
        }
        for (Map.Entry<String, List<String>> parameter :
                uri.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (hasControl(parameter.getKey(), false) || hasControl(value, true)) {
                    throw DomainException.invalidField(
                            parameter.getKey().length() > 50
                                    ? parameter.getKey().substring(0, 50)
                                    : parameter.getKey(),
                            null,
                            "不能含有控制字符",
                            "must not contain control characters");
                }
            }
        }
    }

    @ServerResponseFilter
    public void problemForEmptyClientErrors(
            ContainerRequestContext request,
            ContainerResponseContext response,
            UriInfo uri,
            SimpleResourceInfo resource) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || response.hasEntity() || "HEAD".equals(request.getMethod())) {
            return;
        }
        if (resource != null && ownFormat(resource)) {
            return;
        }
        String reason = response.getStatusInfo().getReasonPhrase();
        String titleEn = reason == null || reason.isBlank() ? "HTTP " + status : reason;
        response.setEntity(
                new Problem(
                        Problem.TYPE_PREFIX + "http-" + status,
                        ProblemMappers.chineseTitle(status, titleEn),
                        titleEn,
                        status,
                        null,
                        uri == null ? null : uri.getPath(),
                        List.of()),
                null,
                jakarta.ws.rs.core.MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private static boolean ownFormat(SimpleResourceInfo resource) {
        return resource != null
                && resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(OwnErrorFormat.class);
    }

    /** C0 controls and DEL; tab, line feed and carriage return are allowed in query values (text from a form). */
    static boolean hasControl(String text, boolean allowLineBreaks) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c == 0x7F) && !(allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
