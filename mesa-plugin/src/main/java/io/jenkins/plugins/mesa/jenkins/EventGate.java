package io.jenkins.plugins.mesa.jenkins;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The webhook-side decisions MESA makes before anything is queued: has this event been handled already
 * (dedup within a time window), and is this disconnect part of a site outage (a burst of disconnects at one
 * site within the outage window). State is kept in {@link MesaState}, so both survive a restart.
 *
 * <p>The outage rule here counts distinct APs that disconnected at the site inside the sliding window; the
 * ratio rule (share of the site's APs, from Mist site stats) is applied later, in the run, by
 * {@code mistCheckOutage}, because it needs a Mist API call that must not happen on the webhook thread.
 */
public final class EventGate {
    private final MesaState state;
    private final Clock clock;

    public EventGate(MesaState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** True when the event id was not delivered before within {@code window}; records it. */
    public boolean firstDelivery(String eventId, Duration window) {
        long now = clock.millis();
        return state.recordDelivery(eventId, now, now - window.toMillis());
    }

    /**
     * Records that {@code apMac} disconnected at {@code siteId} now, and returns the site's outage state after
     * this disconnect. Once declared, an outage lasts until a whole window passes without a disconnect.
     */
    public OutageStatus recordDisconnect(String siteId, String apMac, OutageRule rule) {
        long now = clock.millis();
        long windowStart = now - rule.window().toMillis();
        MesaState.SiteWindow w = state.window(siteId);
        boolean quietSinceLast = w.disconnects.values().stream().allMatch(t -> t < windowStart);
        if (quietSinceLast) {
            w.declaredAtMillis = 0;
        }
        w.disconnects.values().removeIf(t -> t < windowStart);
        w.disconnects.remove(apMac); // re-insert: order of arrival reflects the latest disconnect
        w.disconnects.put(apMac, now);
        boolean outage = w.declaredAtMillis != 0 || w.disconnects.size() >= rule.thresholdCount();
        boolean newlyDeclared = outage && w.declaredAtMillis == 0;
        if (newlyDeclared) {
            w.declaredAtMillis = now;
        }
        state.storeWindow(siteId, w);
        return new OutageStatus(outage, newlyDeclared, w.declaredAtMillis, List.copyOf(w.aps()), rule);
    }

    /** An AP that came back is no longer part of its site's disconnect burst. */
    public void recordReconnect(String siteId, String apMac) {
        MesaState.SiteWindow w = state.window(siteId);
        if (w.disconnects.remove(apMac) != null) {
            state.storeWindow(siteId, w);
        }
    }

    /** The outage rule: this many distinct APs disconnected within this window. */
    public record OutageRule(Duration window, int thresholdCount) {}

    /**
     * The site's state after a disconnect.
     *
     * @param outage         the site is in an outage now
     * @param newlyDeclared  this disconnect is the one that crossed the threshold
     * @param declaredAtMillis when the outage was declared (epoch millis; 0 = no outage)
     * @param aps            distinct APs disconnected inside the window, in order of arrival
     */
    public record OutageStatus(
            boolean outage, boolean newlyDeclared, long declaredAtMillis, List<String> aps, OutageRule rule) {
        /** Figures for the audit trail. */
        public Map<String, Object> figures() {
            return Map.of(
                    "disconnectedInWindow",
                    aps.size(),
                    "thresholdCount",
                    rule.thresholdCount(),
                    "windowSeconds",
                    rule.window().toSeconds(),
                    "outage",
                    outage);
        }
    }
}
