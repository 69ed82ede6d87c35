package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import java.util.List;
import java.util.Optional;

/**
 * AP → port memory, written after every successful change (and every change that found the port
 * already right). Disconnect handling reads it first, because a disconnected AP's own LLDP data in
 * Mist may be stale; restart handling compares with it to notice a move. Hosts supply a durable
 * implementation; {@link InMemoryPortRegistry} serves tests. Implementations are thread-safe.
 */
public interface PortRegistry {

    Optional<PortAssignment> find(MacAddress ap);

    /** Every AP whose last known port is this one (by switch name and interface), any order. */
    List<PortAssignment> atPort(String switchName, InterfaceName port);

    /** Stores the AP's assignment, replacing its previous one. */
    void put(PortAssignment assignment);
}
