package io.jenkins.plugins.mesa.change;

import io.jenkins.plugins.mesa.MacAddress;
import java.util.Objects;

/**
 * One port of one switch, as MESA addresses it. {@code switchName} is the LLDP/Mist system name
 * (the key for per-switch configuration: host, credentials, host-key pin, back-end);
 * {@code switchMac} is the switch's chassis MAC as Mist knows it.
 */
public record SwitchPort(String switchName, MacAddress switchMac, InterfaceName port) {
    public SwitchPort {
        Objects.requireNonNull(switchName, "switchName");
        Objects.requireNonNull(port, "port");
        if (switchName.isBlank()) {
            throw new IllegalArgumentException("switch name is blank");
        }
    }

    @Override
    public String toString() {
        return switchName + " " + port;
    }
}
