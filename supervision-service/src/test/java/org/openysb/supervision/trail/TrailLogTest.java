package org.openysb.supervision.trail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.TrailCheckpointPublished;
import org.openysb.contracts.trail.Merkle;
import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.supervision.messaging.RoutingConsumerTest;
import org.openysb.supervision.model.TrailEntry;
import org.openysb.testsupport.DatabaseAccess;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trail log as an inspector and an insider meet it: checkpoints signed and published, proofs that verify, and the
 * insider's edits (a rewritten entry with its case's chain recomputed; the last entries deleted) reported by verify
 * against the witnessed checkpoint, which the insider cannot rewrite.
 */
@QuarkusTest
class TrailLogTest {
    private static final String INSPECTOR = TestTokens.token("inspector1", "inspector");
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String HANDLER = TestTokens.handler("handler-scjg", "SCJG");
    /** Not the log's key: what a forger would sign with. */
    private static final String FORGER_KEY = "MC4CAQAwBQYDK2VwBCIEIN+UOUK7ONK08fk7VwHdRqJvW950WTb5hYsoMIVMrhFj";

    static void openedAndSigned(String cn) {
        RoutingConsumerTest.route(cn, "SCJG", "市市场监管局", OffsetDateTime.now().toString(), false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .statusCode(200));
        given().auth()
                .oauth2(HANDLER)
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(HANDLER)
                .contentType("application/json")
                .body("{\"method\":\"PHONE\",\"note\":\"已电话联系\"}")
                .post("/api/work-items/{cn}/first-contact", cn)
                .then()
                .statusCode(200);
    }

    /** A checkpoint signed once the case's entries are all in the log (the sequencer runs every second). */
    static SignedCheckpoint checkpointCovering(String cn) {
        List<SignedCheckpoint> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SignedCheckpoint cp = issue();
            JsonPath v = verify(cn, cp);
            assertEquals(0, v.getInt("pending"), v.prettify());
            found.clear();
            found.add(cp);
        });
        return found.get(0);
    }

    static SignedCheckpoint issue() {
        JsonPath j = given().auth()
                .oauth2(SUPERVISOR)
                .post("/api/trail/checkpoints")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new SignedCheckpoint(
                j.getLong("treeSize"),
                j.getString("rootHash"),
                Instant.parse(j.getString("issuedAt")),
                j.getString("keyId"),
                j.getString("signature"));
    }

    static JsonPath verify(String cn, SignedCheckpoint cp) {
        return given().auth()
                .oauth2(INSPECTOR)
                .queryParam("treeSize", cp.treeSize())
                .queryParam("rootHash", cp.rootHash())
                .queryParam("issuedAt", cp.issuedAt().toString())
                .queryParam("signature", cp.signature())
                .get("/api/cases/{cn}/trail/verify", cn)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void checkpointsAreSignedWithThePublishedKeyAndGoToKafkaWithConsistencyProofs() {
        String cn = "TS202612089201";
        openedAndSigned(cn);
        SignedCheckpoint first = checkpointCovering(cn);
        String publicKey = given().get("/api/trail/public-key")
                .then()
                .statusCode(200)
                .body("algorithm", equalTo("Ed25519"))
                .extract()
                .path("publicKey");
        assertEquals(ConfigProvider.getConfig().getValue("supervision.trail.public-key", String.class), publicKey);
        assertTrue(first.verify(SignedCheckpoint.publicKey(publicKey)), "signed with the published key");

        String cn2 = "TS202612089202";
        openedAndSigned(cn2);
        SignedCheckpoint second = checkpointCovering(cn2);
        assertTrue(second.treeSize() > first.treeSize());

        // both are on ysb.trail-checkpoints, valid against the schema, the second proving the log only grew
        List<ConsumerRecord<String, String>> records = org.openysb.testsupport.Topics.await(
                Topics.TRAIL_CHECKPOINTS,
                TrailCheckpointPublished.LOG_ID,
                json -> json.contains("\"treeSize\":" + second.treeSize() + ","),
                1,
                Duration.ofSeconds(20));
        assertEquals(1, records.size());
        assertEquals(
                EventType.TRAIL_CHECKPOINT_PUBLISHED,
                EventSchemas.assertValid(records.get(0).value()));
        CloudEvent event = EventJson.read(records.get(0).value());
        TrailCheckpointPublished published = event.dataAs(TrailCheckpointPublished.class);
        assertEquals(second.rootHash(), published.rootHash());
        assertEquals(second.signature(), published.signature());
        // the consistency proof from the previous published checkpoint, and the one the API gives from `first`
        JsonPath previous = given().auth()
                .oauth2(INSPECTOR)
                .get("/api/trail/checkpoints/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(second.treeSize(), previous.getLong("checkpoint.treeSize"));
        List<String> proof = given().auth()
                .oauth2(INSPECTOR)
                .queryParam("first", first.treeSize())
                .queryParam("second", second.treeSize())
                .get("/api/trail/proofs/consistency")
                .then()
                .statusCode(200)
                .extract()
                .path("proof");
        assertTrue(Merkle.verifyConsistency(
                first.treeSize(), second.treeSize(), first.root(), second.root(), hashes(proof)));
        assertFalse(Merkle.verifyConsistency(
                first.treeSize(), second.treeSize(), second.root(), second.root(), hashes(proof)));

        // an inclusion proof of an entry checks against the checkpoint's root with the entry's own leaf hash
        JsonPath inclusion = given().auth()
                .oauth2(INSPECTOR)
                .queryParam("caseNumber", cn)
                .queryParam("seq", 2)
                .queryParam("treeSize", second.treeSize())
                .get("/api/trail/proofs/inclusion")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(Merkle.verifyInclusion(
                inclusion.getLong("proof.logIndex"),
                second.treeSize(),
                HexFormat.of().parseHex(inclusion.getString("proof.leafHash")),
                hashes(inclusion.getList("proof.path")),
                second.root()));
        given().auth().oauth2(HANDLER).post("/api/trail/checkpoints").then().statusCode(403);
        given().auth()
                .oauth2(INSPECTOR)
                .queryParam("first", 5)
                .queryParam("second", 2)
                .get("/api/trail/proofs/consistency")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("second"));
    }

    @Test
    void anInsiderWhoRewritesAnEntryAndRecomputesTheChainIsCaught() throws Exception {
        String cn = "TS202612089203";
        openedAndSigned(cn);
        SignedCheckpoint witnessed = checkpointCovering(cn);
        JsonPath before = verify(cn, witnessed);
        assertTrue(before.getBoolean("intact"), before.prettify());
        assertEquals(3, before.getInt("covered"));

        // with the owner's credentials: lift the trigger, rewrite entry 2, recompute the case's whole chain
        try (Connection owner = DatabaseAccess.asMigrationRole()) {
            owner.setAutoCommit(false);
            List<TrailEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = owner.prepareStatement(
                    "select id, case_number, seq, occurred_at, actor,"
                            + " action, status_before, status_after, detail from trail_entry where case_number = ? order by seq")) {
                ps.setString(1, cn);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        TrailEntry e = new TrailEntry();
                        e.id = r.getLong(1);
                        e.caseNumber = r.getString(2);
                        e.seq = r.getInt(3);
                        e.occurredAt = r.getObject(4, OffsetDateTime.class);
                        e.actor = r.getString(5);
                        e.action = r.getString(6);
                        e.statusBefore = r.getString(7);
                        e.statusAfter = r.getString(8);
                        e.detail = r.getString(9);
                        entries.add(e);
                    }
                }
            }
            entries.get(1).actor = "someone-else";
            String prev = TrailEntry.GENESIS;
            try (Statement ddl = owner.createStatement();
                    PreparedStatement up = owner.prepareStatement(
                            "update trail_entry set actor = ?, prev_hash = ?, hash = ? where id = ?")) {
                ddl.execute("alter table trail_entry disable trigger trail_entry_no_update");
                for (TrailEntry e : entries) {
                    e.prevHash = prev;
                    e.hash = e.computeHash();
                    prev = e.hash;
                    up.setString(1, e.actor);
                    up.setString(2, e.prevHash);
                    up.setString(3, e.hash);
                    up.setLong(4, e.id);
                    up.executeUpdate();
                }
                ddl.execute("alter table trail_entry enable trigger trail_entry_no_update");
            }
            owner.commit();
        }
        // the chain alone is fooled ...
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .body("intact", equalTo(true))
                .body("steps[1].actor", equalTo("someone-else"));
        // ... the witnessed checkpoint is not
        JsonPath after = verify(cn, witnessed);
        assertFalse(after.getBoolean("intact"), after.prettify());
        assertEquals("seq 2", after.getString("brokenAt"));
        assertEquals("INCLUSION", after.getString("failures[0].reason"));
        assertEquals(2, after.getInt("failures[0].seq"));
        assertTrue(after.getList("failures.seq").contains(3), "entry 3's recomputed predecessor changed it too");
        assertFalse(after.getList("failures.seq").contains(1), after.prettify());
    }

    @Test
    void aForgedCheckpointIsReportedAsSuch() {
        String cn = "TS202612089204";
        openedAndSigned(cn);
        SignedCheckpoint genuine = checkpointCovering(cn);
        java.security.PrivateKey forger = SignedCheckpoint.privateKey(FORGER_KEY);
        SignedCheckpoint forged = SignedCheckpoint.sign(
                genuine.treeSize(), genuine.root(), genuine.issuedAt(), forger, "0000000000000000");
        JsonPath v = verify(cn, forged);
        assertFalse(v.getBoolean("intact"));
        assertEquals("checkpoint " + genuine.treeSize(), v.getString("brokenAt"));
        assertEquals("SIGNATURE", v.getString("failures[0].reason"));
        given().auth()
                .oauth2(INSPECTOR)
                .queryParam("treeSize", 3)
                .queryParam("rootHash", "not-hex")
                .queryParam("issuedAt", genuine.issuedAt().toString())
                .queryParam("signature", genuine.signature())
                .get("/api/cases/{cn}/trail/verify", cn)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("rootHash"));
    }

    @Test
    void anInsiderWhoDeletesTheLastEntriesIsToldTheLogShrank() throws Exception {
        String cn = "TS202612089205";
        openedAndSigned(cn);
        SignedCheckpoint witnessed = checkpointCovering(cn);
        assertTrue(verify(cn, witnessed).getBoolean("intact"));
        long keep = witnessed.treeSize() - 2;
        List<List<Object>> entries = new ArrayList<>();
        List<long[]> logRows = new ArrayList<>();
        long size;
        try (Connection owner = DatabaseAccess.asMigrationRole();
                Statement s = owner.createStatement()) {
            owner.setAutoCommit(false);
            // the sequencer waits on this row while the insider works
            try (ResultSet r = s.executeQuery("select size from trail_log_state for update")) {
                r.next();
                size = r.getLong(1);
            }
            try (ResultSet r = s.executeQuery("select e.id, e.case_number, e.seq, e.occurred_at, e.actor, e.action,"
                    + " e.status_before, e.status_after, e.detail, e.prev_hash, e.hash, l.log_index from trail_log l"
                    + " join trail_entry e on e.id = l.entry_id where l.log_index >= " + keep)) {
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= 11; i++) {
                        row.add(r.getObject(i));
                    }
                    entries.add(row);
                    logRows.add(new long[] {r.getLong(12), r.getLong(1)});
                }
            }
            s.execute("alter table trail_log disable trigger trail_log_no_update");
            s.execute("alter table trail_entry disable trigger trail_entry_no_update");
            s.execute("delete from trail_log where log_index >= " + keep);
            s.execute("delete from trail_entry where id in ("
                    + logRows.stream().map(l -> String.valueOf(l[1])).collect(java.util.stream.Collectors.joining(","))
                    + ")");
            s.execute("update trail_log_state set size = least(size, " + keep + ")");
            s.execute("alter table trail_log enable trigger trail_log_no_update");
            s.execute("alter table trail_entry enable trigger trail_entry_no_update");
            owner.commit();
        }
        try {
            JsonPath v = verify(cn, witnessed);
            assertFalse(v.getBoolean("intact"), v.prettify());
            assertEquals("checkpoint " + witnessed.treeSize(), v.getString("brokenAt"));
            assertTrue(v.getList("failures.reason").contains("LOG_SHRANK"), v.prettify());
            // and no checkpoint is signed over the shrunken log
            given().auth()
                    .oauth2(SUPERVISOR)
                    .post("/api/trail/checkpoints")
                    .then()
                    .statusCode(409)
                    .body("type", org.hamcrest.Matchers.endsWith("trail-log-shrank"));
        } finally {
            restore(entries, logRows, size);
        }
        assertTrue(verify(cn, witnessed).getBoolean("intact"), "restored for the other tests");
    }

    /** Puts the deleted rows back, for the other tests of this database. */
    private static void restore(List<List<Object>> entries, List<long[]> logRows, long size) throws Exception {
        try (Connection owner = DatabaseAccess.asMigrationRole();
                Statement s = owner.createStatement();
                PreparedStatement e = owner.prepareStatement("insert into trail_entry (id, case_number, seq,"
                        + " occurred_at, actor, action, status_before, status_after, detail, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement l =
                        owner.prepareStatement("insert into trail_log (log_index, entry_id) values (?, ?)")) {
            owner.setAutoCommit(false);
            s.executeQuery("select size from trail_log_state for update").close();
            for (List<Object> row : entries) {
                for (int i = 0; i < row.size(); i++) {
                    e.setObject(i + 1, row.get(i));
                }
                e.executeUpdate();
            }
            for (long[] row : logRows) {
                l.setLong(1, row[0]);
                l.setLong(2, row[1]);
                l.executeUpdate();
            }
            s.execute("update trail_log_state set size = " + size);
            owner.commit();
        }
    }

    private static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(HexFormat.of()::parseHex).toList();
    }
}
