package org.openysb.notification.delivery.channel;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The HTTP exchange shared by the SMS providers, with a hard bound on its duration. */
final class SmsHttp {
    private SmsHttp() {}

    static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * Sends the request and waits at most {@code timeout} + 1 s for the whole exchange, whatever the client does: a hung
     * request must never stall the dispatcher. Unreachable, timed out or interrupted: a retryable failure.
     */
    static HttpResponse<String> exchange(HttpClient http, HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return exchange.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DeliveryException("SMS gateway unreachable: " + e.getCause(), false);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new DeliveryException("SMS gateway did not answer within " + timeout, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", false);
        }
    }
}
