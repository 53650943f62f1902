package org.openysb.intake.rest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.testsupport.TestTokens;
import org.openysb.testsupport.sweep.OpenApiSweep;

/**
 * Every operation of intake's OpenAPI document with malformed bodies, wrong types, huge and control-character strings
 * and bad path and query values: no server error, and every client error a problem (Open311's own error format under
 * {@code /open311}).
 */
@QuarkusTest
class OpenApiSweepTest {
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Test
    void shouldAnswerEveryMalformedRequestWithAProblemAndNeverAServerError() {
        String everyRole = TestTokens.token(
                "sweeper",
                Set.of(
                        "admin",
                        "call-centre",
                        "citizen",
                        "coordinator",
                        "dispatcher",
                        "enterprise",
                        "hotline-operator",
                        "inspector",
                        "letter-clerk",
                        "notifier",
                        "supervisor"),
                List.of());
        OpenApiSweep.of()
                .bearer(everyRole)
                // a client address of its own for each request: the throttle of wrong query codes neither stops the
                // sweep part-way nor touches the other tests' clients
                .header(
                        "X-Forwarded-For",
                        () -> "10.250." + NEXT.incrementAndGet() / 250 % 250 + "." + NEXT.get() % 250)
                .errorFormat("/open311/", "Open311's error format", Open311Test::isOpen311Error)
                .run();
    }
}
