package io.jenkins.plugins.mesa.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link AuditLog} in memory: for tests and the lab. Everything is lost on exit. */
public final class InMemoryAuditLog implements AuditLog {
    private final Map<String, AuditRecord> byId = new LinkedHashMap<>();

    @Override
    public synchronized void append(AuditRecord record) {
        byId.putIfAbsent(record.id(), record);
    }

    @Override
    public synchronized Optional<AuditRecord> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<AuditRecord> recent(int limit) {
        List<AuditRecord> all = new ArrayList<>(byId.values());
        Collections.reverse(all);
        // stable sort keeps insertion order (newest first) among equal times
        all.sort((a, b) -> b.decidedAt().compareTo(a.decidedAt()));
        return List.copyOf(all.subList(0, Math.min(Math.max(limit, 0), all.size())));
    }

    /** All records in the order written (oldest first). */
    public synchronized List<AuditRecord> all() {
        return List.copyOf(byId.values());
    }
}
