package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.guard.SiteDisconnect;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link OutageLog} in memory; lost on exit. */
public final class InMemoryOutageLog implements OutageLog {
    private final Map<String, SiteDisconnect> disconnects = new LinkedHashMap<>();
    private final Map<String, HeldDisconnect> held = new LinkedHashMap<>();

    @Override
    public synchronized void recordDisconnect(SiteDisconnect disconnect) {
        disconnects.putIfAbsent(disconnect.eventId(), disconnect);
    }

    @Override
    public synchronized List<SiteDisconnect> disconnects(String siteId, Instant from) {
        return disconnects.values().stream()
                .filter(d -> d.siteId().equals(siteId) && !d.at().isBefore(from))
                .sorted(Comparator.comparing(SiteDisconnect::at))
                .toList();
    }

    @Override
    public synchronized void hold(HeldDisconnect h) {
        held.put(h.event().eventId(), h);
    }

    @Override
    public synchronized List<HeldDisconnect> held() {
        return held.values().stream().sorted(Comparator.comparing(HeldDisconnect::heldAt)).toList();
    }

    @Override
    public synchronized void release(String eventId) {
        held.remove(eventId);
    }

    @Override
    public synchronized void forgetBefore(Instant cutoff) {
        disconnects.values().removeIf(d -> d.at().isBefore(cutoff));
    }
}
