package org.openysb.problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Too large bodies get a 413 problem rather than Vert.x's empty 413: JSON bodies above
 * {@code openysb.http.max-json-body-size} (256 KiB by default; a JSON request of this project is a few KiB), any
 * body above {@code quarkus.http.limits.max-body-size}. A declared {@code Content-Length} is judged before anything
 * is read — by a route ahead of Quarkus' own limit check — and the rest of the body is read and dropped, so that the
 * client is not cut off while it still sends and does see the answer. A chunked JSON body is counted while it is read.
 * (A chunked body of another type above {@code max-body-size} still gets the framework's empty 413: it is only found
 * out part-way through reading it.)
 */
@ApplicationScoped
public class BodyLimits {
    /** Beyond this much of a refused body the connection is closed at once instead of reading the rest. */
    static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    private final long maxBody;
    private final long maxJson;
    private final ObjectMapper json;

    public BodyLimits(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            @ConfigProperty(name = "openysb.http.max-json-body-size", defaultValue = "256K") MemorySize maxJson,
            ObjectMapper json) {
        this.maxBody = maxBody.asLongValue();
        this.maxJson = Math.min(maxJson.asLongValue(), this.maxBody);
        this.json = json;
    }

    /** Ahead of Quarkus' check of max-body-size (order -2), which answers without a body. */
    void mount(@Observes Router router) {
        router.route().order(-3).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                ctx.next(); // Vert.x refuses a malformed length itself
                return;
            }
            long limit = isJson(request.getHeader(HttpHeaders.CONTENT_TYPE)) ? maxJson : maxBody;
            if (length > limit) {
                refuse(ctx, length, limit);
                return;
            }
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, long length, long limit) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        byte[] body;
        try {
            body = json.writeValueAsBytes(tooLarge(limit, request.path()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        response.setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (http1) {
            response.putHeader("Connection", "close");
        }
        if (http1 && length <= DRAIN_AT_MOST) {
            // read and drop the rest, then close: closing with unread data would reset the connection under a
            // client that is still sending, and it would never see the answer
            request.handler(chunk -> {});
            request.endHandler(v -> request.connection().close());
            request.exceptionHandler(e -> request.connection().close());
            request.resume();
            response.end(io.vertx.core.buffer.Buffer.buffer(body));
        } else {
            response.end(io.vertx.core.buffer.Buffer.buffer(body)).onComplete(done -> {
                if (http1) {
                    request.connection().close();
                }
            });
        }
    }

    static Problem tooLarge(long limit, String path) {
        return new Problem(
                Problem.TYPE_PREFIX + "body-too-large",
                "请求内容过大，最多 " + readable(limit),
                "The body is too large: at most " + readable(limit),
                413,
                "at most " + limit + " bytes",
                path,
                List.of());
    }

    private static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** Counts a JSON body that came without a declared length while it is read, and stops at the limit. */
    @Provider
    public static class ChunkedJsonLimit implements ReaderInterceptor {
        private final BodyLimits limits;

        public ChunkedJsonLimit(BodyLimits limits) {
            this.limits = limits;
        }

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            MediaType type = context.getMediaType();
            boolean json = type != null && isJson(type.toString());
            if (json && context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null) {
                context.setInputStream(new Limited(context.getInputStream(), limits.maxJson));
            }
            return context.proceed();
        }
    }

    /** Throws a 413 once more than {@code limit} bytes have been read. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(limit);
            }
        }
    }

    /**
     * A body read past its limit. An {@link IOException}, so that Jackson passes it on as it is instead of wrapping it
     * as a mapping error; {@link ProblemMappers} answers it with 413.
     */
    public static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
