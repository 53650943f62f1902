package org.openysb.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** What a service behind the one address receives, and what the browser gets back. */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class ApiForwardingTest {

    @Test
    void shouldForwardToTheNamedServiceWithPathAndQuery() {
        given().get("/api/intake/complaints/TS202612070001?queryCode=123456")
                .then()
                .statusCode(200)
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/api/complaints/TS202612070001?queryCode=123456"));
        given().get("/api/routing/cases/TS1").then().statusCode(200).body("uri", equalTo("/api/routing/cases/TS1"));
    }

    @Test
    void shouldPassTheBearerTokenAndTheCallerAddressButNoCookie() {
        given().header("Authorization", "Bearer abc.def.ghi")
                .cookie("session", "secret")
                .header("X-Custom-Privilege", "admin")
                .get("/api/intake/complaints")
                .then()
                .statusCode(200)
                .body("headers.authorization", equalTo("Bearer abc.def.ghi"))
                .body("headers.cookie", nullValue())
                .body("headers.x-custom-privilege", nullValue())
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"));
    }

    @Test
    void shouldStreamARequestBody() {
        String complaint = "{\"title\":\"营业执照\",\"content\":\"<script>alert(1)</script>\"}";
        given().contentType("application/json; charset=UTF-8")
                .body(complaint)
                .post("/api/intake/complaints")
                .then()
                .statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo(complaint))
                .body("headers.content-type", containsString("application/json"));
    }

    @Test
    void shouldPassTheServicesProblemAndRetryAfterButNotItsCookies() {
        given().get("/api/intake/problem")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "42")
                .header("Set-Cookie", nullValue());
    }

    @Test
    void shouldNotForwardToAnUnknownServiceOrOutOfTheApi() {
        for (String path :
                new String[] {"/api/keycloak/anything", "/api/intake/internal/contacts/x", "/api/intake/%2e%2e/q/health"
                }) {
            given().urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:openysb:problem:no-such-api"));
        }
    }

    @Test
    void shouldPointALocationAtThisAddressNotAtTheService() {
        given().redirects()
                .follow(false)
                .get("/api/intake/created")
                .then()
                .statusCode(201)
                .header("Location", "/api/intake/complaints/TS202612070001");
    }

    @Test
    void shouldAnswer502WithAProblemWhenTheServiceIsDown() {
        given().post("/api/notification/verifications")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("title", equalTo("服务暂时不可用，请稍后再试"))
                .body("titleEn", equalTo("The service is not available"));
    }
}
