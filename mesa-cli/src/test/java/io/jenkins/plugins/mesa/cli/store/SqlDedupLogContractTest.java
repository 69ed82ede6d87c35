package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.flow.DedupLog;
import io.jenkins.plugins.mesa.flow.StoreContracts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** mesa-core's {@link DedupLog} contract, on SQLite. */
class SqlDedupLogContractTest extends StoreContracts.DedupLogContract {
    @TempDir
    Path dir;
    private SqliteStore store;

    @Override
    protected DedupLog store() {
        store = TempStore.open(dir);
        return store.stores().dedup();
    }

    @AfterEach
    void close() {
        store.close();
    }
}
