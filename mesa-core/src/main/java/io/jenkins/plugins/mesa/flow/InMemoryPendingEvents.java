package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.MacAddress;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PendingEvents} in memory; lost on exit. */
public final class InMemoryPendingEvents implements PendingEvents {
    private final Map<MacAddress, PendingEvent> byAp = new HashMap<>();

    @Override
    public synchronized void put(PendingEvent pending) {
        byAp.put(pending.event().ap(), pending);
    }

    @Override
    public synchronized Optional<PendingEvent> forAp(MacAddress ap) {
        return Optional.ofNullable(byAp.get(ap));
    }

    @Override
    public synchronized List<PendingEvent> all() {
        return byAp.values().stream()
                .sorted(Comparator.comparing(PendingEvent::dueAt).thenComparing(PendingEvent::receivedAt))
                .toList();
    }

    @Override
    public synchronized void remove(PendingEvent pending) {
        PendingEvent current = byAp.get(pending.event().ap());
        if (current != null && current.event().eventId().equals(pending.event().eventId())) {
            byAp.remove(pending.event().ap());
        }
    }
}
