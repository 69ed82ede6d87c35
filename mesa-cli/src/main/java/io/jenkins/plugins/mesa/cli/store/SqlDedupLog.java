package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.flow.DedupLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The {@link DedupLog} in table {@code dedup_key}. */
final class SqlDedupLog implements DedupLog {
    private final Database db;

    SqlDedupLog(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Instant> firstSeen(String key) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT seen_at FROM dedup_key WHERE event_key = ?")) {
                p.setString(1, key);
                try (ResultSet r = p.executeQuery()) {
                    return r.next()
                            ? Optional.of(InstantText.parse(r.getString(1), "dedup_key row " + Printable.of(key)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void remember(String key, Instant at) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO dedup_key (event_key, seen_at) VALUES (?, ?)"
                    + " ON CONFLICT (event_key) DO UPDATE SET seen_at = excluded.seen_at")) {
                p.setString(1, key);
                p.setString(2, InstantText.of(at));
                return p.executeUpdate();
            }
        });
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM dedup_key WHERE seen_at < ?")) {
                p.setString(1, InstantText.of(cutoff));
                return p.executeUpdate();
            }
        });
    }
}
