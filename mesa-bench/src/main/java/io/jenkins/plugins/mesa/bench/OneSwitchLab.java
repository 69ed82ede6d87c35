package io.jenkins.plugins.mesa.bench;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.PortChange;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.SimTime;
import io.jenkins.plugins.mesa.lab.mist.ApSpec;
import io.jenkins.plugins.mesa.lab.mist.MistCloudSimulator;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import io.jenkins.plugins.mesa.lab.mist.MistWorld;
import io.jenkins.plugins.mesa.lab.mist.SwitchSpec;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import io.jenkins.plugins.mesa.runtime.MesaRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One site, one Junos simulator with {@code ports} ports and as many APs, Mist simulated, MESA's runtime on the
 * real clock (so {@link ChangeResult} stage timings are wall time): the Mist fake answers at once and the
 * simulator commits at once, so what is measured is MESA's own work per event.
 */
public final class OneSwitchLab implements AutoCloseable {
    private static final String SITE = "4ac1dcf4-9d8b-7211-65c4-000000000001";
    private static final String SWITCH = "sw-48";
    private static final String SWITCH_MAC = "5c4527a90048";
    private static final String TOKEN = "one-switch-mist-token-0123";
    private static final String SECRET = "one-switch-webhook-secret";
    private static final String SWITCH_PASSWORD = "one-switch-pw";

    private final int ports;
    private final MistWorld world = new MistWorld(Clock.systemUTC());
    private final MistCloudSimulator cloud;
    private final JunosSimulator sw;
    private final MesaRuntime runtime;
    private final MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(5));
    private int deliveries;

    public OneSwitchLab(int ports) {
        this.ports = ports;
        world.addSite(BenchConfig.ORG, SITE, "one-switch");
        world.addSwitch(SwitchSpec.of(SITE, SWITCH_MAC, SWITCH, "10.0.0.48", ports));
        for (int a = 0; a < ports; a++) {
            world.addAp(ApSpec.of(SITE, ap(a), String.format("ap-%02d", a + 1)));
        }
        cloud = MistCloudSimulator.start(world, TOKEN);
        sw = JunosSimulator.builder().hostname(SWITCH).time(SimTime.system()).user("mesa", SWITCH_PASSWORD)
                .initialConfig(BenchConfig.securedSwitch(SWITCH, ports)).start();
        runtime = MesaRuntime.create(BenchConfig.parse(cloud.baseUri(), ports, Map.of(SWITCH, sw), TOKEN, SECRET,
                        SWITCH_PASSWORD), FlowStores.inMemory(), Clock.systemUTC(),
                MesaRuntime.Options.defaults().withPause(d -> { }).withLookupDelay(Duration.ZERO));
    }

    private static String ap(int a) {
        return String.format("5c5b350f%04x", a + 1);
    }

    private static String port(int a) {
        return "ge-0/0/" + a;
    }

    /** What plugging every AP at once did. */
    public record Settled(int inApProfile, int ports, Duration plugged, Duration settled, int changed) {
    }

    /**
     * Plugs every AP into its port and delivers each AP_CONNECTED as its own webhook from its own thread, all
     * released together; then works the flow, as {@code mesa serve}'s one worker does, until nothing is due.
     * {@code settled} runs from the release to the moment every port is in the AP profile on the switch.
     */
    public Settled plugAllAtOnce() throws Exception {
        for (int a = 0; a < ports; a++) {
            world.plugAp(ap(a), SWITCH_MAC, port(a));
        }
        List<byte[]> bodies = new ArrayList<>();
        for (int a = 0; a < ports; a++) {
            bodies.add(sender.body(List.of(world.apEvent("AP_CONNECTED", ap(a))
                    .with("audit_id", "plug-" + deliveries++))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(ports);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        try {
            for (byte[] body : bodies) {
                sent.add(pool.submit(() -> {
                    go.await();
                    runtime.receive(body, signed(body));
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : sent) {
                f.get();
            }
            long plugged = System.nanoTime();
            int changed = 0;
            while (runtime.flow().nextDue().isPresent()) {
                for (AuditRecord r : runtime.flow().runDue()) {
                    changed += r.changes().stream().anyMatch(c -> c.result().changed()) ? 1 : 0;
                }
            }
            long settled = System.nanoTime();
            int inAp = 0;
            for (int a = 0; a < ports; a++) {
                inAp += BenchConfig.apProfile(sw, port(a)) ? 1 : 0;
            }
            return new Settled(inAp, ports, Duration.ofNanos(plugged - start), Duration.ofNanos(settled - start),
                    changed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per-event overhead: wall time from the webhook to the audit record, and each change stage, in µs. */
    public record Overhead(List<Long> perEventMicros, Map<Stage, List<Long>> stageMicros) {
    }

    /**
     * {@code rounds} × {@code ports} AP_CONNECTED events, one at a time, each changing one port over the warm
     * NETCONF session; between rounds the switch is reset to all secured (outside the measurement).
     */
    public Overhead measureOverhead(int rounds) {
        for (int a = 0; a < ports; a++) {
            if (world.port(SWITCH_MAC, port(a)).neighbourMac() == null) {
                world.plugAp(ap(a), SWITCH_MAC, port(a));
            }
        }
        List<Long> perEvent = new ArrayList<>();
        Map<Stage, List<Long>> stages = new EnumMap<>(Stage.class);
        for (int round = 0; round < rounds; round++) {
            sw.resetConfig(BenchConfig.securedSwitch(SWITCH, ports));
            for (int a = 0; a < ports; a++) {
                byte[] body = sender.body(List.of(world.apEvent("AP_CONNECTED", ap(a))
                        .with("audit_id", "overhead-" + deliveries++)));
                long start = System.nanoTime();
                runtime.receive(body, signed(body));
                List<AuditRecord> records = runtime.flow().runDue();
                perEvent.add((System.nanoTime() - start) / 1000);
                for (AuditRecord r : records) {
                    for (PortChange c : r.changes()) {
                        for (StageTiming t : c.result().timings()) {
                            stages.computeIfAbsent(t.stage(), s -> new ArrayList<>()).add(t.took().toNanos() / 1000);
                        }
                    }
                }
            }
        }
        return new Overhead(perEvent, stages);
    }

    public int sessionsOpened() {
        return sw.sessionsOpened();
    }

    private static Function<String, String> signed(byte[] body) {
        String sig = MistWebhookSender.signatureV2(SECRET, body);
        return name -> WebhookSignature.V2_HEADER.equalsIgnoreCase(name) ? sig : null;
    }

    @Override
    public void close() {
        try (cloud; sw) {
            runtime.close();
        }
    }
}
