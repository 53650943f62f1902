package org.openysb.routing.rest;

import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.testsupport.TestTokens;
import org.openysb.testsupport.sweep.OpenApiSweep;

/**
 * Every operation of this service's OpenAPI document with malformed bodies, wrong types, huge and control-character
 * strings and bad path and query values, past authentication (a token with every role the service knows): no server
 * error, and every client error an RFC 9457 problem.
 */
@QuarkusTest
class OpenApiSweepTest {
    @Test
    void shouldAnswerEveryMalformedRequestWithAProblemAndNeverAServerError() {
        OpenApiSweep.of()
                .bearer(TestTokens.token(
                        "sweeper",
                        Set.of(
                                "admin",
                                "coordinator",
                                "dispatcher",
                                "handler",
                                "hotline-operator",
                                "inspector",
                                "letter-clerk",
                                "supervisor"),
                        List.of("FGW")))
                .run();
    }
}
