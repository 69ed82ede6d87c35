package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MacAddress;

/**
 * A switch as MESA needs to know it to change a port.
 *
 * @param name           system name / hostname
 * @param mac            switch MAC (for a virtual chassis, the member MAC that was asked for)
 * @param deviceId       Mist device id (virtual-chassis aware)
 * @param siteId         Mist site id
 * @param managementHost host or address for NETCONF (configuration override first, then Mist's data)
 * @param mistManaged    true when Mist owns the configuration (change it through the Mist API)
 */
public record SwitchInfo(String name, MacAddress mac, String deviceId, String siteId, String managementHost,
                         boolean mistManaged) {
}
