package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.audit.AuditLog;
import io.jenkins.plugins.mesa.audit.AuditLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** mesa-core's {@link AuditLog} contract, on SQLite. */
class SqlAuditLogContractTest extends AuditLogContract {
    @TempDir
    Path dir;
    private SqliteStore store;

    @Override
    protected AuditLog store() {
        store = TempStore.open(dir);
        return store.stores().audit();
    }

    @AfterEach
    void close() {
        store.close();
    }
}
