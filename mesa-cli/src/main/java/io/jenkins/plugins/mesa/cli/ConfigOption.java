package io.jenkins.plugins.mesa.cli;

import io.jenkins.plugins.mesa.config.ConfigError;
import io.jenkins.plugins.mesa.config.ConfigException;
import io.jenkins.plugins.mesa.config.MesaConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config mesa.yaml}, shared by the commands that need a configuration. */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "mesa.yaml",
            description = "the MESA configuration file (default: ${DEFAULT-VALUE})")
    Path file;

    /**
     * Loads the file; on any problem prints each of the ConfigException's lines to {@code err} and returns empty
     * (the command then exits with {@link MesaCommand#EXIT_CONFIG}). Warnings go to {@code err} too.
     */
    public Optional<MesaConfig> load(PrintWriter err) {
        try {
            MesaConfig config = MesaConfig.load(file);
            config.warnings().forEach(w -> err.println("warning: " + w));
            return Optional.of(config);
        } catch (ConfigException e) {
            err.println("mesa: the configuration " + file + " is not valid:");
            for (ConfigError error : e.errors()) {
                err.println("  " + error);
            }
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }
}
