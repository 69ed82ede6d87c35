package io.jenkins.plugins.mesa.change;

/** What the switch port was left with after a change attempt. */
public enum SwitchState {
    /** Nothing was committed, or it was rolled back: the port is as it was. */
    BEFORE,
    /** The requested profile is active. */
    AFTER,
    /**
     * A confirmed commit could not be confirmed; the switch holds the new configuration until the
     * confirm timer expires, then rolls back by itself to the before-state.
     */
    ROLLBACK_PENDING,
    /** The connection was lost at a point where the outcome cannot be known (e.g. during commit). */
    UNKNOWN
}
