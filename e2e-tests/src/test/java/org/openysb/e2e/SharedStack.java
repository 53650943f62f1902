package org.openysb.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.openysb.localstack.LocalStack;
import org.openysb.localstack.StackConfig;

import static io.restassured.RestAssured.given;

/**
 * One local stack (PostgreSQL, Kafka, Keycloak, the four services and the web module on free ports) for every
 * end-to-end class of this JVM: started by the first class that needs it, stopped when the JVM's test plan ends.
 */
public final class SharedStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedStack.class) {
            if (stack == null) {
                stack = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedStack.class, this);
            }
        }
    }

    @Override
    public void close() {
        synchronized (SharedStack.class) {
            if (stack != null) {
                stack.close();
                stack = null;
            }
        }
    }

    private static LocalStack start() throws IOException, InterruptedException {
        StackConfig defaults = StackConfig.fromEnvironment();
        Path dataDir = defaults.dataDir();
        deleteRecursively(dataDir);
        StackConfig config = new StackConfig(
                defaults.repoRoot(),
                dataDir,
                defaults.keycloakHome(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                false);
        Instant begin = Instant.now();
        // the tests run at any hour: no SMS held back by quiet hours (the receipt is exempt from them anyway)
        LocalStack started = new LocalStack(config)
                .withEnvironment("notification-service", Map.of("NOTIFICATION_QUIET_HOURS_ENABLED", "false"))
                .start();
        System.out.printf(
                "local stack UP in %d s, %d MiB resident; per component: %s%n",
                Duration.between(begin, Instant.now()).toSeconds(), started.residentMemoryMiB(), started.startTimes());
        return started;
    }

    public static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("annotate the class with @ExtendWith(SharedStack.class)");
        }
        return stack;
    }

    public static StackConfig config() {
        return stack().config();
    }

    /** A service's base URL, e.g. {@code url("complaint-intake")}; {@code url("web")} is the one address. */
    public static String url(String module) {
        if ("web".equals(module)) {
            return config().web().url();
        }
        return config().services().stream()
                .filter(s -> s.module().equals(module))
                .findFirst()
                .orElseThrow()
                .url();
    }

    /** An access token of a demo account from the real Keycloak (password grant, local-development realm only). */
    public static String token(String username) {
        return given().formParams(Map.of(
                        "client_id",
                        "openysb-web",
                        "grant_type",
                        "password",
                        "username",
                        username,
                        "password",
                        username + "-pass"))
                .post(config().issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
