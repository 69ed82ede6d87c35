package io.jenkins.plugins.mesa.flow;

/** The {@link DedupLog} contract, for the in-memory store. */
class InMemoryDedupLogTest extends StoreContracts.DedupLogContract {
    @Override
    protected DedupLog store() {
        return new InMemoryDedupLog();
    }
}
