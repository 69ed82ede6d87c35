package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;

/**
 * A switch port as the switch side sees it (Mist Wired Assurance port stats, or the switch's own
 * LLDP table).
 *
 * @param neighbourMac the LLDP neighbour's chassis id, or {@code null} when the port has no neighbour
 * @param source       where the answer came from, e.g. {@code mist-port-stats} or {@code netconf-lldp}
 */
public record SwitchPortStatus(MacAddress switchMac, InterfaceName port, boolean up, MacAddress neighbourMac,
                               String source) {
}
