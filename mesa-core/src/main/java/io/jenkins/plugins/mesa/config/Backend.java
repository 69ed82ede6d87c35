package io.jenkins.plugins.mesa.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** The three ways MESA changes a switch port; {@link #id()} is the spelling in configuration and audit records. */
public enum Backend {
    /** NETCONF over SSH to the switch (Junos). */
    JUNOS("junos"),
    /** Juniper Contrail Service Orchestration. */
    CSO("cso"),
    /** The Mist API, for switches whose configuration Mist manages. */
    MIST("mist");

    private final String id;

    Backend(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
