package io.jenkins.plugins.mesa.flow;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link DedupLog} in memory; lost on exit. */
public final class InMemoryDedupLog implements DedupLog {
    private final Map<String, Instant> seen = new HashMap<>();

    @Override
    public synchronized Optional<Instant> firstSeen(String key) {
        return Optional.ofNullable(seen.get(key));
    }

    @Override
    public synchronized void remember(String key, Instant at) {
        seen.put(key, at);
    }

    @Override
    public synchronized void forgetBefore(Instant cutoff) {
        seen.values().removeIf(t -> t.isBefore(cutoff));
    }

    synchronized int size() {
        return seen.size();
    }
}
