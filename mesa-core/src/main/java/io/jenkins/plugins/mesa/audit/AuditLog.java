package io.jenkins.plugins.mesa.audit;

import java.util.List;
import java.util.Optional;

/**
 * Where audit records are kept. In memory for tests ({@link InMemoryAuditLog}); the hosts supply
 * durable ones (SQLite in {@code mesa serve}, the Jenkins home in the plugin). Implementations must
 * be safe to call from several threads.
 */
public interface AuditLog {

    /**
     * Stores the record unless one with the same id is already stored. After a crash the flow redoes the
     * interrupted step, and the redo's record (e.g. "already in profile") must not overwrite the first one
     * (which saw the actual change).
     */
    void append(AuditRecord record);

    Optional<AuditRecord> find(String id);

    /** The newest {@code limit} records, newest first (by {@code decidedAt}, then insertion). */
    List<AuditRecord> recent(int limit);
}
