package io.jenkins.plugins.mesa.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one load: where errors and warnings go, the line of every key path read (so that
 * checks made later on the built model can still name a line), and the secret source.
 */
final class Reading {
    final String source;
    final SecretSource secrets;
    final List<ConfigError> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    Reading(String source, SecretSource secrets) {
        this.source = source;
        this.secrets = secrets;
    }

    void error(int line, String path, String message) {
        errors.add(new ConfigError(source, line, path, message));
    }

    void warn(String path, String message) {
        warnings.add(path + ": " + message);
    }

    void remember(String path, int line) {
        lines.putIfAbsent(path, line);
    }

    /** The line of {@code path}, or of its nearest ancestor that was in the file; 0 when none was. */
    int lineOf(String path) {
        for (String p = path; ; p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
