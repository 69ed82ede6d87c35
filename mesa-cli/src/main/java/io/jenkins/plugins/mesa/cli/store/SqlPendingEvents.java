package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.flow.PendingEvent;
import io.jenkins.plugins.mesa.flow.PendingEvents;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link PendingEvents} in table {@code pending_event}, one row per AP; the hold-downs a restart resumes. */
final class SqlPendingEvents implements PendingEvents {
    private static final String COLUMNS = "ap, event_json, received_at, due_at, attempt, last_failure";

    private final Database db;

    SqlPendingEvents(Database db) {
        this.db = db;
    }

    @Override
    public void put(PendingEvent pending) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO pending_event (ap, event_id, event_json,"
                    + " received_at, due_at, attempt, last_failure) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (ap) DO UPDATE SET event_id = excluded.event_id, event_json = excluded.event_json,"
                    + " received_at = excluded.received_at, due_at = excluded.due_at, attempt = excluded.attempt,"
                    + " last_failure = excluded.last_failure")) {
                p.setString(1, pending.event().ap().value());
                p.setString(2, pending.event().eventId());
                p.setString(3, EventJson.write(pending.event()));
                p.setString(4, InstantText.of(pending.receivedAt()));
                p.setString(5, InstantText.of(pending.dueAt()));
                p.setInt(6, pending.attempt());
                p.setString(7, pending.lastFailure());
                return p.executeUpdate();
            }
        });
    }

    @Override
    public Optional<PendingEvent> forAp(MacAddress ap) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM pending_event WHERE ap = ?")) {
                p.setString(1, ap.value());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<PendingEvent> all() {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM pending_event ORDER BY due_at, received_at, ap");
                 ResultSet r = p.executeQuery()) {
                List<PendingEvent> found = new ArrayList<>();
                while (r.next()) {
                    found.add(row(r));
                }
                return List.copyOf(found);
            }
        });
    }

    @Override
    public void remove(PendingEvent pending) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM pending_event WHERE ap = ? AND event_id = ?")) {
                p.setString(1, pending.event().ap().value());
                p.setString(2, pending.event().eventId());
                return p.executeUpdate();
            }
        });
    }

    private static PendingEvent row(ResultSet r) throws SQLException {
        String where = "pending_event row of AP " + Printable.of(r.getString(1));
        try {
            return new PendingEvent(EventJson.read(r.getString(2), where), InstantText.parse(r.getString(3), where),
                    InstantText.parse(r.getString(4), where), r.getInt(5), r.getString(6));
        } catch (IllegalArgumentException e) {
            throw new StoreCorruptException(where + ": " + e.getMessage(), e);
        }
    }
}
