package org.openysb.testsupport.sweep;

/**
 * One malformed request of a sweep.
 *
 * @param operation {@code METHOD /template} of the OpenAPI document
 * @param method the HTTP method
 * @param path the path with its query, already percent-encoded as it goes on the wire
 * @param contentType the body's content type, or null without a body
 * @param body the body's bytes, or null
 * @param chunked the body goes without a Content-Length, in chunks
 * @param what what is wrong with it, for the report
 */
public record SweepRequest(
        String operation, String method, String path, String contentType, byte[] body, boolean chunked, String what) {

    @Override
    public String toString() {
        return operation + " [" + what + "] " + method + " "
                + (path.length() > 120 ? path.substring(0, 120) + "…" : path);
    }
}
