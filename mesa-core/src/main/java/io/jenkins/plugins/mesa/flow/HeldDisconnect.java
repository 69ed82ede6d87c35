package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A disconnect whose revert the outage guard stopped. It waits here until its burst is over, then
 * the burst's held disconnects are written as one audit record.
 *
 * @param event       the disconnect
 * @param receivedAt  when MESA accepted it
 * @param heldAt      when the outage guard stopped it
 * @param siteApTotal the site's AP count Mist reported then (0 when unknown)
 */
public record HeldDisconnect(ApEvent event, Instant receivedAt, Instant heldAt, int siteApTotal) {
    public HeldDisconnect {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(heldAt, "heldAt");
    }
}
