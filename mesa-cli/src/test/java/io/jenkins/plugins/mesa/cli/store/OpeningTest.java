package io.jenkins.plugins.mesa.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening: where the file goes, what a bad URL says, and that a password in the URL is never repeated. */
class OpeningTest {
    @TempDir
    Path dir;

    @Test
    void aSqliteUrlCreatesItsFileWithNoSetup() {
        try (SqliteStore store = TempStore.open(dir)) {
            assertThat(Files.exists(dir.resolve("mesa.db"))).isTrue();
            assertThat(store.name()).contains("mesa.db");
            assertThat(store.queue().depth()).isZero();
        }
        assertThat(SqliteStore.DEFAULT_URL).isEqualTo("jdbc:sqlite:mesa.db");
    }

    @Test
    void aStoreOpenedWithUsernameAndPasswordStillWorksOnSqlite() {
        try (SqliteStore store = new SqliteStore(TempStore.url(dir), Optional.of("mesa"),
                Optional.of(Secret.of("hunter2")))) {
            store.queue().enqueue(new byte[] {1, 2}, Instant.EPOCH);
            assertThat(store.queue().depth()).isEqualTo(1);
            assertThat(store.name()).doesNotContain("hunter2");
            assertThat(store.toString()).doesNotContain("hunter2");
        }
    }

    @Test
    void theConfiguredPasswordNeverAppearsWhenTheConnectionFails() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Map<String, String> shownFor = Map.of(
                "jdbc:sqlite:" + notADirectory.resolve("mesa.db"), "plain-file",
                "jdbc:postgresql://127.0.0.1:1/mesa", "127.0.0.1:1/mesa");
        shownFor.forEach((url, shown) ->
                assertThatThrownBy(() -> new SqliteStore(url, Optional.of("mesa"), Optional.of(Secret.of("hunter2"))))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            StringWriter trace = new StringWriter();
                            e.printStackTrace(new PrintWriter(trace));
                            assertThat(trace.toString()).contains(shown).doesNotContain("hunter2");
                        }));
    }

    @Test
    void aPasswordInThePostgresqlUrlNeverAppearsInTheError() {
        String url = "jdbc:postgresql://mesa:hunter2@127.0.0.1:1/mesa?password=hunter2&ssl=true";
        assertThatThrownBy(() -> new SqliteStore(url))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo("store-failed");
                    assertThat(e.getCause()).isNull();
                })
                .hasMessageContaining("127.0.0.1:1/mesa")
                .hasMessageContaining("no JDBC driver")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnsupportedDatabaseIsATypedErrorWithoutItsCredentials() {
        assertThatThrownBy(() -> new SqliteStore("jdbc:mysql://root:hunter2@127.0.0.1/mesa"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aFileThatCannotBeCreatedIsATypedError() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> new SqliteStore("jdbc:sqlite:" + notADirectory.resolve("mesa.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("plain-file");
    }

    @Test
    void aClosedStoreRefusesWithATypedError() {
        SqliteStore store = TempStore.open(dir);
        store.close();
        assertThatThrownBy(() -> store.queue().enqueue(new byte[] {1}, Instant.EPOCH))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }
}
