package org.openysb.intake.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.model.RepeatSketch;
import org.openysb.intake.model.TextSimilarity;

/**
 * Stores the near-duplicate keys ({@link RepeatSketch}) of the unkeyed cases within the repeat window — cases stored
 * before the keys existed, or whose keys a migration dropped because the sketch changed — and marks them keyed, in
 * chunks of {@link #CHUNK}, each in its own transaction; instances share the work ({@code for update skip locked}).
 * Until a case is keyed, repeat detection compares it the way unkeyed cases are compared (the district's newest).
 * Cases older than the window are left unkeyed: they are never candidates.
 */
@ApplicationScoped
public class RepeatKeyBackfill {
    private static final Logger LOG = Logger.getLogger(RepeatKeyBackfill.class);
    static final int CHUNK = 500;

    private final AgroalDataSource dataSource;
    private final IntakeConfig.Repeats config;

    public RepeatKeyBackfill(AgroalDataSource dataSource, IntakeConfig config) {
        this.dataSource = dataSource;
        this.config = config.repeats();
    }

    @Scheduled(
            identity = "repeat-key-backfill",
            every = "${intake.repeats.backfill-interval:1m}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int keyed = keyAll();
            if (keyed > 0) {
                LOG.infof("stored near-duplicate keys of %d cases within the repeat window", keyed);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("near-duplicate key backfill failed, will retry: %s", e.getMessage());
        }
    }

    /** Keys every unkeyed case within the window; returns how many it keyed. */
    public int keyAll() throws SQLException {
        int total = 0;
        int keyed;
        do {
            keyed = keyChunk();
            total += keyed;
        } while (keyed == CHUNK);
        return total;
    }

    private record Unkeyed(long id, String district, OffsetDateTime receivedAt, String text) {}

    private int keyChunk() throws SQLException {
        // a day's margin beyond the window: a case received a little earlier may still be a candidate of a call or a
        // letter whose received time lies in the past
        OffsetDateTime since = OffsetDateTime.now(ComplaintService.CHINA)
                .minus(config.window())
                .minusDays(1);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Unkeyed> cases = new ArrayList<>();
                try (PreparedStatement s = connection.prepareStatement("select id, district, received_at, title,"
                        + " content from complaint where not repeat_keyed and received_at >= ?"
                        + " order by id limit ? for update skip locked")) {
                    s.setObject(1, since);
                    s.setInt(2, CHUNK);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            cases.add(new Unkeyed(
                                    r.getLong(1),
                                    r.getString(2),
                                    r.getObject(3, OffsetDateTime.class),
                                    r.getString(4) + "\n" + r.getString(5)));
                        }
                    }
                }
                if (cases.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Long> keyIds = new ArrayList<>();
                List<Long> keys = new ArrayList<>();
                List<String> keyTimes = new ArrayList<>();
                for (Unkeyed c : cases) {
                    ids.add(c.id());
                    long[] own = RepeatSketch.keys(
                            c.district(), RepeatSketch.signature(TextSimilarity.bigramCodes(c.text())));
                    String receivedAt = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.receivedAt());
                    for (long key : own) {
                        keyIds.add(c.id());
                        keyTimes.add(receivedAt);
                        keys.add(key);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                                "insert into complaint_repeat_key (key, received_at, complaint_id) select * from"
                                        + " unnest(cast(? as bigint[]), cast(cast(? as text[]) as timestamptz[]),"
                                        + " cast(? as bigint[]))");
                        PreparedStatement mark = connection.prepareStatement(
                                "update complaint set repeat_keyed = true where id = any(cast(? as bigint[]))")) {
                    insert.setArray(1, connection.createArrayOf("int8", keys.toArray(Long[]::new)));
                    insert.setArray(2, connection.createArrayOf("text", keyTimes.toArray(String[]::new)));
                    insert.setArray(3, connection.createArrayOf("int8", keyIds.toArray(Long[]::new)));
                    insert.executeUpdate();
                    mark.setArray(1, connection.createArrayOf("int8", ids.toArray(Long[]::new)));
                    mark.executeUpdate();
                }
                connection.commit();
                return cases.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
