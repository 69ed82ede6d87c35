package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import java.util.Optional;

/**
 * The questions MESA asks Mist, answered over the Mist REST API by {@code MistClient}. Failures
 * (after bounded retries) are thrown as typed {@code MistApiException}s; "not found" is an empty
 * Optional.
 */
public interface MistLookups {

    /**
     * The AP's upstream switch and port from its device stats ({@code lldp_stat}/{@code lldp_stats}).
     * When the AP is not at {@code siteId}, falls back to the org inventory to find its current site.
     */
    Optional<ApUplink> apUplink(String orgId, String siteId, MacAddress ap);

    /** The switch with this MAC (virtual-chassis aware), with its management host and whether Mist manages it. */
    Optional<SwitchInfo> switchByMac(String orgId, MacAddress switchMac);

    /** Total and connected APs of a site. */
    SiteApCounts siteApCounts(String siteId);

    /** The port's link state and LLDP neighbour from Wired Assurance port stats; empty when Mist has no such port. */
    Optional<SwitchPortStatus> switchPort(String siteId, MacAddress switchMac, InterfaceName port);
}
