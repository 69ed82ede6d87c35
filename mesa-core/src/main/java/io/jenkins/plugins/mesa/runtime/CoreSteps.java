package io.jenkins.plugins.mesa.runtime;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.config.SwitchConfig;
import io.jenkins.plugins.mesa.cso.CsoAssignment;
import io.jenkins.plugins.mesa.cso.CsoPortConfigurator;
import io.jenkins.plugins.mesa.cso.JobState;
import io.jenkins.plugins.mesa.flow.FlowSettings;
import io.jenkins.plugins.mesa.flow.PortAssignment;
import io.jenkins.plugins.mesa.flow.PortRegistry;
import io.jenkins.plugins.mesa.flow.SwitchPortReader;
import io.jenkins.plugins.mesa.guard.Decision;
import io.jenkins.plugins.mesa.guard.Durations;
import io.jenkins.plugins.mesa.guard.LldpGuard;
import io.jenkins.plugins.mesa.guard.OutageGuard;
import io.jenkins.plugins.mesa.guard.PortReading;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.ApUplink;
import io.jenkins.plugins.mesa.mist.IgnoredEvent;
import io.jenkins.plugins.mesa.mist.MistClient;
import io.jenkins.plugins.mesa.mist.SiteApCounts;
import io.jenkins.plugins.mesa.mist.SwitchInfo;
import io.jenkins.plugins.mesa.mist.SwitchPortStatus;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import io.jenkins.plugins.mesa.steps.MesaSteps;
import io.jenkins.plugins.mesa.steps.StepArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link MesaSteps} over one {@link MesaRuntime}'s parts: each step is one call into the Mist client,
 * a guard or a back-end, its answer flattened to plain values. The guards decide exactly as they do in
 * the event flow (same thresholds, same LLDP source order); changes go through the same configurators,
 * and a change that leaves a port in a profile is remembered in the port registry when the step names
 * the AP ({@code apMac}), so that a later {@code mistLookupPort} notices a move.
 */
public final class CoreSteps implements MesaSteps {
    private static final String MIST_PORT_STATS = "mist-port-stats";

    private final MesaRuntime runtime;
    private final MistClient mist;
    private final PortRegistry registry;
    private final FlowSettings settings;
    private final SwitchPortReader switchReader;
    private final Clock clock;
    private final String orgId;

    public CoreSteps(MesaRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.mist = runtime.mist();
        this.registry = runtime.stores().registry();
        this.settings = runtime.flowSettings();
        this.switchReader = runtime.switchReader();
        this.clock = runtime.clock();
        this.orgId = runtime.config().mist().orgId();
    }

    // ------------------------------------------------------------------ look-up and guards

    @Override
    public Map<String, Object> lookupPort(Map<String, Object> args) {
        MacAddress ap = mac(args, "mac");
        String siteId = optionalText(args, "siteId");
        String org = optionalText(args, "orgId").isEmpty() ? orgId : optionalText(args, "orgId");
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<PortAssignment> known = registry.find(ap);
        Optional<ApUplink> up = mist.apUplink(org, siteId, ap);
        SwitchPort port;
        String source;
        String site;
        if (up.isPresent()) {
            port = new SwitchPort(up.get().switchName(), up.get().switchMac(), up.get().port());
            source = "lldp";
            site = up.get().siteId();
        } else if (known.isPresent()) {
            port = known.get().port();
            source = "registry";
            site = known.get().siteId();
        } else {
            out.put("found", false);
            out.put("reason", "Mist has no LLDP neighbour for AP " + ap + " and the port registry does not know it");
            return out;
        }
        Optional<SwitchInfo> sw = switchInfo(org, port.switchMac());
        out.put("found", true);
        out.put("switchName", port.switchName());
        out.put("switchMac", port.switchMac() == null ? "" : port.switchMac().value());
        out.put("managementHost", sw.map(SwitchInfo::managementHost)
                .orElse(up.map(ApUplink::mgmtAddress).orElse("")));
        out.put("port", port.port().value());
        out.put("mistManaged", sw.map(SwitchInfo::mistManaged).orElse(false));
        out.put("source", source);
        out.put("siteId", site.isEmpty() ? siteId : site);
        // Moved: the registry has the AP on another port that still has the AP profile, which now needs securing.
        boolean moved = known.isPresent() && !known.get().isAt(port)
                && known.get().profile().equals(settings.apProfile());
        out.put("moved", moved);
        if (moved) {
            SwitchPort before = known.get().port();
            out.put("previousSwitchName", before.switchName());
            out.put("previousSwitchMac", before.switchMac() == null ? "" : before.switchMac().value());
            out.put("previousPort", before.port().value());
            out.put("previousMistManaged", switchInfo(org, before.switchMac()).map(SwitchInfo::mistManaged).orElse(false));
        }
        return out;
    }

    @Override
    public Map<String, Object> checkOutage(Map<String, Object> args) {
        String siteId = text(args, "siteId");
        SiteApCounts counts = mist.siteApCounts(siteId);
        int disconnected = Math.max(0, counts.total() - counts.connected());
        OutageGuard guard = new OutageGuard(settings.outage());
        Instant now = clock.instant();
        // Mist's site stats are one snapshot: every AP down now counts as one window's worth of disconnects.
        boolean outage = guard.isOutage(new OutageGuard.Burst(now, now, disconnected, disconnected, now, now),
                counts.total());
        OutageGuard.Thresholds t = settings.outage();
        String rule = "outage at " + t.apCount() + " APs or " + Math.round(t.apRatio() * 100) + "% of the site";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outage", outage);
        out.put("disconnected", disconnected);
        out.put("total", counts.total());
        out.put("windowSeconds", t.window().toSeconds());
        out.put("thresholdCount", t.apCount());
        out.put("thresholdRatio", t.apRatio());
        out.put("explanation", (outage ? "site outage at " : "no outage at ") + siteId + ": " + disconnected + " of "
                + counts.total() + " APs disconnected per Mist site stats (" + rule + ", window "
                + Durations.text(t.window()) + ")");
        return out;
    }

    @Override
    public Map<String, Object> validateLldp(Map<String, Object> args) {
        MacAddress switchMac = mac(args, "switchMac");
        InterfaceName port = port(args, "port");
        MacAddress ap = mac(args, "apMac");
        Optional<SwitchInfo> sw = switchInfo(orgId, switchMac);
        String siteId = optionalText(args, "siteId").isEmpty()
                ? sw.map(SwitchInfo::siteId).orElse("") : optionalText(args, "siteId");
        SwitchPort target = new SwitchPort(sw.map(SwitchInfo::name).filter(n -> !n.isBlank()).orElse(switchMac.value()),
                switchMac, port);
        List<PortReading> readings = new ArrayList<>();
        if (switchReader != SwitchPortReader.NONE) {
            try {
                readings.add(switchReader.read(target).map(PortReading::of)
                        .orElse(PortReading.none(switchReader.source())));
            } catch (MesaException e) {
                readings.add(PortReading.failed(switchReader.source(), e.reason()));
            }
        }
        if (siteId.isEmpty()) {
            readings.add(PortReading.failed(MIST_PORT_STATS, "site of the switch unknown"));
        } else {
            try {
                readings.add(mist.switchPort(siteId, switchMac, port).map(PortReading::of)
                        .orElse(PortReading.none(MIST_PORT_STATS)));
            } catch (MesaException e) {
                readings.add(PortReading.failed(MIST_PORT_STATS, e.reason()));
            }
        }
        Decision d = new LldpGuard(settings.lldpWhenUnknown()).beforeRevert(ap, target, readings);
        Optional<SwitchPortStatus> deciding = readings.stream().filter(PortReading::present)
                .map(PortReading::status).findFirst();
        Map<String, Object> out = new LinkedHashMap<>();
        // "present" means: not safe to secure the port (the AP is there, or nobody can tell and the site keeps it)
        out.put("apPresent", d.stops());
        out.put("portUp", deciding.map(SwitchPortStatus::up).orElse(false));
        out.put("neighbourMac", deciding.map(s -> s.neighbourMac() == null ? "" : s.neighbourMac().value()).orElse(""));
        out.put("source", d.figures().getOrDefault("decidedBy", "none"));
        out.put("explanation", d.explanation());
        return out;
    }

    // ------------------------------------------------------------------ changes

    @Override
    public Map<String, Object> junosApplyProfile(Map<String, Object> args) {
        String switchName = text(args, "switch");
        // A switch configured without host is reached at the address Mist reports for its configured MAC.
        MacAddress switchMac = runtime.config().switches().stream().filter(s -> s.name().equals(switchName))
                .findFirst().flatMap(SwitchConfig::mac).orElse(null);
        SwitchPort target = new SwitchPort(switchName, switchMac, port(args, "port"));
        return apply(runtime.junos(), target, args, "");
    }

    @Override
    public Map<String, Object> mistApplyPortProfile(Map<String, Object> args) {
        MacAddress switchMac = mac(args, "switchMac");
        InterfaceName port = port(args, "port");
        Optional<SwitchInfo> sw = switchInfo(orgId, switchMac);
        SwitchPort target = new SwitchPort(sw.map(SwitchInfo::name).filter(n -> !n.isBlank()).orElse(switchMac.value()),
                switchMac, port);
        String siteId = optionalText(args, "siteId").isEmpty()
                ? sw.map(SwitchInfo::siteId).orElse("") : optionalText(args, "siteId");
        return apply(runtime.mistBackend(), target, args, siteId);
    }

    @Override
    public Map<String, Object> csoStartDeploy(Map<String, Object> args) {
        CsoPortConfigurator cso = cso();
        SwitchPort target = new SwitchPort(text(args, "device"), null, port(args, "port"));
        CsoAssignment plan = cso.plan(new ChangeRequest(target, text(args, "profile"), Map.of(), false,
                optionalText(args, "comment"), 0));
        String jobId = cso.startDeploy(plan);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobId", jobId);
        out.put("summary", plan.summary());
        return out;
    }

    @Override
    public Map<String, Object> csoPollDeploy(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw new StepArgumentException("jobId is required");
        }
        JobState state = cso().poll(jobId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobId", jobId);
        out.put("state", state.status().name());
        out.put("done", state.done());
        out.put("message", state.message() == null ? "" : state.message());
        return out;
    }

    @Override
    public Map<String, Object> parseEvent(String payload, String signature) {
        if (payload == null) {
            throw new StepArgumentException("payload is required");
        }
        String sig = signature == null || signature.isBlank() ? null : signature.trim();
        WebhookBatch batch = runtime.intake().accept(payload.getBytes(StandardCharsets.UTF_8),
                name -> WebhookSignature.V2_HEADER.equalsIgnoreCase(name) ? sig : null);
        List<Object> events = new ArrayList<>();
        for (ApEvent e : batch.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventId", e.eventId());
            m.put("type", e.type());
            m.put("apMac", e.ap().value());
            m.put("apName", e.apName());
            m.put("siteId", e.siteId());
            m.put("siteName", e.siteName());
            m.put("orgId", e.orgId());
            m.put("timestamp", e.timestamp().getEpochSecond());
            events.add(m);
        }
        List<Object> ignored = new ArrayList<>();
        for (IgnoredEvent i : batch.ignored()) {
            ignored.add(Map.of("index", i.index(), "type", i.type() == null ? "" : i.type(), "why", i.why()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", batch.topic());
        out.put("events", events);
        out.put("ignored", ignored);
        return out;
    }

    // ------------------------------------------------------------------ building blocks

    private Map<String, Object> apply(PortConfigurator backend, SwitchPort target, Map<String, Object> args,
                                      String siteId) {
        String profile = text(args, "profile");
        boolean dryRun = bool(args, "dryRun");
        int confirm = integer(args, "confirmMinutes", 0, 65535);
        Optional<MacAddress> ap = args.get("apMac") == null ? Optional.empty() : Optional.of(mac(args, "apMac"));
        ChangeResult r = backend.apply(new ChangeRequest(target, profile, Map.of(), dryRun, optionalText(args, "comment"),
                confirm));
        boolean portHasProfile = r.outcome() == ChangeResult.Outcome.CHANGED
                || r.outcome() == ChangeResult.Outcome.UNCHANGED;
        if (portHasProfile && ap.isPresent()) {
            String apName = optionalText(args, "apName");
            registry.put(new PortAssignment(ap.get(), apName, siteId, target, profile, clock.instant()));
        }
        return result(r);
    }

    private static Map<String, Object> result(ChangeResult r) {
        Map<String, Object> timings = new LinkedHashMap<>();
        for (StageTiming t : r.timings()) {
            timings.merge(t.stage().name(), t.took().toMillis(), (a, b) -> (Long) a + (Long) b);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", r.outcome().name());
        out.put("changed", r.changed());
        out.put("failed", r.failed());
        out.put("diff", r.diff());
        out.put("comment", r.comment());
        out.put("remoteRef", r.remoteRef());
        out.put("timings", timings);
        out.put("failedStage", r.failedStage() == null ? "" : r.failedStage().name());
        out.put("leftIn", r.leftIn() == null ? "" : r.leftIn().name());
        out.put("message", r.message());
        return out;
    }

    private CsoPortConfigurator cso() {
        return runtime.cso().orElseThrow(() -> new StepArgumentException(
                "csoDeploy needs the cso back-end, which is not configured"));
    }

    private Optional<SwitchInfo> switchInfo(String org, MacAddress switchMac) {
        return switchMac == null ? Optional.empty() : mist.switchByMac(org, switchMac);
    }

    private static String text(Map<String, Object> args, String name) {
        String v = optionalText(args, name);
        if (v.isEmpty()) {
            throw new StepArgumentException(name + " is required");
        }
        return v;
    }

    private static String optionalText(Map<String, Object> args, String name) {
        Object v = Objects.requireNonNull(args, "args").get(name);
        if (v == null) {
            return "";
        }
        if (!(v instanceof CharSequence)) {
            throw new StepArgumentException(name + " must be text");
        }
        return v.toString().trim();
    }

    private static MacAddress mac(Map<String, Object> args, String name) {
        String v = text(args, name);
        try {
            return MacAddress.parse(v);
        } catch (IllegalArgumentException e) {
            throw new StepArgumentException(name + " must be a MAC address such as 5c:5b:35:0e:55:c8");
        }
    }

    private static InterfaceName port(Map<String, Object> args, String name) {
        String v = text(args, name);
        try {
            return InterfaceName.parse(v);
        } catch (IllegalArgumentException e) {
            throw new StepArgumentException(name + " must be a Junos interface name such as ge-0/0/4");
        }
    }

    private static boolean bool(Map<String, Object> args, String name) {
        Object v = args.get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof CharSequence s && (s.toString().equals("true") || s.toString().equals("false"))) {
            return Boolean.parseBoolean(s.toString());
        }
        throw new StepArgumentException(name + " must be true or false");
    }

    private static int integer(Map<String, Object> args, String name, int min, int max) {
        Object v = args.get(name);
        if (v == null) {
            return min;
        }
        long n;
        if (v instanceof Number num && num.doubleValue() == num.longValue()) {
            n = num.longValue();
        } else if (v instanceof CharSequence s && s.toString().trim().matches("\\d{1,9}")) {
            n = Long.parseLong(s.toString().trim());
        } else {
            throw new StepArgumentException(name + " must be a whole number");
        }
        if (n < min || n > max) {
            throw new StepArgumentException(name + " must be " + min + ".." + max);
        }
        return (int) n;
    }
}
