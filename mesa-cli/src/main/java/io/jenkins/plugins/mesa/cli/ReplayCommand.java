package io.jenkins.plugins.mesa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "replay", mixinStandardHelpOptions = true)
public final class ReplayCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
