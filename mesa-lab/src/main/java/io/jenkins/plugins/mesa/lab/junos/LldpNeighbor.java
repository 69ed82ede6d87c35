package io.jenkins.plugins.mesa.lab.junos;

/**
 * One row of the simulated switch's LLDP neighbour table.
 *
 * @param localPort       the switch interface, e.g. {@code ge-0/0/10}
 * @param chassisId       the neighbour's chassis id as Junos prints it (colon MAC)
 * @param portId          the neighbour's port id
 * @param systemName      the neighbour's system name
 */
public record LldpNeighbor(String localPort, String chassisId, String portId, String systemName) {
}
