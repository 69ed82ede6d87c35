package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.mist.ApUplink;
import io.jenkins.plugins.mesa.mist.MistLookups;
import io.jenkins.plugins.mesa.mist.SiteApCounts;
import io.jenkins.plugins.mesa.mist.SwitchInfo;
import io.jenkins.plugins.mesa.mist.SwitchPortStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STAND-INS, FOR NOW. The flow tests need a Mist and a switch back-end, and neither the real
 * {@code MistClient} nor the Junos engine is in this branch yet. Until they are merged, this class holds the
 * only stand-ins the flow tests use: {@link StandInMist} (an in-memory {@link MistLookups} describing one
 * org's sites, switches and AP cabling) and {@link RecordingConfigurator} (a {@link PortConfigurator} that
 * keeps each port's profile and records every request). Swap them for the real MistClient against WireMock
 * and the Junos engine against the mesa-lab switch simulator; nothing else in the tests needs to change.
 * {@link TestClock} stays: tests move time, they never sleep.
 */
final class StandInPeers {
    static final String ORG = "org-1";
    static final MacAddress SWITCH_MAC = MacAddress.parse("2c:21:31:1c:be:ef");
    static final MacAddress MIST_SWITCH_MAC = MacAddress.parse("2c:21:31:1c:00:01");

    private StandInPeers() {
    }

    /** AP number n → a MAC. */
    static MacAddress ap(int n) {
        return MacAddress.parse(String.format("5c5b350e%04x", n));
    }

    static InterfaceName ge(int n) {
        return InterfaceName.parse("ge-0/0/" + n);
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void advanceSeconds(long s) {
            advance(Duration.ofSeconds(s));
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A Mist lookup failure as the real client reports it after its retries. */
    static final class StandInMistException extends MesaException {
        StandInMistException(String reason) {
            super(reason, "Mist API: " + reason);
        }
    }

    /**
     * One org as Mist sees it: APs with their own LLDP neighbour ({@link #apUplink}), switches, site AP counts
     * and the switch side's port table ({@link #switchPort}). {@link #unplug} models a cable pulled: the switch
     * port goes down while Mist keeps the AP's last LLDP data, as it does for a disconnected AP.
     */
    static final class StandInMist implements MistLookups {
        private final Map<MacAddress, ApUplink> uplinks = new HashMap<>();
        private final Map<MacAddress, SwitchInfo> switches = new HashMap<>();
        private final Map<String, SiteApCounts> sites = new HashMap<>();
        private final Map<String, SwitchPortStatus> ports = new HashMap<>();
        private String failing = "";
        int apUplinkCalls;

        StandInMist site(String siteId, int apTotal) {
            sites.put(siteId, new SiteApCounts(siteId, apTotal, apTotal));
            return this;
        }

        StandInMist switchAt(String name, MacAddress mac, String siteId, boolean mistManaged) {
            switches.put(mac, new SwitchInfo(name, mac, mac.mistDeviceId(), siteId, name + ".lab", mistManaged));
            return this;
        }

        /** The AP is cabled to {@code port}: both its own LLDP data and the switch's port table say so. */
        StandInMist plugIn(MacAddress ap, String siteId, MacAddress switchMac, InterfaceName port) {
            String name = switches.get(switchMac).name();
            uplinks.put(ap, new ApUplink(ap, siteId, name, switchMac, port, ""));
            ports.put(key(switchMac, port), new SwitchPortStatus(switchMac, port, true, ap, "mist-port-stats"));
            return this;
        }

        /** Cable pulled: the port goes down; the AP's stale LLDP data stays in Mist. */
        StandInMist unplug(MacAddress switchMac, InterfaceName port) {
            ports.put(key(switchMac, port), new SwitchPortStatus(switchMac, port, false, null, "mist-port-stats"));
            return this;
        }

        /** Another device now answers LLDP on the port. */
        StandInMist neighbour(MacAddress switchMac, InterfaceName port, MacAddress device) {
            ports.put(key(switchMac, port), new SwitchPortStatus(switchMac, port, true, device, "mist-port-stats"));
            return this;
        }

        /** Mist has no LLDP data for the AP (never seen it, or not yet). */
        StandInMist forget(MacAddress ap) {
            uplinks.remove(ap);
            return this;
        }

        /** Every call fails with this reason from now on ("" to heal). */
        StandInMist failWith(String reason) {
            failing = reason;
            return this;
        }

        @Override
        public Optional<ApUplink> apUplink(String orgId, String siteId, MacAddress ap) {
            apUplinkCalls++;
            failIfAsked();
            return Optional.ofNullable(uplinks.get(ap));
        }

        @Override
        public Optional<SwitchInfo> switchByMac(String orgId, MacAddress switchMac) {
            failIfAsked();
            return Optional.ofNullable(switches.get(switchMac));
        }

        @Override
        public SiteApCounts siteApCounts(String siteId) {
            failIfAsked();
            return sites.getOrDefault(siteId, new SiteApCounts(siteId, 0, 0));
        }

        @Override
        public Optional<SwitchPortStatus> switchPort(String siteId, MacAddress switchMac, InterfaceName port) {
            failIfAsked();
            return Optional.ofNullable(ports.get(key(switchMac, port)));
        }

        private void failIfAsked() {
            if (!failing.isEmpty()) {
                throw new StandInMistException(failing);
            }
        }

        private static String key(MacAddress sw, InterfaceName port) {
            return sw + "/" + port;
        }
    }

    /**
     * A back-end that keeps each port's profile like a switch would: a request for the profile the port already
     * has is UNCHANGED, any other is CHANGED (with a diff and a commit reference). Records every request.
     */
    static final class RecordingConfigurator implements PortConfigurator {
        private final String backend;
        private final Map<String, String> profileOf = new HashMap<>();
        final List<ChangeRequest> requests = new ArrayList<>();
        private boolean failNext;
        private int unreachableFor;
        private int commits;

        RecordingConfigurator(String backend) {
            this.backend = backend;
        }

        /** The port starts in this profile. */
        RecordingConfigurator portIn(SwitchPort port, String profile) {
            profileOf.put(port.toString(), profile);
            return this;
        }

        RecordingConfigurator failNextChange() {
            failNext = true;
            return this;
        }

        /** The next {@code n} changes fail to connect (switch unreachable), touching nothing. */
        RecordingConfigurator unreachableFor(int n) {
            unreachableFor = n;
            return this;
        }

        String profileOf(SwitchPort port) {
            return profileOf.get(port.toString());
        }

        /** Requests for this profile, in order. */
        List<ChangeRequest> requestsFor(String profile) {
            return requests.stream().filter(r -> r.profile().equals(profile)).toList();
        }

        @Override
        public String backend() {
            return backend;
        }

        @Override
        public ChangeResult apply(ChangeRequest request) {
            requests.add(request);
            List<StageTiming> timings = List.of(new StageTiming(Stage.CONNECT, Duration.ofMillis(40)),
                    new StageTiming(Stage.COMMIT, Duration.ofMillis(210)));
            if (unreachableFor > 0) {
                unreachableFor--;
                return new ChangeResult(ChangeResult.Outcome.FAILED, backend, "", request.comment(), "",
                        List.of(new StageTiming(Stage.CONNECT, Duration.ofSeconds(10))), Stage.CONNECT,
                        SwitchState.BEFORE, "connect timed out after 10 s");
            }
            if (failNext) {
                failNext = false;
                return new ChangeResult(ChangeResult.Outcome.FAILED, backend, "", request.comment(), "", timings,
                        Stage.COMMIT, SwitchState.BEFORE, "commit check failed: statement not valid");
            }
            String key = request.target().toString();
            String before = profileOf.get(key);
            if (request.profile().equals(before)) {
                return new ChangeResult(ChangeResult.Outcome.UNCHANGED, backend, "", request.comment(), "",
                        timings, null, SwitchState.AFTER, "already in profile " + before);
            }
            profileOf.put(key, request.profile());
            commits++;
            return new ChangeResult(ChangeResult.Outcome.CHANGED, backend,
                    "[edit interfaces " + request.target().port() + "] profile " + before + " -> " + request.profile(),
                    request.comment(), "commit-" + commits, timings, null, SwitchState.AFTER, "committed");
        }
    }
}
