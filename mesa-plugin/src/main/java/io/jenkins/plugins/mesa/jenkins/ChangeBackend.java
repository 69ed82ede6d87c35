package io.jenkins.plugins.mesa.jenkins;

/** How MESA changes a switch port: NETCONF to the switch itself, a Juniper CSO deploy, or the Mist API. */
public enum ChangeBackend {
    JUNOS("Junos NETCONF (direct to the switch)"),
    CSO("Juniper CSO"),
    MIST("Mist API (Mist-managed switch)");

    private final String label;

    ChangeBackend(String label) {
        this.label = label;
    }

    /** Shown in the configuration form's drop-down. */
    public String label() {
        return label;
    }
}
