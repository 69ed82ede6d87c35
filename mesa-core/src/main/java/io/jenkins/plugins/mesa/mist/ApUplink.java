package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;

/**
 * Where an AP is plugged in, as the AP's own LLDP data in Mist says.
 *
 * @param ap          the AP
 * @param siteId      the site the AP was found at (differs from the event's when the AP moved site)
 * @param switchName  LLDP system name of the upstream switch
 * @param switchMac   LLDP chassis id of the upstream switch
 * @param port        the switch interface (from {@code port_id}, or {@code port_desc} when only that names an interface)
 * @param mgmtAddress the switch's LLDP management address; empty when Mist has none
 */
public record ApUplink(MacAddress ap, String siteId, String switchName, MacAddress switchMac, InterfaceName port,
                       String mgmtAddress) {
}
