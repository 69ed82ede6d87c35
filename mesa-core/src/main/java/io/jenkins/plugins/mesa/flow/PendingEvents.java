package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.MacAddress;
import java.util.List;
import java.util.Optional;

/**
 * Events waiting for their due time, at most one per AP. Kept durably by the hosts so that a restart
 * (even kill -9) does not forget a pending revert; every flow step is idempotent, so an item that was
 * acted on but not yet removed when the process died is simply acted on again. Thread-safe.
 */
public interface PendingEvents {

    /** Stores the item as the AP's pending event, replacing any other for that AP. */
    void put(PendingEvent pending);

    Optional<PendingEvent> forAp(MacAddress ap);

    /** All pending items, earliest {@code dueAt} first (ties: earliest {@code receivedAt}). */
    List<PendingEvent> all();

    /** Removes the AP's pending item if it is still this one (same event id); otherwise does nothing. */
    void remove(PendingEvent pending);
}
