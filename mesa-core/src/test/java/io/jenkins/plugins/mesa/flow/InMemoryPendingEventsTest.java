package io.jenkins.plugins.mesa.flow;

/** The {@link PendingEvents} contract, for the in-memory store. */
class InMemoryPendingEventsTest extends StoreContracts.PendingEventsContract {
    @Override
    protected PendingEvents store() {
        return new InMemoryPendingEvents();
    }
}
