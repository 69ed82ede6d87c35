package io.jenkins.plugins.mesa.bench;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.EventSummary;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.SimTime;
import io.jenkins.plugins.mesa.lab.mist.ApSpec;
import io.jenkins.plugins.mesa.lab.mist.DeviceEvent;
import io.jenkins.plugins.mesa.lab.mist.MistCloudSimulator;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import io.jenkins.plugins.mesa.lab.mist.MistWorld;
import io.jenkins.plugins.mesa.lab.mist.SwitchSpec;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import io.jenkins.plugins.mesa.runtime.MesaRuntime;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An event storm through {@link MesaRuntime} and its {@code EventFlow} over the lab: a simulated Mist cloud with
 * {@code sites} sites of one switch each ({@code junosSites} of them NETCONF switches served by Junos simulators,
 * the others Mist-managed), and a storm of AP_CONNECTED / AP_DISCONNECTED webhooks spread over {@code span} of
 * <em>lab time</em>: one hand-moved clock drives Mist, the switches and the flow, so the storm is time-compressed
 * and the hold-downs elapse without waiting. {@code outageSites} sites lose every AP within a second (their ports
 * start in the AP profile and must stay there); at the others every AP flaps connect / disconnect / connect /
 * disconnect, evenly spaced so that no outage threshold is reached there.
 */
public final class StormLab implements AutoCloseable {
    private static final String ORG = BenchConfig.ORG;
    private static final String TOKEN = "storm-mist-token-0123456789";
    private static final String SECRET = "storm-webhook-secret";
    private static final String SWITCH_PASSWORD = "storm-switch-pw";
    /** Events of one AP at a site that is not in outage: C D C D, so every AP ends reverted. */
    private static final int FLAPS = 4;

    /** The storm's shape. */
    public record Plan(int sites, int outageSites, int junosSites, int events, Duration span) {
        public Plan {
            if (outageSites >= sites || junosSites > sites - outageSites || events < sites * FLAPS) {
                throw new IllegalArgumentException("plan does not fit: " + sites + " sites, " + outageSites
                        + " in outage, " + junosSites + " junos, " + events + " events");
            }
        }

        /** APs per site, so that the events add up to about {@code events}: outage sites send one each. */
        int apsPerSite() {
            int normal = sites - outageSites;
            return (int) Math.ceil((double) events / (normal * FLAPS + outageSites));
        }
    }

    /** What a storm did. */
    public record Result(int eventsSent, int webhooks, Map<String, Integer> recordsPerEvent, int outageSiteReverts,
                         int outageSitePortsStillAp, int outageSitePorts, int normalPortsSecured, int normalPorts,
                         Map<Outcome, Integer> outcomes, Duration wall, long heapPeakBytes) {
        /** Events of non-outage sites not named by exactly one audit record. */
        public List<String> notExactlyOnce(Set<String> ids) {
            return ids.stream().filter(id -> recordsPerEvent.getOrDefault(id, 0) != 1).sorted().toList();
        }
    }

    private final Plan plan;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T01:00:00Z"));
    private final SimTime.Manual switchTime = SimTime.manual(clock.instant());
    private final MistWorld world = new MistWorld(clock);
    private final MistCloudSimulator cloud;
    private final Map<String, JunosSimulator> junos = new LinkedHashMap<>();
    private final MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(5));
    private final List<Site> sites = new ArrayList<>();
    private final Set<String> normalEventIds = new HashSet<>();

    private record Site(String id, String name, String switchMac, String switchName, boolean outage, boolean junos,
                        List<String> aps) {
        String port(int i) {
            return "ge-0/0/" + i;
        }
    }

    private record Planned(Instant at, Site site, int ap, String type) {
    }

    public StormLab(Plan plan) {
        this.plan = plan;
        int aps = plan.apsPerSite();
        for (int s = 0; s < plan.sites(); s++) {
            boolean outage = s >= plan.sites() - plan.outageSites();
            boolean isJunos = s < plan.junosSites();
            String siteId = String.format("4ac1dcf4-9d8b-7211-65c4-%012x", s + 1);
            String swMac = String.format("5c4527a9%04x", s + 1);
            String swName = String.format("sw-%02d", s + 1);
            world.addSite(ORG, siteId, String.format("site-%02d", s + 1));
            world.addSwitch(SwitchSpec.of(siteId, swMac, swName, "10.0." + (s / 200) + "." + (s % 200 + 10), aps)
                    .withManaged(!isJunos));
            List<String> apMacs = new ArrayList<>();
            for (int a = 0; a < aps; a++) {
                String mac = String.format("5c5b35%02x%04x", s + 1, a + 1);
                world.addAp(ApSpec.of(siteId, mac, String.format("ap-%02d-%03d", s + 1, a + 1)));
                apMacs.add(mac);
            }
            Site site = new Site(siteId, String.format("site-%02d", s + 1), swMac, swName, outage, isJunos, apMacs);
            sites.add(site);
            for (int a = 0; a < aps; a++) {
                if (!isJunos) {
                    world.configurePortUsage(swMac, site.port(a), outage ? "ap" : "default");
                }
                if (outage) {
                    world.plugAp(apMacs.get(a), swMac, site.port(a)); // up and in the AP profile before the storm
                }
            }
        }
        cloud = MistCloudSimulator.start(world, TOKEN);
        for (Site site : sites) {
            if (site.junos()) {
                junos.put(site.switchName(), JunosSimulator.builder().hostname(site.switchName()).time(switchTime)
                        .user("mesa", SWITCH_PASSWORD).initialConfig(BenchConfig.securedSwitch(site.switchName(), site.aps().size())).start());
            }
        }
    }

    /** The events in lab-time order: flaps spread evenly per site, each outage site's APs gone within 1 s. */
    private List<Planned> schedule() {
        List<Planned> out = new ArrayList<>();
        long spanMs = plan.span().toMillis();
        int outageIndex = 0;
        for (Site site : sites) {
            int n = site.aps().size();
            if (site.outage()) {
                // each outage site fails at its own moment, inside the first half of the storm
                long startMs = spanMs / 2 * outageIndex++ / Math.max(1, plan.outageSites());
                for (int a = 0; a < n; a++) {
                    out.add(new Planned(clock.start.plusMillis(startMs + 1000L * a / n), site, a, "AP_DISCONNECTED"));
                }
                continue;
            }
            for (int j = 0; j < FLAPS; j++) {
                for (int a = 0; a < n; a++) {
                    long at = spanMs * (j * n + a) / ((long) FLAPS * n);
                    out.add(new Planned(clock.start.plusMillis(at), site, a, j % 2 == 0 ? "AP_CONNECTED" : "AP_DISCONNECTED"));
                }
            }
        }
        out.sort(Comparator.comparing(Planned::at));
        return out;
    }

    /** Runs the storm to the end (every hold-down elapsed, nothing pending) and counts what happened. */
    public Result run() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        List<AuditRecord> records = new ArrayList<>();
        int sent = 0;
        int webhooks = 0;
        try (MesaRuntime runtime = MesaRuntime.create(config(), FlowStores.inMemory(), clock,
                MesaRuntime.Options.defaults().withPause(d -> { }).withLookupDelay(Duration.ZERO))) {
            Set<String> outageSiteIds = new HashSet<>();
            sites.stream().filter(Site::outage).forEach(s -> outageSiteIds.add(s.id()));
            List<Planned> planned = schedule();
            int i = 0;
            while (i < planned.size()) {
                // Mist batches what happens within a tick into one webhook: here everything in the same 100 ms
                Instant tick = planned.get(i).at();
                moveTo(tick);
                List<DeviceEvent> batch = new ArrayList<>();
                while (i < planned.size() && planned.get(i).at().isBefore(tick.plusMillis(100))) {
                    Planned p = planned.get(i++);
                    String mac = p.site().aps().get(p.ap());
                    if (p.type().equals("AP_CONNECTED")) {
                        world.plugAp(mac, p.site().switchMac(), p.site().port(p.ap()));
                    } else {
                        world.unplugAp(mac);
                    }
                    batch.add(world.apEvent(p.type(), mac).with("audit_id", "storm-" + (i - 1)));
                }
                byte[] body = sender.body(batch);
                for (ApEvent e : runtime.intake().accept(body, signed(body)).events()) {
                    if (!outageSiteIds.contains(e.siteId())) {
                        normalEventIds.add(e.eventId());
                    }
                }
                runtime.receive(body, signed(body));
                sent += batch.size();
                webhooks++;
                records.addAll(runtime.flow().runDue());
            }
            // let every hold-down, retry and outage burst run out
            for (int guard = 0; guard < 10_000; guard++) {
                Optional<Instant> next = runtime.flow().nextDue();
                if (next.isEmpty()) {
                    break;
                }
                if (next.get().isAfter(clock.instant())) {
                    moveTo(next.get());
                }
                records.addAll(runtime.flow().runDue());
            }
            records = new ArrayList<>(runtime.audit().recent(Integer.MAX_VALUE));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        long heapPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return count(records, sent, webhooks, wall, heapPeak);
    }

    private Result count(List<AuditRecord> records, int sent, int webhooks, Duration wall, long heapPeak) {
        Map<String, Integer> perEvent = new HashMap<>();
        Map<Outcome, Integer> outcomes = new java.util.EnumMap<>(Outcome.class);
        Set<String> outageSiteIds = new HashSet<>();
        sites.stream().filter(Site::outage).forEach(s -> outageSiteIds.add(s.id()));
        int outageReverts = 0;
        for (AuditRecord r : records) {
            outcomes.merge(r.outcome(), 1, Integer::sum);
            perEvent.merge(r.event().eventId(), 1, Integer::sum);
            for (EventSummary c : r.coalesced()) {
                perEvent.merge(c.eventId(), 1, Integer::sum);
            }
            if (outageSiteIds.contains(r.event().siteId()) && !r.changes().isEmpty()) {
                outageReverts++;
            }
        }
        int outagePorts = 0;
        int stillAp = 0;
        int normalPorts = 0;
        int secured = 0;
        for (Site site : sites) {
            for (int a = 0; a < site.aps().size(); a++) {
                boolean ap = apProfile(site, a);
                if (site.outage()) {
                    outagePorts++;
                    stillAp += ap ? 1 : 0;
                } else {
                    normalPorts++;
                    secured += ap ? 0 : 1;
                }
            }
        }
        return new Result(sent, webhooks, perEvent, outageReverts, stillAp, outagePorts, secured, normalPorts,
                outcomes, wall, heapPeak);
    }

    /** True when the site's port {@code a} is in the AP profile, on the switch itself. */
    private boolean apProfile(Site site, int a) {
        if (site.junos()) {
            return BenchConfig.apProfile(junos.get(site.switchName()), site.port(a));
        }
        return "ap".equals(world.portUsage(site.switchMac(), site.port(a)));
    }

    /** Ids of the events sent for sites not in outage (those must each be handled exactly once). */
    public Set<String> normalEventIds() {
        return Set.copyOf(normalEventIds);
    }

    private void moveTo(Instant t) {
        Duration d = Duration.between(clock.instant(), t);
        if (!d.isNegative() && !d.isZero()) {
            clock.advance(d);
            switchTime.advance(d);
        }
    }

    private static Function<String, String> signed(byte[] body) {
        String sig = MistWebhookSender.signatureV2(SECRET, body);
        return name -> WebhookSignature.V2_HEADER.equalsIgnoreCase(name) ? sig : null;
    }

    private MesaConfig config() {
        // An outage is (nearly) every AP of a site gone within 10 s. A flapping site sends its disconnects in two
        // 15 s phases of one per AP, so about two thirds of its APs (+1) go within any 10 s: below 90%.
        int minDisconnects = Math.max(2, (int) Math.ceil(plan.apsPerSite() * 0.9));
        return BenchConfig.parse(cloud.baseUri(), minDisconnects, junos, TOKEN, SECRET, SWITCH_PASSWORD);
    }

    @Override
    public void close() {
        junos.values().forEach(JunosSimulator::close);
        cloud.close();
    }
}
