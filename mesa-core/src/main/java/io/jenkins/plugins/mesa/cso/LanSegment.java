package io.jenkins.plugins.mesa.cso;

import java.util.Objects;

/** A CSO LAN segment of a device: its uuid, name and VLAN id. */
public record LanSegment(String uuid, String name, int vlan) {
    public LanSegment {
        Objects.requireNonNull(uuid, "uuid");
        name = name == null || name.isBlank() ? "vlan" + vlan : name;
    }

    @Override
    public String toString() {
        return name + "(" + vlan + ")";
    }
}
