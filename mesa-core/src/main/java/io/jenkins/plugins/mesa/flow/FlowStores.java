package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.audit.AuditLog;
import io.jenkins.plugins.mesa.audit.InMemoryAuditLog;
import java.util.Objects;

/**
 * Everything the flow remembers, each behind its own small interface so a host can keep it durably
 * (SQLite in {@code mesa serve}, files in the Jenkins home). The flow writes state so that a crash
 * between two writes is repaired by redoing the step: the pending item is removed last.
 */
public record FlowStores(PortRegistry registry, PendingEvents pending, DedupLog dedup, OutageLog outages,
                         AuditLog audit) {
    public FlowStores {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(dedup, "dedup");
        Objects.requireNonNull(outages, "outages");
        Objects.requireNonNull(audit, "audit");
    }

    /** Fresh in-memory stores (tests, the lab). */
    public static FlowStores inMemory() {
        return new FlowStores(new InMemoryPortRegistry(), new InMemoryPendingEvents(), new InMemoryDedupLog(),
                new InMemoryOutageLog(), new InMemoryAuditLog());
    }
}
