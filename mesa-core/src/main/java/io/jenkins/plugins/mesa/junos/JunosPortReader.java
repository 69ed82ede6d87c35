package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.flow.SwitchPortReader;
import io.jenkins.plugins.mesa.mist.SwitchPortStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * The LLDP guard's live switch-side source: the switch's own LLDP neighbour table over NETCONF
 * ({@code get-lldp-neighbors-information}), through the pooled session of {@link JunosLldp}.
 *
 * <p>The table proves presence only: a neighbour on the port means the link is up with that
 * neighbour. An empty entry does not tell "down" from "up, no neighbour yet", so it is reported as
 * no reading and the next source (Mist's port stats) decides. Switches without NETCONF settings are
 * not served (no reading).
 */
public final class JunosPortReader implements SwitchPortReader {
    public static final String SOURCE = "netconf-lldp";

    private final JunosTargets targets;
    private final JunosLldp lldp;

    public JunosPortReader(JunosTargets targets, JunosLldp lldp) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.lldp = Objects.requireNonNull(lldp, "lldp");
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** @throws NetconfException when the switch cannot be asked */
    @Override
    public Optional<SwitchPortStatus> read(SwitchPort port) {
        if (targets.find(port.switchName()).isEmpty()) {
            return Optional.empty();
        }
        Optional<MacAddress> neighbour = lldp.neighborOn(port);
        return neighbour.map(mac -> new SwitchPortStatus(port.switchMac(), port.port(), true, mac, SOURCE));
    }
}
