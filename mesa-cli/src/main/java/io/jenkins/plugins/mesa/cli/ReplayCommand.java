package io.jenkins.plugins.mesa.cli;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Notifier;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.flow.BackendSelector;
import io.jenkins.plugins.mesa.flow.Disposition;
import io.jenkins.plugins.mesa.flow.EventFlow;
import io.jenkins.plugins.mesa.flow.FlowSettings;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.IgnoredEvent;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import io.jenkins.plugins.mesa.runtime.MesaRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mesa replay}: one webhook body through the flow against the configured Mist and switches, at once (hold-down
 * and lookup delay skipped, no retries), printing each stage and the diff. Its memory (dedup, registry) is its own
 * and forgotten afterwards: a replay neither sees nor disturbs what {@code mesa serve} stored.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs one Mist webhook body (a JSON file) through MESA's flow against the configured systems,"
                + " skipping the hold-down, and prints every stage and the diff.",
                "Exit codes: 0 handled without failure, 1 a lookup or change failed or the body was refused,"
                        + " 2 invalid configuration or unreadable file."})
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "EVENT.json", description = "the webhook body, as Mist POSTs it")
    Path body;

    @Option(names = "--dry-run", description = "compute and show the diff, change nothing")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<MesaConfig> loaded = config.load(err);
        if (loaded.isEmpty()) {
            return MesaCommand.EXIT_CONFIG;
        }
        MesaConfig c = loaded.get();
        byte[] raw;
        try (InputStream in = Files.newInputStream(body)) {
            raw = in.readNBytes(c.webhook().maxBodyBytes() + 1);
        } catch (IOException e) {
            err.println("mesa replay: cannot read " + body + " (" + e.getClass().getSimpleName() + ")");
            return MesaCommand.EXIT_CONFIG;
        }
        Clock clock = Clock.systemUTC();
        FlowStores stores = FlowStores.inMemory();
        try (MesaRuntime runtime = MesaRuntime.create(c, stores, clock, MesaRuntime.Options.defaults()
                .withLookupDelay(Duration.ZERO))) {
            // A file has no signature: sign it as Mist would, so the intake runs exactly its checks.
            String signature = c.webhook().secret().map(s -> WebhookSignature.sign(s, raw)).orElse(null);
            WebhookBatch batch;
            try {
                batch = runtime.intake().accept(raw, h -> h.equalsIgnoreCase(WebhookSignature.V2_HEADER) ? signature : null);
            } catch (WebhookRejected r) {
                out.println("refused: " + r.reason() + " (HTTP " + r.httpStatus() + "): " + r.getMessage());
                return 1;
            }
            out.println("== " + body.getFileName() + ": " + batch.events().size() + " AP event(s)"
                    + (dryRun ? ", DRY RUN (nothing is changed)" : ""));
            for (IgnoredEvent i : batch.ignored()) {
                out.println("   ignored events[" + i.index() + "] " + i.type() + ": " + i.why());
            }
            FlowSettings settings = runtime.flowSettings().withHoldDown(Duration.ZERO).withLookupDelay(Duration.ZERO)
                    .withRetries(0, Duration.ofSeconds(1));
            EventFlow flow = new EventFlow(settings, runtime.mist(), dryRun ? dryRun(c, runtime) : runtime.backends(),
                    runtime.switchReader(), stores, Notifier.NONE, clock);
            RecordPrinter printer = new RecordPrinter(out);
            List<AuditRecord> records = new ArrayList<>();
            for (ApEvent e : batch.events()) {
                if (!e.orgId().isEmpty() && !e.orgId().equalsIgnoreCase(c.mist().orgId())) {
                    out.println("   " + e.type() + " " + e.ap() + ": another Mist org (" + e.orgId() + "), ignored");
                    continue;
                }
                Disposition d = flow.accept(e);
                out.println("   " + e.type() + " " + e.ap() + (e.apName().isEmpty() ? "" : " (" + e.apName() + ")")
                        + ": " + d.status().name().toLowerCase(java.util.Locale.ROOT));
                records.addAll(d.written());
            }
            records.addAll(flow.runDue());
            out.println();
            for (AuditRecord r : records) {
                printer.print("", r);
            }
            boolean failed = records.stream().anyMatch(r -> r.outcome() == Outcome.FAILED);
            out.println(failed ? "== some of it FAILED" : "== done");
            return failed ? 1 : 0;
        }
    }

    /** The runtime's back-ends, each turning every request into a dry run. */
    private static BackendSelector dryRun(MesaConfig c, MesaRuntime runtime) {
        List<PortConfigurator> all = new ArrayList<>();
        all.add(dry(runtime.junos()));
        runtime.cso().ifPresent(cso -> all.add(dry(cso)));
        all.add(dry(runtime.mistBackend()));
        Map<String, String> bySwitch = new LinkedHashMap<>();
        c.backends().bySwitch().forEach((k, v) -> bySwitch.put(k, v.id()));
        Map<String, String> bySite = new LinkedHashMap<>();
        c.backends().bySite().forEach((k, v) -> bySite.put(k, v.id()));
        return new BackendSelector(all, c.backends().defaultBackend().id(), bySwitch, bySite);
    }

    private static PortConfigurator dry(PortConfigurator c) {
        return new PortConfigurator() {
            @Override
            public String backend() {
                return c.backend();
            }

            @Override
            public ChangeResult apply(ChangeRequest request) {
                return c.apply(request.asDryRun());
            }
        };
    }
}
