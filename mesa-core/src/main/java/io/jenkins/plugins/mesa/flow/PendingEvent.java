package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted event waiting for its due time: a disconnect in its hold-down (a pending revert), or
 * a connect/restart waiting for Mist to learn the AP's LLDP neighbour. At most one per AP.
 *
 * @param event      the webhook event
 * @param receivedAt when MESA accepted it
 * @param dueAt      when {@link EventFlow#runDue()} acts on it
 */
public record PendingEvent(ApEvent event, Instant receivedAt, Instant dueAt) {
    public PendingEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    public boolean isRevert() {
        return event.kind() == ApEvent.Kind.DISCONNECTED;
    }
}
