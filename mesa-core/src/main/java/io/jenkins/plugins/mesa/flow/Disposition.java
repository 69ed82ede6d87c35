package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import java.time.Instant;
import java.util.List;

/**
 * What {@link EventFlow#accept} did with an event.
 *
 * @param status  queued, joined, duplicate or stale
 * @param dueAt   when the queued (or joined) item will be acted on; null for duplicate and stale
 * @param written audit records written while accepting (the duplicate's, or the pending event the new one cancelled)
 */
public record Disposition(Status status, Instant dueAt, List<AuditRecord> written) {

    public enum Status {
        /** Pending until {@code dueAt}: a revert in its hold-down, or a lookup waiting for Mist. */
        QUEUED,
        /** An event of the same direction was already pending for the AP; this one joined it. */
        JOINED,
        /** Already handled within the dedup window. */
        DUPLICATE,
        /** Older than the opposite event already pending for the AP: an out-of-order delivery, ignored. */
        STALE
    }

    public Disposition {
        written = List.copyOf(written);
    }
}
