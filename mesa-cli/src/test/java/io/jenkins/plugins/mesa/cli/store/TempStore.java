package io.jenkins.plugins.mesa.cli.store;

import java.nio.file.Path;

/** A database file in a test's temporary directory, opened as often as a test restarts "the process". */
final class TempStore {
    private TempStore() {
    }

    static String url(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("mesa.db");
    }

    static SqliteStore open(Path dir) {
        return new SqliteStore(url(dir));
    }
}
