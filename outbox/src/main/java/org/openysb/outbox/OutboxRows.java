package org.openysb.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The one statement that writes the outbox table: any number of events in one round trip, in the given order (the
 * order the relay publishes them in). {@link Outbox} runs it on its own ({@link #insert}); a batch that writes its
 * own rows in a single statement embeds {@link #INSERT} as a data-modifying {@code with} query and binds its
 * {@value #PARAMETERS} parameters with {@link #bind}.
 */
public final class OutboxRows {
    /**
     * One event as the relay publishes it: to {@code topic}, keyed by {@code key} (the case number), the CloudEvent
     * {@code payload} in JSON (see {@link Outbox#row}).
     */
    public record Row(UUID id, String topic, String key, String eventType, String payload) {}

    /** How many parameters {@link #INSERT} has, bound by {@link #bind}. */
    public static final int PARAMETERS = 5;

    /** Inserts the rows bound by {@link #bind} (one array per column), in their order. */
    public static final String INSERT = "insert into outbox_event (id, topic, message_key, event_type, payload)"
            + " select e.id, e.topic, e.message_key, e.event_type, e.payload from unnest(cast(? as uuid[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))"
            + " with ordinality as e(id, topic, message_key, event_type, payload, ord) order by ord";

    private OutboxRows() {}

    /**
     * Binds the rows to {@link #INSERT}'s parameters, the first of which is {@code first} in {@code statement}.
     *
     * @return the index of the statement's next parameter
     */
    public static int bind(Connection connection, PreparedStatement statement, int first, List<Row> rows)
            throws SQLException {
        int n = rows.size();
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = r.id().toString();
            topics[i] = r.topic();
            keys[i] = r.key();
            types[i] = r.eventType();
            payloads[i] = r.payload();
        }
        int p = first;
        statement.setArray(p++, connection.createArrayOf("text", ids));
        statement.setArray(p++, connection.createArrayOf("text", topics));
        statement.setArray(p++, connection.createArrayOf("text", keys));
        statement.setArray(p++, connection.createArrayOf("text", types));
        statement.setArray(p++, connection.createArrayOf("text", payloads));
        return p;
    }

    /** Writes the rows in one statement on the caller's connection and transaction. */
    public static void insert(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            bind(connection, statement, 1, rows);
            statement.executeUpdate();
        }
    }
}
