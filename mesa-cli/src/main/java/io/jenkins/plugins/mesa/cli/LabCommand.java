package io.jenkins.plugins.mesa.cli;

import ch.qos.logback.classic.Level;
import io.jenkins.plugins.mesa.cli.lab.LabPlan;
import io.jenkins.plugins.mesa.cli.lab.LabRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mesa lab}: the whole system on this machine, no hardware, no Mist account. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Starts a simulated Mist cloud and EX switches, runs MESA against them and plays a scenario of"
                + " AP events; prints a timeline and a table of every port. Exit code 0 only when every port has the"
                + " expected profile."})
public final class LabCommand implements Callable<Integer> {
    @Option(names = "--sites", defaultValue = "2", description = "Mist sites (default ${DEFAULT-VALUE})")
    int sites;

    @Option(names = "--switches", defaultValue = "3",
            description = "EX switches, every third one Mist-managed (default ${DEFAULT-VALUE})")
    int switches;

    @Option(names = "--aps", defaultValue = "12", description = "access points (default ${DEFAULT-VALUE})")
    int aps;

    @Option(names = "--events", defaultValue = "0",
            description = "random events after the scripted scenario (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random events (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--keep-running",
            description = "leave the lab up afterwards (Ctrl-C ends it) and print how to reach it")
    boolean keepRunning;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "where the lab writes its configuration, secrets and store (default: a new temporary directory)")
    Path dir;

    @Option(names = "--verbose", description = "MESA's own log lines too (stderr)")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabPlan plan;
        try {
            plan = new LabPlan(sites, switches, aps);
        } catch (IllegalArgumentException e) {
            err.println("mesa lab: " + e.getMessage());
            return MesaCommand.EXIT_CONFIG;
        }
        if (events < 0 || events > 100_000) {
            err.println("mesa lab: --events must be 0..100000");
            return MesaCommand.EXIT_CONFIG;
        }
        if (!verbose) {
            quiet();
        }
        Path where = dir != null ? dir : Files.createTempDirectory("mesa-lab-");
        return new LabRun(plan, where, events, seed, keepRunning, out, err).run();
    }

    /** The timeline is the lab's output; MESA's INFO lines would drown it. Warnings still show. */
    private static void quiet() {
        for (String name : new String[] {"io.jenkins.plugins.mesa", "org.eclipse.jetty", "io.javalin"}) {
            org.slf4j.Logger l = LoggerFactory.getLogger(name);
            if (l instanceof ch.qos.logback.classic.Logger logback) {
                logback.setLevel(Level.WARN);
            }
        }
    }
}
