package io.jenkins.plugins.mesa.flow;

/** The {@link PortRegistry} contract, for the in-memory store. */
class InMemoryPortRegistryTest extends StoreContracts.PortRegistryContract {
    @Override
    protected PortRegistry store() {
        return new InMemoryPortRegistry();
    }
}
