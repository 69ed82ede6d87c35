package io.jenkins.plugins.mesa.cli.lab;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.cli.serve.ServeEngine;
import io.jenkins.plugins.mesa.config.ConfigException;
import io.jenkins.plugins.mesa.config.MesaConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * One {@code mesa lab} run: world up, engine up (the same {@link ServeEngine} as {@code mesa serve}, in-process on
 * 127.0.0.1), scenario, table, verdict; everything closed again unless asked to keep running.
 */
public final class LabRun {
    static final Duration LOOKUP_DELAY = Duration.ofMillis(300);

    private final LabPlan plan;
    private final Path dir;
    private final int randomEvents;
    private final long seed;
    private final boolean keepRunning;
    private final PrintWriter out;
    private final PrintWriter err;

    public LabRun(LabPlan plan, Path dir, int randomEvents, long seed, boolean keepRunning, PrintWriter out,
                  PrintWriter err) {
        this.plan = plan;
        this.dir = dir;
        this.randomEvents = randomEvents;
        this.seed = seed;
        this.keepRunning = keepRunning;
        this.out = out;
        this.err = err;
    }

    /** @return 0 when every port ended as expected, 1 otherwise */
    public int run() throws InterruptedException {
        Instant start = Instant.now();
        AuditWatch watch = new AuditWatch();
        Timeline timeline = new Timeline(out, start);
        try (LabWorld lab = LabWorld.start(plan, dir)) {
            MesaConfig config;
            try {
                config = MesaConfig.load(lab.configFile());
            } catch (ConfigException e) {
                err.println("mesa lab: the generated configuration is not valid (a bug):");
                e.errors().forEach(x -> err.println("  " + x));
                return 1;
            }
            try (ServeEngine engine = ServeEngine.start(config, config.store().jdbcUrl(),
                    ServeEngine.Options.defaults().withRecords(watch).withLookupDelay(LOOKUP_DELAY))) {
                out.printf(Locale.ROOT, "mesa lab: %d site(s), %d switch(es) (%d Mist-managed), %d APs; guards compressed:"
                                + " hold-down %s, lookup delay %s, outage window %s%n", plan.sites(), plan.switches(),
                        plan.switchList().stream().filter(LabPlan.Switch::mistManaged).count(), plan.aps(),
                        config.guards().holdDown().toMillis() / 1000.0 + " s", LOOKUP_DELAY.toMillis() / 1000.0 + " s",
                        config.guards().outage().window().toMillis() / 1000.0 + " s");
                out.println("   simulated Mist cloud " + lab.mist().baseUri() + ", MESA webhook " + engine.webhookUri());
                lab.junosSwitches().forEach((name, sim) -> out.println("   simulated EX " + name + " NETCONF 127.0.0.1:"
                        + sim.port() + " host key " + sim.hostKeyFingerprint()));
                LabScenario scenario = new LabScenario(lab, engine.webhookUri(), watch, timeline, out);
                List<String> problems = scenario.play(randomEvents, seed);
                List<LabScenario.PortRow> rows = scenario.portRows();
                LabScenario.printTable(out, rows);
                List<AuditRecord> records = watch.all();
                LabScenario.printOutcomes(out, records);
                long mismatches = rows.stream().filter(r -> !r.ok()).count();
                Duration took = Duration.between(start, Instant.now());
                out.println();
                problems.forEach(p -> out.println("   problem: " + p));
                out.printf(Locale.ROOT, "== %s: %d ports, %d as expected, %d not; scenario took %.1f s%n",
                        mismatches == 0 ? "PASS" : "FAIL", rows.size(), rows.size() - mismatches, mismatches,
                        took.toMillis() / 1000.0);
                out.flush();
                if (keepRunning) {
                    keepRunning(lab, engine);
                }
                return mismatches == 0 ? 0 : 1;
            }
        } finally {
            if (!keepRunning && dir.getFileName().toString().startsWith("mesa-lab-")) {
                deleteQuietly(dir);
            }
        }
    }

    private void keepRunning(LabWorld lab, ServeEngine engine) throws InterruptedException {
        out.println();
        out.println("== The lab keeps running (Ctrl-C ends it)");
        out.println("   MESA webhook URL:   " + engine.webhookUri());
        out.println("   webhook secret:     " + lab.webhookSecret() + "   (lab-only, random per run)");
        out.println("   Mist base URL:      " + lab.mist().baseUri() + "   (token in " + lab.dir().resolve("mist-token") + ")");
        out.println("   configuration:      " + lab.configFile());
        out.println("   audit records:      mesa audit --db " + engine.config().store().jdbcUrl());
        out.println("   Sign a body yourself: X-Mist-Signature-v2 = hex HMAC-SHA256(secret, body).");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                engine.close();
                lab.close();
                if (dir.getFileName().toString().startsWith("mesa-lab-")) {
                    deleteQuietly(dir); // the lab's secrets and store go with it
                }
            } finally {
                stopped.countDown();
            }
        }, "mesa-lab-stop"));
        stopped.await();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary directory: best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
