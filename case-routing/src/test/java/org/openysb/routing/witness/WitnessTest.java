package org.openysb.routing.witness;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.TrailCheckpointPublished;
import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.openysb.routing.Eventually.eventually;
import static org.openysb.testsupport.ReferenceMerkle.mth;
import static org.openysb.testsupport.ReferenceMerkle.proof;

/**
 * The witness takes supervision's signed checkpoints from ysb.trail-checkpoints and keeps those that are signed by the
 * log's key and extend the last one kept; a forged checkpoint (another key) and a rewritten history (a checkpoint that
 * does not extend the witnessed one, even correctly signed) are refused, listed and counted.
 */
@QuarkusTest
class WitnessTest {
    /** The private half of the test key pair whose public half is trail.witness.public-key in %test. */
    private static final String LOG_KEY = "MC4CAQAwBQYDK2VwBCIEIEJLAQp7pvkoxlY9nPLfZkh9U6qOcdcIbpsbe8iBeAqA";

    private static final String FORGER_KEY = "MC4CAQAwBQYDK2VwBCIEIN+UOUK7ONK08fk7VwHdRqJvW950WTb5hYsoMIVMrhFj";
    private static final String INSPECTOR = TestTokens.token("inspector1", "inspector");

    private final List<byte[]> leaves = new ArrayList<>();

    static void publish(List<byte[]> log, int size, Integer previous, String key) {
        PrivateKey signer = SignedCheckpoint.privateKey(key);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SignedCheckpoint cp = SignedCheckpoint.sign(
                size,
                mth(log.subList(0, size)),
                at,
                signer,
                SignedCheckpoint.keyId(
                        SignedCheckpoint.publicKey("MCowBQYDK2VwAyEAmTLgylvNOAGiwPfoamhNsBfLsI3mY8zHgs2z34zEjHg=")));
        List<String> proof = previous == null
                ? List.of()
                : proof(previous, log.subList(0, size)).stream()
                        .map(HexFormat.of()::formatHex)
                        .toList();
        TrailCheckpointPublished data = new TrailCheckpointPublished(
                TrailCheckpointPublished.LOG_ID,
                size,
                cp.rootHash(),
                at.atOffset(ZoneOffset.UTC),
                cp.keyId(),
                cp.signature(),
                previous == null ? null : previous.longValue(),
                proof);
        String json = EventJson.write(CloudEvent.of(
                EventType.TRAIL_CHECKPOINT_PUBLISHED,
                "/supervision-service",
                TrailCheckpointPublished.LOG_ID,
                OffsetDateTime.now(),
                EventJson.toTree(data)));
        EventSchemas.assertValid(json);
        org.openysb.testsupport.Topics.publish(Topics.TRAIL_CHECKPOINTS, TrailCheckpointPublished.LOG_ID, json);
    }

    static void latestIs(int size, String root) {
        eventually(() -> given().get("/api/witness/checkpoints/latest")
                .then()
                .statusCode(200)
                .body("treeSize", equalTo(size))
                .body("rootHash", equalTo(root)));
    }

    static void refused(int size, String reason) {
        eventually(() -> given().auth()
                .oauth2(INSPECTOR)
                .get("/api/witness/refusals")
                .then()
                .statusCode(200)
                .body("findAll { it.treeSize == " + size + " }.reason", hasItem(reason)));
    }

    @Test
    void keepsConsistentSignedCheckpointsAndRefusesForgedOrRewrittenOnes() {
        Random random = new Random(21);
        for (int i = 0; i < 12; i++) {
            byte[] leaf = new byte[20];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        String hex3 = HexFormat.of().formatHex(mth(leaves.subList(0, 3)));
        String hex5 = HexFormat.of().formatHex(mth(leaves.subList(0, 5)));

        publish(leaves, 3, null, LOG_KEY);
        latestIs(3, hex3);

        // signed with another key: refused, the witness keeps what it had
        publish(leaves, 5, 3, FORGER_KEY);
        refused(5, "BAD_SIGNATURE");
        latestIs(3, hex3);

        // the log grew, with the proof: kept
        publish(leaves, 5, 3, LOG_KEY);
        latestIs(5, hex5);
        given().get("/api/witness/checkpoints/3").then().statusCode(200).body("rootHash", equalTo(hex3));
        given().get("/api/witness/checkpoints/4").then().statusCode(404);

        // history rewritten (entry 1 changed), signed with the log's own key and a proof over the new history:
        // it does not extend the witnessed checkpoint of size 5
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(1, new byte[] {1, 2, 3});
        publish(rewritten, 8, 5, LOG_KEY);
        refused(8, "INCONSISTENT");
        latestIs(5, hex5);

        // a second root for a size already witnessed
        publish(rewritten, 5, 3, LOG_KEY);
        refused(5, "SECOND_ROOT");

        // the genuine log goes on
        publish(leaves, 12, 5, LOG_KEY);
        latestIs(12, HexFormat.of().formatHex(mth(leaves)));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("trail_witness_refused_total{reason=\"INCONSISTENT\"}"));
        given().get("/api/witness/refusals").then().statusCode(401);
    }
}
