package io.jenkins.plugins.mesa.guard;

/** What one stage of the event flow concluded. */
public enum Verdict {
    /** Go on to the next stage. */
    PROCEED,
    /** Act later, when the item falls due (hold-down, lookup delay). */
    WAIT,
    /** Leave the port alone (duplicate, cancelled, outage, AP still plugged in, …). */
    STOP
}
