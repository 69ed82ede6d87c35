package io.jenkins.plugins.mesa.mist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.ChangeResult.Outcome;
import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mist} back-end: changes one port of a Mist-managed EX switch through the Mist API
 * (a NETCONF change there would be overwritten by Mist's next push).
 *
 * <p><b>What is written.</b> The port's entry in the switch device's {@code port_config}
 * ({@code GET/PUT /api/v1/sites/{site}/devices/{device}}), keyed by the exact interface name: its
 * {@code usage} is set (other attributes of that entry are kept), or the entry is removed to return
 * the port to the site/template default. {@code port_config} rather than {@code local_port_config}
 * because it is the documented device-level per-port map in the switch schema, the place Mist's UI
 * puts a port override, and the field the original tool used, so existing deployments keep their
 * meaning. A port covered by a multi-port entry ({@code ge-0/0/0-47}, {@code ge-0/0/1,ge-0/0/3}) is
 * refused rather than split: splitting someone's range is a policy decision MESA must not take.
 *
 * <p><b>No lost updates.</b> Mist has no conditional write, and a device PUT replaces the object it
 * is given. So: (1) every change to one switch is serialised inside the JVM (one fair lock per
 * switch, shared by all configurators); (2) only this port's entry is changed in the freshly read
 * object; (3) the object is read again just before the PUT and the attempt restarts if anything in it
 * changed (a foreign writer); (4) after the PUT the object is re-read and the port must have the
 * requested usage, otherwise the attempt is repeated, at most {@code maxAttempts} times. What remains
 * is a foreign write landing in the single round trip between the last read and the PUT; Mist
 * offers no way to close that.
 */
public final class MistPortConfigurator implements PortConfigurator {
    public static final String BACKEND = "mist";
    static final int DEFAULT_MAX_ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(MistPortConfigurator.class);
    private static final Pattern PORT_ITEM =
            Pattern.compile("(ge|xe|et|mge|fe|xle|fte|ae)-(\\d{1,2})/(\\d{1,2})/(\\d{1,3})(?:-(\\d{1,3}))?");

    private final MistClient client;
    private final String orgId;
    private final MistPortUsages usages;
    private final Clock clock;
    private final SwitchLocks locks;
    private final int maxAttempts;

    /**
     * @param client the org's Mist client (its token needs write privilege on the switches' sites)
     * @param orgId  the org whose inventory holds the switches
     * @param usages MESA profile → Mist port usage
     * @param clock  for stage timings
     */
    public MistPortConfigurator(MistClient client, String orgId, MistPortUsages usages, Clock clock) {
        this(client, orgId, usages, clock, SwitchLocks.JVM, DEFAULT_MAX_ATTEMPTS);
    }

    /**
     * As above, with the number of write attempts ({@code mistBackend.writeAttempts}, 1..10) when
     * another writer changed the device in between.
     */
    public MistPortConfigurator(MistClient client, String orgId, MistPortUsages usages, Clock clock, int maxAttempts) {
        this(client, orgId, usages, clock, SwitchLocks.JVM, maxAttempts);
    }

    MistPortConfigurator(MistClient client, String orgId, MistPortUsages usages, Clock clock, SwitchLocks locks,
                         int maxAttempts) {
        this.client = Objects.requireNonNull(client, "client");
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.usages = Objects.requireNonNull(usages, "usages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10");
        }
        this.maxAttempts = maxAttempts;
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    /** @throws UnknownPortProfile when no usage is configured for the request's profile */
    @Override
    public ChangeResult apply(ChangeRequest request) {
        String usage = usages.usageFor(request.profile())
                .orElseThrow(() -> new UnknownPortProfile(request.profile(), usages.usageByProfile().keySet()));
        return new Change(request, usage).run();
    }

    /** One apply call: its timings and what it has done so far. */
    private final class Change {
        private final ChangeRequest request;
        private final String port;
        private final String usage;
        private final Map<Stage, Duration> timings = new LinkedHashMap<>();
        private String deviceId = "";
        private String before;
        private boolean wrote;

        Change(ChangeRequest request, String usage) {
            this.request = request;
            this.port = request.target().port().value();
            this.usage = usage;
        }

        ChangeResult run() {
            MacAddress mac = request.target().switchMac();
            if (mac == null) {
                return failed(Stage.LOOKUP, "switch " + request.target().switchName()
                        + " has no MAC; the Mist back-end finds the device by MAC");
            }
            Instant t = clock.instant();
            Optional<MistClient.DeviceRef> found;
            try {
                found = client.resolveSwitch(orgId, mac);
            } catch (MistApiException e) {
                return failed(Stage.LOOKUP, e.getMessage());
            } finally {
                took(Stage.LOOKUP, t);
            }
            if (found.isEmpty()) {
                return failed(Stage.LOOKUP, "switch " + mac + " is not in the Mist inventory of org " + orgId);
            }
            MistClient.DeviceRef ref = found.get();
            deviceId = ref.deviceId();
            if (ref.siteId().isEmpty()) {
                return failed(Stage.LOOKUP, "switch " + mac + " is not assigned to a Mist site");
            }
            if (request.dryRun()) {
                return dryRun(ref);
            }
            ReentrantLock lock = locks.forSwitch(client.baseUrl() + "|" + ref.deviceId());
            t = clock.instant();
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                took(Stage.LOCK, t);
                return failed(Stage.LOCK, "interrupted while waiting for the switch's change lock");
            }
            took(Stage.LOCK, t);
            try {
                return underLock(ref);
            } finally {
                lock.unlock();
            }
        }

        private ChangeResult dryRun(MistClient.DeviceRef ref) {
            Instant t = clock.instant();
            JsonNode device;
            try {
                device = client.deviceConfig(ref.siteId(), ref.deviceId());
            } catch (MistApiException e) {
                return failed(Stage.LOOKUP, e.getMessage());
            } finally {
                took(Stage.LOOKUP, t);
            }
            t = clock.instant();
            PortUsage current = currentUsage(device);
            took(Stage.DIFF, t);
            if (current.refusal() != null) {
                return failed(Stage.DIFF, current.refusal());
            }
            if (current.usage().equals(usage)) {
                return result(Outcome.UNCHANGED, "", SwitchState.AFTER, port + " already has usage " + label(usage));
            }
            return result(Outcome.DRY_RUN, diff(current.usage()), SwitchState.BEFORE,
                    "dry run: would set " + port + " to usage " + label(usage));
        }

        private ChangeResult underLock(MistClient.DeviceRef ref) {
            String site = ref.siteId();
            String id = ref.deviceId();
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                Instant t = clock.instant();
                JsonNode read;
                try {
                    read = client.deviceConfig(site, id);
                } catch (MistApiException e) {
                    return failed(Stage.LOOKUP, e.getMessage());
                } finally {
                    took(Stage.LOOKUP, t);
                }
                t = clock.instant();
                PortUsage current = currentUsage(read);
                if (current.refusal() != null) {
                    took(Stage.DIFF, t);
                    return failed(Stage.DIFF, current.refusal());
                }
                if (before == null) {
                    before = current.usage();
                }
                if (current.usage().equals(usage)) {
                    took(Stage.DIFF, t);
                    return wrote ? changed() : result(Outcome.UNCHANGED, "", SwitchState.AFTER,
                            port + " already has usage " + label(usage));
                }
                ObjectNode desired = withUsage((ObjectNode) read);
                took(Stage.DIFF, t);

                t = clock.instant();
                JsonNode check;
                try {
                    check = client.deviceConfig(site, id);
                } catch (MistApiException e) {
                    return failed(Stage.LOOKUP, e.getMessage());
                } finally {
                    took(Stage.LOOKUP, t);
                }
                if (!check.equals(read)) {
                    LOG.info("switch {} config changed by another writer while preparing {}; re-reading (attempt {} of {})",
                            id, port, attempt, maxAttempts);
                    continue;
                }

                t = clock.instant();
                MistApiException putFailure = null;
                try {
                    client.putDeviceConfig(site, id, desired);
                    wrote = true;
                } catch (MistApiException e) {
                    if (!e.reason().equals("unreachable")) {
                        return failed(Stage.LOAD, e.getMessage());
                    }
                    putFailure = e; // no answer: the write may or may not have happened; the read below decides
                } finally {
                    took(Stage.LOAD, t);
                }

                t = clock.instant();
                JsonNode after;
                try {
                    after = client.deviceConfig(site, id);
                } catch (MistApiException e) {
                    wrote = true; // cannot tell
                    return failed(Stage.VERIFY, "cannot read the switch config back: " + e.getMessage());
                } finally {
                    took(Stage.VERIFY, t);
                }
                if (currentUsage(after).usage().equals(usage)) {
                    wrote = true;
                    return changed();
                }
                if (putFailure != null) {
                    return failed(Stage.LOAD, putFailure.getMessage());
                }
                LOG.warn("switch {}: {} does not have usage {} after writing (another writer?); attempt {} of {}",
                        id, port, label(usage), attempt, maxAttempts);
            }
            return failed(Stage.VERIFY, port + " does not keep usage " + label(usage) + " after " + maxAttempts
                    + " attempts: another writer keeps changing switch " + id + "'s configuration");
        }

        private ObjectNode withUsage(ObjectNode read) {
            ObjectNode desired = read.deepCopy();
            JsonNode existing = desired.get("port_config");
            ObjectNode portConfig = existing instanceof ObjectNode o ? o : desired.putObject("port_config");
            if (usage.isEmpty()) {
                portConfig.remove(port);
            } else if (portConfig.get(port) instanceof ObjectNode entry) {
                entry.put("usage", usage);
            } else {
                portConfig.putObject(port).put("usage", usage);
            }
            return desired;
        }

        /** The port's device-level usage ("" = no override), or why MESA will not touch it. */
        private PortUsage currentUsage(JsonNode device) {
            if (!device.isObject()) {
                return new PortUsage("", "Mist returned a device config that is not an object");
            }
            JsonNode portConfig = device.path("port_config");
            if (!portConfig.isObject()) {
                return new PortUsage("", null);
            }
            JsonNode entry = portConfig.get(port);
            if (entry != null) {
                return new PortUsage(entry.path("usage").asText(""), null);
            }
            var keys = portConfig.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (covers(key, port)) {
                    return new PortUsage("", port + " is configured through the multi-port entry " + MistId.printable(key)
                            + " of the device's port_config; MESA changes single-port entries only. Split the entry "
                            + "in Mist (or give " + port + " its own entry) and retry");
                }
            }
            return new PortUsage("", null);
        }

        private ChangeResult changed() {
            return result(Outcome.CHANGED, diff(before), SwitchState.AFTER,
                    port + " on " + request.target().switchName() + " set to usage " + label(usage) + " through Mist");
        }

        private String diff(String from) {
            return port + ": usage " + label(from) + " -> " + label(usage);
        }

        private ChangeResult failed(Stage stage, String message) {
            LOG.warn("Mist change of {} failed at {}: {}", request.target(), stage, message);
            return new ChangeResult(Outcome.FAILED, BACKEND, "", request.comment(), deviceId, timings(), stage,
                    wrote ? SwitchState.UNKNOWN : SwitchState.BEFORE, message);
        }

        private ChangeResult result(Outcome outcome, String diff, SwitchState state, String message) {
            return new ChangeResult(outcome, BACKEND, diff, request.comment(), deviceId, timings(), null, state, message);
        }

        private void took(Stage stage, Instant since) {
            timings.merge(stage, Duration.between(since, clock.instant()), Duration::plus);
        }

        private List<StageTiming> timings() {
            List<StageTiming> list = new ArrayList<>();
            timings.forEach((s, d) -> list.add(new StageTiming(s, d)));
            return list;
        }
    }

    private record PortUsage(String usage, String refusal) {
    }

    private static String label(String usage) {
        return usage.isEmpty() ? "(none)" : usage;
    }

    /** True when a multi-port {@code port_config} key ({@code ge-0/0/0-47}, {@code a,b}) includes {@code port}. */
    static boolean covers(String key, String port) {
        Matcher p = PORT_ITEM.matcher(port);
        if (!p.matches()) {
            return false;
        }
        for (String item : key.split(",")) {
            Matcher m = PORT_ITEM.matcher(item.trim());
            if (!m.matches() || !m.group(1).equals(p.group(1)) || !m.group(2).equals(p.group(2))
                    || !m.group(3).equals(p.group(3))) {
                continue;
            }
            int n = Integer.parseInt(p.group(4));
            int from = Integer.parseInt(m.group(4));
            int to = m.group(5) == null ? from : Integer.parseInt(m.group(5));
            if (n >= from && n <= to) {
                return true;
            }
        }
        return false;
    }
}
