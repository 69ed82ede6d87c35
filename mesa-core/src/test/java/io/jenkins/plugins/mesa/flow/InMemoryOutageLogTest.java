package io.jenkins.plugins.mesa.flow;

/** The {@link OutageLog} contract, for the in-memory store. */
class InMemoryOutageLogTest extends StoreContracts.OutageLogContract {
    @Override
    protected OutageLog store() {
        return new InMemoryOutageLog();
    }
}
