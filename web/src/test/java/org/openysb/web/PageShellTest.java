package org.openysb.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The pages: one shell for every page address, hashed assets, the sign-in settings, the security headers. */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class PageShellTest {

    @Test
    void shouldServeTheShellForEveryPageAddress() {
        for (String page : new String[] {"/", "/file", "/track/TS202612070001", "/rate/TS202612070001", "/stats"}) {
            given().get(page)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", "no-cache")
                    .body(containsString("<div id=\"app\""));
        }
    }

    @Test
    void shouldCarryTheSecurityHeadersOnPagesAndApiAnswers() {
        for (String path : new String[] {"/track/TS1", "/api/intake/complaints"}) {
            given().get(path)
                    .then()
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-")))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void shouldHaveNoInlineScriptInTheShell() {
        String html = given().get("/").then().extract().asString();
        Matcher scripts =
                Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    scripts.group(1).contains("src="), "inline script in index.html: " + scripts.group());
            org.junit.jupiter.api.Assertions.assertTrue(scripts.group(2).isBlank());
        }
    }

    @Test
    void shouldServeHashedAssetsCompressedAndCachedForAYear() {
        String html = given().get("/").then().extract().asString();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        org.junit.jupiter.api.Assertions.assertTrue(script.find(), "no module script in " + html);
        given().config(RestAssuredConfig.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get(script.group(1))
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void shouldAnnounceAPagesChunksAndFirstApiAnswerInItsHead() {
        String file = given().get("/file").then().statusCode(200).extract().asString();
        String head = file.substring(0, file.indexOf("</head>"));
        org.junit.jupiter.api.Assertions.assertTrue(
                Pattern.compile(
                                "<link rel=\"modulepreload\" fetchpriority=\"low\" crossorigin href=\"/assets/FilePage-[^\"]+\\.js\">")
                        .matcher(head)
                        .find(),
                "no modulepreload of the file page's chunk in " + head);
        org.junit.jupiter.api.Assertions.assertTrue(
                head.contains(
                        "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/api/intake/reference-data\">"),
                head);

        // the tracking link of the receipt SMS: the case is fetched with the page
        given().get("/track/TS202612070001?token=1796856037.f857d5c7654f64a8961d74b20741a28b")
                .then()
                .statusCode(200)
                .body(
                        containsString(
                                "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" "
                                        + "href=\"/api/intake/complaints/TS202612070001?token=1796856037.f857d5c7654f64a8961d74b20741a28b\">"))
                .body(containsString(
                        "rel=\"modulepreload\" fetchpriority=\"low\" crossorigin href=\"/assets/TrackPage-"))
                .body(containsString("/assets/CaseView-"));
        // nothing else from the address reaches the markup
        String odd = given().queryParam("token", "\"><script>alert(1)</script>")
                .get("/track/TS202612070001")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertFalse(odd.contains("as=\"fetch\""), odd);
        org.junit.jupiter.api.Assertions.assertFalse(odd.contains("alert(1)"), odd);
        given().get("/track").then().body(not(containsString("as=\"fetch\"")));
        // the home page's code is the entry itself
        given().get("/").then().body(not(containsString("rel=\"preload\"")));
    }

    @Test
    void shouldTellThePagesWhereToSignIn() {
        given().get("/config.json")
                .then()
                .statusCode(200)
                .body("realm", equalTo("openysb"))
                .body("clientId", equalTo("openysb-web"))
                .body("keycloakUrl", equalTo("http://127.0.0.1:8180"));
    }
}
