package io.jenkins.plugins.mesa.cli.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.lab.mist.DeviceEvent;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import io.jenkins.plugins.mesa.lab.mist.MistWorld;
import io.jenkins.plugins.mesa.lab.mist.WebhookDelivery;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The scripted scenario of {@code mesa lab}: it changes the simulated world as the field would (plug, unplug, lose
 * the cloud, site outage, move), POSTs the signed webhooks Mist would send, waits for MESA's audit records, keeps
 * its own model of what every port should be, and finally compares that with what the switches really have.
 */
final class LabScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: the longest wait is an outage burst (hold-down + quiet window), a few seconds in the lab. */
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    /** Where an AP is plugged in. */
    private record Location(LabPlan.Switch sw, String port) {
    }

    /** One POSTed body: the bytes (for a duplicate delivery later) and the ids of its events. */
    private record Sent(byte[] body, List<String> eventIds) {
    }

    private final LabWorld lab;
    private final MistWorld world;
    private final URI webhook;
    private final AuditWatch watch;
    private final Timeline timeline;
    private final PrintWriter out;
    private final MistWebhookSender sender;
    private final Map<String, String> expected = new LinkedHashMap<>(); // "switch|port" -> profile
    private final Map<String, Location> plugged = new LinkedHashMap<>(); // AP MAC -> where
    private final Map<String, LabPlan.Ap> apsByMac = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    LabScenario(LabWorld lab, URI webhook, AuditWatch watch, Timeline timeline, PrintWriter out) {
        this.lab = lab;
        this.world = lab.world();
        this.webhook = webhook;
        this.watch = watch;
        this.timeline = timeline;
        this.out = out;
        this.sender = new MistWebhookSender(lab.webhookSecret(), Duration.ofSeconds(10));
        for (LabPlan.Switch sw : lab.plan().switchList()) {
            sw.ports().forEach(p -> expected.put(key(sw, p), LabWorld.SECURED));
        }
        lab.plan().apList().forEach(a -> apsByMac.put(a.mac(), a));
    }

    /** Plays the default scenario, then {@code randomEvents} random ones; returns the problems seen on the way. */
    List<String> play(int randomEvents, long seed) throws InterruptedException {
        Sent firstPlug = plugEverything();
        unplugOne();
        loseCloudOne();
        siteOutage();
        duplicate(firstPlug);
        moveOne();
        if (randomEvents > 0) {
            random(randomEvents, new Random(seed));
        }
        return problems;
    }

    // ------------------------------------------------------------------ the scripted steps

    private Sent plugEverything() throws InterruptedException {
        timeline.step("APs plugged in on every switch (one webhook per switch, as Mist batches them)");
        Map<LabPlan.Switch, List<DeviceEvent>> bySwitch = new LinkedHashMap<>();
        for (LabPlan.Ap ap : lab.plan().apList()) {
            Location at = new Location(ap.home(), freePort(ap.home()).orElseThrow());
            world.plugAp(ap.mac(), at.sw().mac(), at.port());
            place(ap.mac(), at);
            bySwitch.computeIfAbsent(ap.home(), k -> new ArrayList<>()).add(world.apEvent("AP_CONNECTED", ap.mac()));
        }
        int mark = watch.mark();
        List<Sent> sent = new ArrayList<>();
        bySwitch.forEach((sw, events) -> sent.add(post(events)));
        settle(mark, sent);
        return sent.get(0);
    }

    private void unplugOne() throws InterruptedException {
        LabPlan.Ap ap = pickPlugged(true).orElse(null);
        if (ap == null) {
            return;
        }
        Location at = plugged.get(ap.mac());
        timeline.step("AP " + ap.name() + " unplugged from " + at.sw().name() + " " + at.port()
                + (at.sw().mistManaged() ? " (a Mist-managed switch)" : "") + ": secured after the hold-down");
        world.unplugAp(ap.mac());
        unplace(ap.mac());
        int mark = watch.mark();
        settle(mark, List.of(post(List.of(world.apEvent("AP_DISCONNECTED", ap.mac())))));
    }

    private void loseCloudOne() throws InterruptedException {
        LabPlan.Ap ap = pickPlugged(false).orElse(null);
        if (ap == null) {
            return;
        }
        Location at = plugged.get(ap.mac());
        timeline.step("AP " + ap.name() + " lost the cloud but is still cabled to " + at.sw().name() + " " + at.port()
                + ": LLDP says it is there, the port stays");
        world.apLosesCloud(ap.mac());
        int mark = watch.mark();
        settle(mark, List.of(post(List.of(world.apEvent("AP_DISCONNECTED", ap.mac())))));
        timeline.step("AP " + ap.name() + " reaches the cloud again: already in the AP profile, nothing to change");
        world.apRegainsCloud(ap.mac());
        mark = watch.mark();
        settle(mark, List.of(post(List.of(world.apEvent("AP_CONNECTED", ap.mac())))));
    }

    private void siteOutage() throws InterruptedException {
        LabPlan.Site site = lab.plan().siteList().get(lab.plan().sites() - 1);
        List<String> macs = plugged.keySet().stream()
                .filter(mac -> plugged.get(mac).sw().site().equals(site)).toList();
        timeline.step("Site " + site.name() + " loses its WAN: " + macs.size()
                + " APs drop at once; the outage guard keeps every port");
        world.siteOutage(site.id());
        List<DeviceEvent> events = macs.stream().map(m -> world.apEvent("AP_DISCONNECTED", m)).toList();
        int mark = watch.mark();
        List<Sent> sent = new ArrayList<>();
        // Mist sends a burst as several bodies
        for (int i = 0; i < events.size(); i += 2) {
            sent.add(post(events.subList(i, Math.min(events.size(), i + 2))));
        }
        settle(mark, sent);
        timeline.step("Site " + site.name() + " recovers: its APs reconnect on the ports they never left");
        world.siteRecovers(site.id());
        mark = watch.mark();
        settle(mark, List.of(post(macs.stream().map(m -> world.apEvent("AP_CONNECTED", m)).toList())));
    }

    private void duplicate(Sent first) throws InterruptedException {
        timeline.step("Mist delivers the first webhook again (same bytes, same signature): duplicates, no change");
        int mark = watch.mark();
        WebhookDelivery d = sender.sendBody(webhook, first.body());
        report(d);
        settle(mark, List.of(new Sent(first.body(), first.eventIds())));
    }

    private void moveOne() throws InterruptedException {
        Optional<LabPlan.Ap> candidate = pickPlugged(false);
        if (candidate.isEmpty()) {
            return;
        }
        LabPlan.Ap ap = candidate.get();
        Location from = plugged.get(ap.mac());
        Optional<Location> to = lab.plan().switchList().stream()
                .filter(s -> s.site().equals(from.sw().site()) && !s.equals(from.sw()))
                .map(s -> freePort(s).map(p -> new Location(s, p))).flatMap(Optional::stream).findFirst()
                .or(() -> freePort(from.sw()).map(p -> new Location(from.sw(), p)));
        if (to.isEmpty()) {
            return;
        }
        move(ap, from, to.get());
    }

    private void move(LabPlan.Ap ap, Location from, Location to) throws InterruptedException {
        timeline.step("AP " + ap.name() + " moved from " + from.sw().name() + " " + from.port() + " to "
                + to.sw().name() + " " + to.port() + ": old port secured, new port AP");
        DeviceEvent gone = world.apEvent("AP_DISCONNECTED", ap.mac());
        world.moveAp(ap.mac(), to.sw().mac(), to.port());
        unplace(ap.mac());
        place(ap.mac(), to);
        int mark = watch.mark();
        Sent d = post(List.of(gone));
        Sent c = post(List.of(world.apEvent("AP_CONNECTED", ap.mac())));
        settle(mark, List.of(d, c));
    }

    // ------------------------------------------------------------------ the random run

    private void random(int count, Random rnd) throws InterruptedException {
        timeline.step(count + " random events (seed-reproducible)");
        for (int i = 0; i < count; i++) {
            List<LabPlan.Ap> in = plugged.keySet().stream().map(apsByMac::get).toList();
            List<LabPlan.Ap> outOfPort = apsByMac.values().stream().filter(a -> !plugged.containsKey(a.mac())).toList();
            int action = rnd.nextInt(4);
            if (action == 0 && !outOfPort.isEmpty()) {
                LabPlan.Ap ap = outOfPort.get(rnd.nextInt(outOfPort.size()));
                Optional<Location> at = randomFreePort(rnd);
                if (at.isPresent()) {
                    timeline.step("random " + (i + 1) + ": plug " + ap.name() + " into " + at.get().sw().name() + " "
                            + at.get().port());
                    world.plugAp(ap.mac(), at.get().sw().mac(), at.get().port());
                    place(ap.mac(), at.get());
                    int mark = watch.mark();
                    settle(mark, List.of(post(List.of(world.apEvent("AP_CONNECTED", ap.mac())))));
                }
            } else if (action == 1 && in.size() > 1) {
                LabPlan.Ap ap = in.get(rnd.nextInt(in.size()));
                timeline.step("random " + (i + 1) + ": unplug " + ap.name());
                world.unplugAp(ap.mac());
                unplace(ap.mac());
                int mark = watch.mark();
                settle(mark, List.of(post(List.of(world.apEvent("AP_DISCONNECTED", ap.mac())))));
            } else if (action == 2 && !in.isEmpty()) {
                LabPlan.Ap ap = in.get(rnd.nextInt(in.size()));
                Optional<Location> to = randomFreePort(rnd);
                if (to.isPresent()) {
                    move(ap, plugged.get(ap.mac()), to.get());
                }
            } else if (!in.isEmpty()) {
                LabPlan.Ap ap = in.get(rnd.nextInt(in.size()));
                timeline.step("random " + (i + 1) + ": " + ap.name() + " restarts in place");
                world.restartAp(ap.mac());
                int mark = watch.mark();
                settle(mark, List.of(post(List.of(world.apEvent("AP_RESTARTED", ap.mac())))));
            }
        }
    }

    private Optional<Location> randomFreePort(Random rnd) {
        List<LabPlan.Switch> switches = lab.plan().switchList();
        LabPlan.Switch sw = switches.get(rnd.nextInt(switches.size()));
        return freePort(sw).map(p -> new Location(sw, p));
    }

    // ------------------------------------------------------------------ webhooks and waiting

    private Sent post(List<DeviceEvent> events) {
        byte[] body = sender.body(events);
        WebhookDelivery d = sender.sendBody(webhook, body);
        List<String> ids = report(d);
        if (!d.accepted()) {
            problems.add("webhook answered " + d.status() + ": " + d.body());
        }
        return new Sent(body, ids);
    }

    /** Prints the endpoint's answer; returns the event ids it reports. */
    private List<String> report(WebhookDelivery d) {
        List<String> ids = new ArrayList<>();
        StringBuilder line = new StringBuilder("POST " + webhook.getPath() + " -> " + d.status());
        try {
            JsonNode answer = JSON.readTree(d.body());
            for (JsonNode e : answer.path("events")) {
                ids.add(e.path("eventId").asText());
                LabPlan.Ap ap = apsByMac.get(e.path("ap").asText());
                line.append(ids.size() == 1 ? ": " : ", ").append(e.path("type").asText()).append(' ')
                        .append(ap == null ? e.path("ap").asText() : ap.name()).append(' ')
                        .append(e.path("outcome").asText());
            }
        } catch (IOException e) {
            line.append(" (unreadable answer)");
        }
        timeline.note(line.toString());
        return ids;
    }

    private void settle(int mark, List<Sent> sent) throws InterruptedException {
        List<String> ids = sent.stream().flatMap(s -> s.eventIds().stream()).toList();
        Set<String> missing = watch.await(ids, mark, STEP_TIMEOUT);
        for (AuditRecord r : watch.since(mark)) {
            timeline.record(r);
        }
        if (!missing.isEmpty()) {
            problems.add("no audit record within " + STEP_TIMEOUT.toSeconds() + " s for events " + missing);
            timeline.note("!! no audit record within " + STEP_TIMEOUT.toSeconds() + " s for " + missing.size()
                    + " event(s)");
        }
    }

    // ------------------------------------------------------------------ the model of what should be

    private void place(String apMac, Location at) {
        plugged.put(apMac, at);
        expected.put(key(at.sw(), at.port()), LabWorld.AP);
    }

    private void unplace(String apMac) {
        Location at = plugged.remove(apMac);
        if (at != null) {
            expected.put(key(at.sw(), at.port()), LabWorld.SECURED);
        }
    }

    private Optional<String> freePort(LabPlan.Switch sw) {
        return sw.ports().stream().filter(p -> world.port(sw.mac(), p).neighbourMac() == null)
                .filter(p -> plugged.values().stream().noneMatch(l -> l.sw().equals(sw) && l.port().equals(p)))
                .findFirst();
    }

    /** A plugged AP; {@code preferMistManaged} picks one on a Mist-managed switch when there is one. */
    private Optional<LabPlan.Ap> pickPlugged(boolean preferMistManaged) {
        Optional<String> mac = plugged.entrySet().stream()
                .filter(e -> e.getValue().sw().mistManaged() == preferMistManaged)
                .filter(e -> e.getValue().sw().site().equals(lab.plan().siteList().get(0)))
                .map(Map.Entry::getKey).findFirst();
        if (mac.isEmpty()) {
            mac = plugged.entrySet().stream()
                    .filter(e -> e.getValue().sw().site().equals(lab.plan().siteList().get(0)))
                    .map(Map.Entry::getKey).findFirst();
        }
        return mac.map(apsByMac::get);
    }

    private static String key(LabPlan.Switch sw, String port) {
        return sw.name() + "|" + port;
    }

    // ------------------------------------------------------------------ the result

    /** One row of the final table. */
    record PortRow(String switchName, String port, String backend, String ap, String expected, String actual) {
        boolean ok() {
            return expected.equals(actual);
        }
    }

    List<PortRow> portRows() {
        List<PortRow> rows = new ArrayList<>();
        for (LabPlan.Switch sw : lab.plan().switchList()) {
            for (String p : sw.ports()) {
                String ap = plugged.entrySet().stream()
                        .filter(e -> e.getValue().sw().equals(sw) && e.getValue().port().equals(p))
                        .map(e -> apsByMac.get(e.getKey()).name()).findFirst().orElse("");
                rows.add(new PortRow(sw.name(), p, sw.mistManaged() ? "mist" : "junos", ap,
                        expected.get(key(sw, p)), lab.actualProfile(sw, p)));
            }
        }
        return rows;
    }

    static void printTable(PrintWriter out, List<PortRow> rows) {
        out.println();
        out.println("== Every port: expected and actual profile (read back from the simulated switches and Mist)");
        out.printf("   %-14s %-10s %-7s %-8s %-9s %-9s %s%n", "switch", "port", "via", "AP", "expected", "actual", "");
        for (PortRow r : rows) {
            out.printf("   %-14s %-10s %-7s %-8s %-9s %-9s %s%n", r.switchName(), r.port(), r.backend(), r.ap(),
                    r.expected(), r.actual(), r.ok() ? "ok" : "MISMATCH");
        }
    }

    static Map<Outcome, Integer> printOutcomes(PrintWriter out, List<AuditRecord> records) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        records.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        out.println();
        out.println("== Audit records: " + records.size());
        counts.forEach((o, n) -> out.printf(Locale.ROOT, "   %-28s %3d%n", o.text(), n));
        return counts;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
