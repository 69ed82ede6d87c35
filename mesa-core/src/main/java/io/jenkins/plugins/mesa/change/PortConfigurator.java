package io.jenkins.plugins.mesa.change;

/**
 * Applies a profile to one switch port. Implemented once per back-end: Junos NETCONF, Juniper
 * CSO and the Mist API (for Mist-managed switches). Implementations serialise changes per switch,
 * never throw for a failed change (they return a {@link ChangeResult} naming the failed stage and
 * the state the switch was left in), and throw only for a request they cannot understand
 * (unknown profile, invalid variables).
 */
public interface PortConfigurator {

    /** Short name used in configuration and audit records: {@code junos}, {@code cso} or {@code mist}. */
    String backend();

    ChangeResult apply(ChangeRequest request);
}
