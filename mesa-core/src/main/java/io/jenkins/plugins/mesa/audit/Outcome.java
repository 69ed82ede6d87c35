package io.jenkins.plugins.mesa.audit;

/** How the handling of an event ended, as the audit trail and notifications report it. */
public enum Outcome {
    /** At least one port was changed. */
    CHANGED("changed"),
    /** The port already had the profile, or nothing needed doing. */
    UNCHANGED("unchanged"),
    /** Not reverted: the site is in an outage. */
    SKIPPED_OUTAGE("skipped: site outage"),
    /** Not reverted: the switch side still sees the AP on the port (or cannot tell). */
    SKIPPED_LLDP("skipped: AP still on LLDP"),
    /** Not reverted: the port now serves another AP. */
    SKIPPED_PORT_IN_USE("skipped: port serves another AP"),
    /** A pending action was called off (the AP came back inside the hold-down, or the event was superseded). */
    CANCELLED("cancelled"),
    /** The event was already handled, or joined an action already pending for the AP. */
    DUPLICATE("duplicate"),
    /** A lookup or a change failed; {@code reason} says which. */
    FAILED("failed");

    private final String text;

    Outcome(String text) {
        this.text = text;
    }

    /** Lowercase text for humans. */
    public String text() {
        return text;
    }
}
