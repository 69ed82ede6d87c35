package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.audit.AuditFormatException;
import io.jenkins.plugins.mesa.audit.AuditJson;
import io.jenkins.plugins.mesa.audit.AuditLog;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link AuditLog} in table {@code audit_record}: each record as {@link AuditJson} plus the columns a query
 * filters on (id, decided_at, outcome, ap, site), so {@code mesa audit --since …} reads an index, not every row.
 * A row whose JSON does not parse is reported as an {@link AuditFormatException} naming the row.
 */
public final class SqlAuditLog implements AuditLog {
    private final Database db;

    SqlAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void append(AuditRecord record) {
        String json = AuditJson.write(record);
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_record (id, decided_at, outcome, ap, site,"
                    + " record_json) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                p.setString(1, record.id());
                p.setString(2, InstantText.of(record.decidedAt()));
                p.setString(3, record.outcome().name());
                p.setString(4, record.event().apMac() == null ? "" : record.event().apMac());
                p.setString(5, record.event().siteId() == null ? "" : record.event().siteId());
                p.setString(6, json);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public Optional<AuditRecord> find(String id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, record_json FROM audit_record WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<AuditRecord> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return query("SELECT id, record_json FROM audit_record ORDER BY decided_at DESC, seq DESC LIMIT ?",
                null, limit);
    }

    /**
     * Records decided at or after {@code from}, oldest first (by decision time, then insertion), at most
     * {@code limit} of them: what {@code mesa audit --since} lists.
     */
    public List<AuditRecord> since(Instant from, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return query("SELECT id, record_json FROM audit_record WHERE decided_at >= ? ORDER BY decided_at, seq LIMIT ?",
                InstantText.of(from), limit);
    }

    private List<AuditRecord> query(String sql, String from, int limit) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                if (from != null) {
                    p.setString(i++, from);
                }
                p.setInt(i, limit);
                List<AuditRecord> found = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        found.add(row(r));
                    }
                }
                return List.copyOf(found);
            }
        });
    }

    private static AuditRecord row(ResultSet r) throws SQLException {
        String id = r.getString(1);
        try {
            return AuditJson.read(r.getString(2));
        } catch (AuditFormatException | IllegalArgumentException | NullPointerException e) {
            throw new AuditFormatException("audit_record row " + Printable.of(id) + " in the store: " + e.getMessage(),
                    e);
        }
    }
}
