package org.openysb.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keycloak imports the realm file only into an empty database. When the file gains demo users, groups or roles
 * later, this adds the missing ones to an existing local realm (Keycloak's partial import, existing ones skipped), so
 * that a developer's {@code .local/} keeps its self-registered users and still gets what the file now has.
 */
final class RealmSync {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmSync() {}

    /** @return how many users, groups and roles were added */
    static int addMissing(String keycloakUrl, Path realmFile, String adminUser, String adminPassword)
            throws IOException, InterruptedException {
        JsonNode realm = JSON.readTree(realmFile.toFile());
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(adminUser) + "&password="
                + enc(adminPassword);
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IOException("Keycloak admin token: HTTP " + token.statusCode());
        }
        String accessToken = JSON.readTree(token.body()).get("access_token").asText();
        ObjectNode body = JSON.createObjectNode();
        body.put("ifResourceExists", "SKIP");
        for (String part : new String[] {"roles", "groups", "users"}) {
            if (realm.has(part)) {
                body.set(part, realm.get(part));
            }
        }
        HttpResponse<String> result = http.send(
                HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/"
                                + realm.get("realm").asText() + "/partialImport"))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (result.statusCode() != 200) {
            throw new IOException("Keycloak partial import: HTTP " + result.statusCode() + " " + result.body());
        }
        return JSON.readTree(result.body()).path("added").asInt();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
