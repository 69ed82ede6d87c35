package io.jenkins.plugins.mesa.cli;

import io.jenkins.plugins.mesa.cli.serve.ServeEngine;
import io.jenkins.plugins.mesa.cli.store.StoreException;
import io.jenkins.plugins.mesa.config.MesaConfig;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesa serve}: the standalone webhook runner, until SIGTERM / Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Receives Mist webhooks and changes switch ports, with an embedded durable store.",
                "Exit codes: 0 after a graceful shutdown, 2 for an invalid configuration, 1 when it cannot start."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "the store (default: store.jdbcUrl of the configuration, itself jdbc:sqlite:mesa.db)")
    String db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<MesaConfig> loaded = config.load(err);
        if (loaded.isEmpty()) {
            return MesaCommand.EXIT_CONFIG;
        }
        MesaConfig c = loaded.get();
        ServeEngine engine;
        try {
            engine = ServeEngine.start(c, db != null ? db : c.store().jdbcUrl(), ServeEngine.Options.defaults());
        } catch (StoreException e) {
            err.println("mesa serve: cannot open the store: " + e.getMessage());
            return 1;
        }
        out.println("mesa serve: receiving Mist webhooks at " + engine.webhookUri());
        out.println("mesa serve: health at " + engine.healthUri() + "; store " + engine.store().name());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            engine.close();
            stopped.countDown();
        }, "mesa-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }
}
