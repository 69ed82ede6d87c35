package io.jenkins.plugins.mesa.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema is created once, reopened as is, and a database from a newer MESA is refused untouched. */
class SchemaVersionTest {
    @TempDir
    Path dir;

    private int storedVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(TempStore.url(dir));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version FROM schema_version")) {
            assertThat(r.next()).isTrue();
            int v = r.getInt(1);
            assertThat(r.next()).as("one row").isFalse();
            return v;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TempStore.url(dir)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aNewDatabaseGetsTheCurrentVersionAndReopensWithoutMigratingAgain() throws SQLException {
        try (SqliteStore store = TempStore.open(dir)) {
            store.queue().enqueue(new byte[] {1}, Instant.EPOCH);
        }
        assertThat(storedVersion()).isEqualTo(Schema.CURRENT);
        try (SqliteStore store = TempStore.open(dir)) {
            assertThat(store.queue().depth()).isEqualTo(1);
        }
        assertThat(storedVersion()).isEqualTo(Schema.CURRENT);
    }

    @Test
    void aDatabaseFromANewerMesaIsRefusedWithATypedErrorAndLeftAsItWas() throws SQLException {
        try (SqliteStore store = TempStore.open(dir)) {
            store.queue().enqueue(new byte[] {1}, Instant.EPOCH);
        }
        execute("UPDATE schema_version SET version = " + (Schema.CURRENT + 7));

        assertThatThrownBy(() -> TempStore.open(dir))
                .isInstanceOfSatisfying(StoreVersionException.class, e -> {
                    assertThat(e.reason()).isEqualTo("store-too-new");
                    assertThat(e.found()).isEqualTo(Schema.CURRENT + 7);
                    assertThat(e.supported()).isEqualTo(Schema.CURRENT);
                })
                .hasMessageContaining("mesa.db").hasMessageContaining("upgrade MESA");
        assertThat(storedVersion()).isEqualTo(Schema.CURRENT + 7);
        try (Connection c = DriverManager.getConnection(TempStore.url(dir));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM intake_queue")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
    }
}
