package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.flow.OutageLog;
import io.jenkins.plugins.mesa.flow.StoreContracts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** mesa-core's {@link OutageLog} contract, on SQLite. */
class SqlOutageLogContractTest extends StoreContracts.OutageLogContract {
    @TempDir
    Path dir;
    private SqliteStore store;

    @Override
    protected OutageLog store() {
        store = TempStore.open(dir);
        return store.stores().outages();
    }

    @AfterEach
    void close() {
        store.close();
    }
}
