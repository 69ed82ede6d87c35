package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted event waiting for its due time: a disconnect in its hold-down (a pending revert), a
 * connect/restart waiting for Mist to learn the AP's LLDP neighbour, or either one waiting to be retried
 * after a transient failure. At most one per AP.
 *
 * @param event       the webhook event
 * @param receivedAt  when MESA accepted it
 * @param dueAt       when {@link EventFlow#runDue()} acts on it
 * @param attempt     how many attempts failed transiently before (0 for the first try)
 * @param lastFailure the reason code of the last failed attempt; empty on the first try
 */
public record PendingEvent(ApEvent event, Instant receivedAt, Instant dueAt, int attempt, String lastFailure) {
    public PendingEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative, was " + attempt);
        }
        lastFailure = lastFailure == null ? "" : lastFailure;
    }

    /** A first try. */
    public PendingEvent(ApEvent event, Instant receivedAt, Instant dueAt) {
        this(event, receivedAt, dueAt, 0, "");
    }

    public boolean isRevert() {
        return event.kind() == ApEvent.Kind.DISCONNECTED;
    }

    /** The same event, to be tried again at {@code dueAt} after a failure with reason {@code failure}. */
    public PendingEvent retry(Instant retryAt, String failure) {
        return new PendingEvent(event, receivedAt, retryAt, attempt + 1, failure);
    }
}
