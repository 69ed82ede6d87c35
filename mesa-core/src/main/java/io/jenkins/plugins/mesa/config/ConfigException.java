package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.MesaException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration could not be loaded: every problem found, each with its file, line and key path.
 * The message lists them all, one per line; it never contains a configured value (so no secret).
 */
public final class ConfigException extends MesaException {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super("bad-config", message(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in file order. */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String message(List<ConfigError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).toString();
        }
        return errors.size() + " configuration errors:\n"
                + errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
