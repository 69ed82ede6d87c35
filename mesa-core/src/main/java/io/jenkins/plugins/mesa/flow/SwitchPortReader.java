package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.mist.SwitchPortStatus;
import java.util.Optional;

/**
 * Reads a port's link state and LLDP neighbour from the switch itself (Junos
 * {@code get-lldp-neighbors-information} and {@code get-interface-information} over NETCONF): the
 * optional live source the LLDP guard prefers over Mist's port stats. Implemented by the Junos engine.
 * Throws a {@link io.jenkins.plugins.mesa.MesaException} when the switch cannot be asked.
 */
public interface SwitchPortReader {

    /** A reader that has nothing to say; used when no switch-side reader is configured. */
    SwitchPortReader NONE = new SwitchPortReader() {
        @Override
        public String source() {
            return "none";
        }

        @Override
        public Optional<SwitchPortStatus> read(SwitchPort port) {
            return Optional.empty();
        }
    };

    /** Name for the audit trail, e.g. {@code netconf-lldp}. */
    String source();

    /** The port's status, or empty when the switch has no such port (or is not one this reader serves). */
    Optional<SwitchPortStatus> read(SwitchPort port);
}
