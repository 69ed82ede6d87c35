package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.flow.PortRegistry;
import io.jenkins.plugins.mesa.flow.StoreContracts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** mesa-core's {@link PortRegistry} contract, on SQLite. */
class SqlPortRegistryContractTest extends StoreContracts.PortRegistryContract {
    @TempDir
    Path dir;
    private SqliteStore store;

    @Override
    protected PortRegistry store() {
        store = TempStore.open(dir);
        return store.stores().registry();
    }

    @AfterEach
    void close() {
        store.close();
    }
}
