package io.jenkins.plugins.mesa.cli.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;

/**
 * The tables, created or brought up to date when a store opens. {@code schema_version} holds one row: the version
 * of the layout. Each migration runs in its own transaction together with the version bump, so a crash mid-way
 * leaves the previous version intact; a database from a newer MESA is refused untouched.
 */
final class Schema {
    /** The layout this build writes. Add a migration (never edit one) to change it. */
    static final int CURRENT = 1;

    private Schema() {
    }

    /**
     * Migrations by version: {@code migrations(d).get(v - 1)} takes the database from version {@code v - 1} to {@code v}.
     * Plain SQL that SQLite and PostgreSQL both accept; instants are fixed-width text ({@link InstantText}).
     */
    static List<List<String>> migrations(Dialect d) {
        return List.of(List.of(
                """
                CREATE TABLE intake_queue (
                  id %s,
                  body %s NOT NULL,
                  headers_json TEXT NOT NULL,
                  received_at VARCHAR(40) NOT NULL,
                  deliveries INTEGER NOT NULL DEFAULT 0
                )""".formatted(d.autoIdColumn(), d.bytesType()),
                """
                CREATE TABLE port_assignment (
                  ap VARCHAR(12) NOT NULL PRIMARY KEY,
                  ap_name TEXT NOT NULL,
                  site_id TEXT NOT NULL,
                  switch_name TEXT NOT NULL,
                  switch_mac VARCHAR(12),
                  port VARCHAR(32) NOT NULL,
                  profile TEXT NOT NULL,
                  assigned_at VARCHAR(40) NOT NULL
                )""",
                "CREATE INDEX port_assignment_by_port ON port_assignment (switch_name, port)",
                """
                CREATE TABLE pending_event (
                  ap VARCHAR(12) NOT NULL PRIMARY KEY,
                  event_id TEXT NOT NULL,
                  event_json TEXT NOT NULL,
                  received_at VARCHAR(40) NOT NULL,
                  due_at VARCHAR(40) NOT NULL,
                  attempt INTEGER NOT NULL,
                  last_failure TEXT NOT NULL
                )""",
                "CREATE INDEX pending_event_by_due ON pending_event (due_at, received_at)",
                """
                CREATE TABLE dedup_key (
                  event_key TEXT NOT NULL PRIMARY KEY,
                  seen_at VARCHAR(40) NOT NULL
                )""",
                "CREATE INDEX dedup_key_by_time ON dedup_key (seen_at)",
                """
                CREATE TABLE site_disconnect (
                  event_id TEXT NOT NULL PRIMARY KEY,
                  site_id TEXT NOT NULL,
                  ap VARCHAR(12) NOT NULL,
                  went_at VARCHAR(40) NOT NULL
                )""",
                "CREATE INDEX site_disconnect_by_site ON site_disconnect (site_id, went_at)",
                "CREATE INDEX site_disconnect_by_time ON site_disconnect (went_at)",
                """
                CREATE TABLE held_disconnect (
                  event_id TEXT NOT NULL PRIMARY KEY,
                  event_json TEXT NOT NULL,
                  received_at VARCHAR(40) NOT NULL,
                  held_at VARCHAR(40) NOT NULL,
                  site_ap_total INTEGER NOT NULL
                )""",
                """
                CREATE TABLE audit_record (
                  seq %s,
                  id TEXT NOT NULL UNIQUE,
                  decided_at VARCHAR(40) NOT NULL,
                  outcome VARCHAR(32) NOT NULL,
                  ap VARCHAR(12) NOT NULL,
                  site TEXT NOT NULL,
                  record_json TEXT NOT NULL
                )""".formatted(d.autoIdColumn()),
                "CREATE INDEX audit_record_by_time ON audit_record (decided_at, seq)",
                "CREATE INDEX audit_record_by_ap ON audit_record (ap, decided_at)",
                "CREATE INDEX audit_record_by_site ON audit_record (site, decided_at)",
                "CREATE INDEX audit_record_by_outcome ON audit_record (outcome, decided_at)"));
    }

    /**
     * Brings the database to {@link #CURRENT}.
     *
     * @return the version found before (0 for a new database)
     * @throws StoreVersionException when the database is newer than this build
     */
    static int migrate(Database db) {
        int known = migrations(db.dialect()).size();
        if (known != CURRENT) {
            throw new IllegalStateException("schema has " + known + " migrations but CURRENT is " + CURRENT);
        }
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            }
            return null;
        });
        int before = db.read(Schema::version).orElse(0);
        refuseNewer(db, before);
        for (int v = before + 1; v <= CURRENT; v++) {
            int target = v;
            db.write(c -> {
                // read again inside the write lock: another process may have migrated meanwhile
                int now = version(c).orElse(0);
                refuseNewer(db, now);
                if (now >= target) {
                    return null;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : migrations(db.dialect()).get(target - 1)) {
                        s.execute(sql);
                    }
                    s.execute("DELETE FROM schema_version");
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
                    p.setInt(1, target);
                    p.executeUpdate();
                }
                return null;
            });
        }
        return before;
    }

    static OptionalInt version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            if (r.next()) {
                int v = r.getInt(1);
                return r.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
            }
            return OptionalInt.empty();
        }
    }

    private static void refuseNewer(Database db, int found) {
        if (found > CURRENT) {
            throw new StoreVersionException(db.name(), found, CURRENT);
        }
    }
}
