package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.mist.MistLookups;
import io.jenkins.plugins.mesa.mist.SwitchInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to reach a switch configured without a {@code host}: its management address as some source
 * (Mist) reports it. The answer only says where to connect; whether the peer is the switch is still
 * decided by the configured host-key pin.
 */
@FunctionalInterface
public interface HostResolver {

    /** Knows no switch: a switch without a configured host cannot be reached. */
    HostResolver NONE = (switchName, switchMac) -> Optional.empty();

    /**
     * The switch's management host or address, unvalidated; empty when the source does not know the
     * switch or reports no address.
     *
     * @throws io.jenkins.plugins.mesa.MesaException when the source cannot be asked
     */
    Optional<String> managementHost(String switchName, MacAddress switchMac);

    /** The management address Mist reports for the switch with this MAC ({@link SwitchInfo#managementHost()}). */
    static HostResolver mist(MistLookups mist, String orgId) {
        Objects.requireNonNull(mist, "mist");
        Objects.requireNonNull(orgId, "orgId");
        return (switchName, switchMac) -> mist.switchByMac(orgId, switchMac)
                .map(SwitchInfo::managementHost)
                .filter(h -> h != null && !h.isBlank());
    }
}
