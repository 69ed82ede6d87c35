package io.jenkins.plugins.mesa.jenkins;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.flow.PortAssignment;
import io.jenkins.plugins.mesa.flow.PortRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * mesa-core's port registry kept in the plugin's {@link MesaState} (the Jenkins home), so that a moved AP is
 * noticed across runs and controller restarts. {@link MesaState} is keyed by AP, so {@link #atPort} scans its
 * records (a few hundred APs at most per controller).
 */
final class MesaStatePortRegistry implements PortRegistry {
    private final MesaState state;

    MesaStatePortRegistry(MesaState state) {
        this.state = state;
    }

    @Override
    public Optional<PortAssignment> find(MacAddress ap) {
        MesaState.PortRecord r = state.portOf(ap.value());
        return r == null ? Optional.empty() : Optional.of(assignment(ap, r));
    }

    @Override
    public List<PortAssignment> atPort(String switchName, InterfaceName port) {
        List<PortAssignment> found = new ArrayList<>();
        state.ports().forEach((ap, r) -> {
            if (switchName.equals(r.getSwitchName()) && port.value().equals(r.getPort())) {
                found.add(assignment(MacAddress.parse(ap), r));
            }
        });
        return found;
    }

    private static PortAssignment assignment(MacAddress ap, MesaState.PortRecord r) {
        MacAddress switchMac =
                r.getSwitchMac() == null || r.getSwitchMac().isEmpty() ? null : MacAddress.parse(r.getSwitchMac());
        return new PortAssignment(
                ap,
                "",
                "",
                new SwitchPort(r.getSwitchName(), switchMac, InterfaceName.parse(r.getPort())),
                r.getProfile(),
                Instant.ofEpochMilli(r.getConfiguredAtMillis()));
    }

    @Override
    public void put(PortAssignment a) {
        SwitchPort p = a.port();
        state.rememberPort(
                a.ap().value(),
                new MesaState.PortRecord(
                        p.switchName(),
                        p.switchMac() == null ? "" : p.switchMac().value(),
                        "",
                        p.port().value(),
                        a.profile(),
                        a.at().toEpochMilli()));
    }
}
