package io.jenkins.plugins.mesa.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mesa}: the standalone MESA executable. {@code lab} runs the whole system on this machine with simulated
 * Mist and switches; {@code serve} is the production webhook runner; {@code replay}, {@code check} and
 * {@code audit} help operate it.
 */
@Command(name = "mesa", mixinStandardHelpOptions = true, versionProvider = MesaVersion.class,
        description = "Mist Event-driven Switchport Automation: reconfigures Juniper EX ports when Mist APs come and go.",
        subcommands = {LabCommand.class, ServeCommand.class, ReplayCommand.class, CheckCommand.class,
                AuditCommand.class, CommandLine.HelpCommand.class})
public final class MesaCommand implements Runnable {
    /** Exit code for a usage or configuration error (picocli's own usage errors use it too). */
    public static final int EXIT_CONFIG = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code mesa} with these arguments, writing to the given streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new MesaCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            // never a stack trace on the console: one line naming what failed (the log has the rest)
            line.getErr().println("mesa: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse("")));
            org.slf4j.LoggerFactory.getLogger(MesaCommand.class).debug("command failed", ex);
            return 1;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }
}
