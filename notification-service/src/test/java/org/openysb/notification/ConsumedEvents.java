package org.openysb.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the service has consumed an event (its inbox row, committed with whatever the event caused). */
@ApplicationScoped
public class ConsumedEvents {
    private final DataSource dataSource;

    public ConsumedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean consumed(String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from consumed_event where consumer = 'notification' and event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
