package io.jenkins.plugins.mesa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "check", mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
