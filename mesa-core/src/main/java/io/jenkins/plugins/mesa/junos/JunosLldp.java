package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import java.util.List;
import java.util.Optional;

/**
 * Reads a switch's LLDP neighbour table over NETCONF, through the same per-switch session as the
 * port changes (so it queues behind a change in progress instead of opening a second session).
 * Used to confirm from the switch side which device sits on a port.
 */
public final class JunosLldp {
    private final JunosTargets targets;
    private final JunosSessions sessions;

    public JunosLldp(JunosTargets targets, JunosSessions sessions) {
        this.targets = targets;
        this.sessions = sessions;
    }

    /** All neighbours; throws {@link NetconfException} when the switch cannot be asked. */
    public List<JunosRpcs.LldpNeighbor> neighbors(String switchName) {
        return neighbors(switchName, null);
    }

    /**
     * All neighbours; {@code switchMac} finds the address of a switch configured without a host.
     *
     * @throws NetconfException when the switch cannot be asked ({@link SwitchHostException} when its address is unknown)
     */
    public List<JunosRpcs.LldpNeighbor> neighbors(String switchName, MacAddress switchMac) {
        JunosTarget target = targets.find(switchName).orElseThrow(() ->
                new NetconfException("unknown-switch", "no NETCONF settings for switch " + switchName));
        try (JunosSessions.Lease lease = sessions.lease(target, () -> targets.addressOf(switchName, switchMac))) {
            try {
                return lease.connect().lldpNeighbors();
            } catch (NetconfException e) {
                lease.dropSession();
                throw e;
            }
        }
    }

    /** The chassis MAC of the neighbour on {@code port}, if there is one and it is a MAC. */
    public Optional<MacAddress> neighborOn(String switchName, InterfaceName port) {
        return neighborOn(new SwitchPort(switchName, null, port));
    }

    /** The chassis MAC of the neighbour on the port, if there is one and it is a MAC. */
    public Optional<MacAddress> neighborOn(SwitchPort switchPort) {
        InterfaceName port = switchPort.port();
        return neighbors(switchPort.switchName(), switchPort.switchMac()).stream()
                .filter(n -> n.localPort().equals(port.value()) || InterfaceName.looksLikeInterface(n.localPort())
                        && InterfaceName.parse(n.localPort()).equals(port))
                .map(JunosRpcs.LldpNeighbor::chassisId)
                .flatMap(id -> {
                    try {
                        return java.util.stream.Stream.of(MacAddress.parse(id));
                    } catch (IllegalArgumentException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .findFirst();
    }
}
