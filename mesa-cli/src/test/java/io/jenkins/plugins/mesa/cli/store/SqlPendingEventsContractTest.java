package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.flow.PendingEvents;
import io.jenkins.plugins.mesa.flow.StoreContracts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** mesa-core's {@link PendingEvents} contract, on SQLite. */
class SqlPendingEventsContractTest extends StoreContracts.PendingEventsContract {
    @TempDir
    Path dir;
    private SqliteStore store;

    @Override
    protected PendingEvents store() {
        store = TempStore.open(dir);
        return store.stores().pending();
    }

    @AfterEach
    void close() {
        store.close();
    }
}
