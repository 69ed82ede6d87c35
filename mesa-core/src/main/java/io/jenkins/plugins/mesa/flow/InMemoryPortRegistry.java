package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link PortRegistry} in memory; lost on exit. */
public final class InMemoryPortRegistry implements PortRegistry {
    private final Map<MacAddress, PortAssignment> byAp = new HashMap<>();

    @Override
    public synchronized Optional<PortAssignment> find(MacAddress ap) {
        return Optional.ofNullable(byAp.get(ap));
    }

    @Override
    public synchronized List<PortAssignment> atPort(String switchName, InterfaceName port) {
        return byAp.values().stream()
                .filter(a -> a.port().switchName().equals(switchName) && a.port().port().equals(port))
                .toList();
    }

    @Override
    public synchronized void put(PortAssignment assignment) {
        byAp.put(assignment.ap(), assignment);
    }
}
