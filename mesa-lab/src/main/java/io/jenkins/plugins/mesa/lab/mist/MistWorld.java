package io.jenkins.plugins.mesa.lab.mist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The state of the simulated Mist cloud: orgs, sites, switches with their ports, APs with their cabling and
 * LLDP memory, and the device objects. A lab scenario changes it through this API (plug, unplug, lose the
 * cloud, move, site outage); {@link MistCloudSimulator} serves it as Mist's JSON. Thread-safe: every method
 * holds the world's lock, and so does the HTTP side while it renders.
 *
 * <p>Scenario mistakes (unknown MAC, port taken) throw {@link IllegalArgumentException} /
 * {@link IllegalStateException}: they are bugs in the scenario, not states Mist could show.
 */
public final class MistWorld {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Device-object fields the cloud owns: a PUT cannot change them. */
    private static final Set<String> READ_ONLY = Set.of("id", "mac", "org_id", "site_id", "type", "serial",
            "model", "created_time", "modified_time", "local_port_config");

    /** A switch port as the cloud reports it. {@code neighbourMac} is null when no LLDP neighbour is seen. */
    public record PortState(String switchMac, String portId, boolean up, String neighbourMac, String portUsage) {
    }

    /**
     * An AP as the cloud reports it.
     *
     * @param lldpSwitchMac the switch its (possibly stale) {@code lldp_stat} names, or null when it never saw one
     * @param lldpPortId    the interface that {@code lldp_stat} names (by name), or null
     * @param plugged       whether any AP interface is cabled to a switch right now
     */
    public record ApState(String mac, String name, String siteId, boolean connected, Instant lastSeen,
                          String lldpSwitchMac, String lldpPortId, boolean plugged) {
    }

    private final Clock clock;
    private final Map<String, SimSite> sites = new LinkedHashMap<>();
    private final Map<String, SimSwitch> switches = new LinkedHashMap<>();
    private final Map<String, SimAp> aps = new LinkedHashMap<>();

    public MistWorld(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public MistWorld() {
        this(Clock.systemUTC());
    }

    // ---- building the world -------------------------------------------------------------------------------

    public synchronized MistWorld addSite(String orgId, String siteId, String name) {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(name, "name");
        if (sites.containsKey(siteId)) {
            throw new IllegalArgumentException("site exists: " + siteId);
        }
        sites.put(siteId, new SimSite(orgId, siteId, name, now()));
        return this;
    }

    /** Adds a connected switch with every port down and no {@code port_config} (all ports "default"). */
    public synchronized MistWorld addSwitch(SwitchSpec spec) {
        SimSite site = site(spec.siteId());
        if (switches.containsKey(spec.mac()) || aps.containsKey(spec.mac())) {
            throw new IllegalArgumentException("device exists: " + spec.mac());
        }
        SimSwitch sw = new SimSwitch(spec, now());
        ObjectNode config = JSON.objectNode();
        config.put("id", spec.deviceId());
        config.put("name", spec.name());
        config.put("mac", spec.vcMac() != null ? spec.vcMac() : spec.mac());
        config.put("serial", "SIM" + spec.mac().substring(6).toUpperCase(Locale.ROOT));
        config.put("model", spec.model());
        config.put("type", "switch");
        config.put("site_id", site.id);
        config.put("org_id", site.orgId);
        config.put("managed", spec.managed());
        config.put("disable_auto_config", !spec.managed());
        config.put("role", "access");
        config.putObject("port_config");
        config.put("created_time", sw.created.getEpochSecond());
        config.put("modified_time", sw.created.getEpochSecond());
        sw.config = config;
        switches.put(spec.mac(), sw);
        return this;
    }

    /** Adds an AP that has never been plugged in: disconnected, no LLDP data, {@code last_seen} null. */
    public synchronized MistWorld addAp(ApSpec spec) {
        site(spec.siteId());
        if (switches.containsKey(spec.mac()) || aps.containsKey(spec.mac())) {
            throw new IllegalArgumentException("device exists: " + spec.mac());
        }
        SimAp ap = new SimAp(spec, now());
        ObjectNode config = JSON.objectNode();
        config.put("id", spec.deviceId());
        config.put("name", spec.name());
        config.put("mac", spec.mac());
        config.put("serial", "SIMAP" + spec.mac().substring(6).toUpperCase(Locale.ROOT));
        config.put("model", spec.model());
        config.put("type", "ap");
        config.put("site_id", spec.siteId());
        config.put("org_id", site(spec.siteId()).orgId);
        config.put("created_time", ap.created.getEpochSecond());
        config.put("modified_time", ap.created.getEpochSecond());
        ap.config = config;
        aps.put(spec.mac(), ap);
        return this;
    }

    /** Sets {@code port_config[port] = {"usage": usage}} in the switch's device object (scenario setup). */
    public synchronized MistWorld configurePortUsage(String switchMac, String portId, String usage) {
        SimSwitch sw = switchOf(switchMac);
        port(sw, portId);
        JsonNode portConfig = sw.config.get("port_config");
        ObjectNode map = portConfig instanceof ObjectNode o ? o : sw.config.putObject("port_config");
        map.putObject(portId).put("usage", Objects.requireNonNull(usage, "usage"));
        return this;
    }

    // ---- what happens in the field -------------------------------------------------------------------------

    /** Cables the AP's {@code eth0} to the switch port; see {@link #plugAp(String, String, String, String)}. */
    public synchronized void plugAp(String apMac, String switchMac, String portId) {
        plugAp(apMac, "eth0", switchMac, portId);
    }

    /**
     * Cables an AP interface to a switch port. The port comes up with the AP as its LLDP neighbour, the AP
     * learns the switch over LLDP ({@code lldp_stat}), boots and connects to the cloud. An AP plugged into a
     * switch of another site is reassigned to that site, as an admin would do.
     */
    public synchronized void plugAp(String apMac, String apPort, String switchMac, String portId) {
        SimAp ap = apOf(apMac);
        SimSwitch sw = switchOf(switchMac);
        SimPort port = port(sw, portId);
        Objects.requireNonNull(apPort, "apPort");
        if (ap.links.containsKey(apPort)) {
            throw new IllegalStateException(ap.spec.mac() + " " + apPort + " is already plugged in; unplug or move it");
        }
        if (port.neighbourMac != null) {
            throw new IllegalStateException(sw.spec.name() + " " + portId + " is taken by " + port.neighbourMac);
        }
        Instant now = now();
        port.up = true;
        port.neighbourMac = ap.spec.mac();
        port.neighbourPort = apPort;
        port.lastFlapped = now;
        if (ap.links.isEmpty()) {
            // Powered up again: the AP boots and reports only the neighbours it sees now.
            ap.bootedAt = now;
            ap.lldp.clear();
        }
        ap.links.put(apPort, new SimAp.Link(sw.spec.mac(), portId));
        ap.lldp.put(apPort, lldpViewOf(sw, port));
        ap.siteId = sw.spec.siteId();
        ap.config.put("site_id", ap.siteId);
        ap.connected = true;
        ap.lastSeen = now;
    }

    /**
     * Pulls every cable of the AP: its switch ports go down with no neighbour, the AP loses power and drops off
     * the cloud. Its {@code lldp_stat} keeps naming the old switch and port, as Mist does.
     */
    public synchronized void unplugAp(String apMac) {
        SimAp ap = apOf(apMac);
        Instant now = now();
        for (SimAp.Link link : ap.links.values()) {
            SimPort port = switches.get(link.switchMac()).ports.get(link.portId());
            port.up = false;
            port.neighbourMac = null;
            port.neighbourPort = null;
            port.lastFlapped = now;
        }
        ap.links.clear();
        disconnect(ap, now);
    }

    /** The AP loses the cloud but stays cabled and powered: status disconnected, LLDP on both sides intact. */
    public synchronized void apLosesCloud(String apMac) {
        disconnect(apOf(apMac), now());
    }

    /** A cabled AP reaches the cloud again. */
    public synchronized void apRegainsCloud(String apMac) {
        SimAp ap = apOf(apMac);
        if (ap.links.isEmpty()) {
            throw new IllegalStateException(ap.spec.mac() + " is not plugged in");
        }
        ap.connected = true;
        ap.lastSeen = now();
    }

    /**
     * The AP reboots in place (AP_RESTARTED): its links flap, its uptime starts again, it reconnects with the
     * same LLDP neighbours.
     */
    public synchronized void restartAp(String apMac) {
        SimAp ap = apOf(apMac);
        if (ap.links.isEmpty()) {
            throw new IllegalStateException(ap.spec.mac() + " is not plugged in");
        }
        Instant now = now();
        for (SimAp.Link link : ap.links.values()) {
            switches.get(link.switchMac()).ports.get(link.portId()).lastFlapped = now;
        }
        ap.bootedAt = now;
        ap.connected = true;
        ap.lastSeen = now;
    }

    /** Unplugs the AP and plugs its {@code eth0} into another port (possibly on another switch or site). */
    public synchronized void moveAp(String apMac, String switchMac, String portId) {
        SimAp ap = apOf(apMac);
        SimPort target = port(switchOf(switchMac), portId);
        if (target.neighbourMac != null && !target.neighbourMac.equals(ap.spec.mac())) {
            throw new IllegalStateException(portId + " is taken by " + target.neighbourMac);
        }
        unplugAp(apMac);
        plugAp(apMac, "eth0", switchMac, portId);
    }

    /**
     * The site loses its WAN: every AP and switch there drops off the cloud at once; cabling and LLDP stay.
     *
     * @return how many APs went from connected to disconnected
     */
    public synchronized int siteOutage(String siteId) {
        site(siteId);
        Instant now = now();
        int dropped = 0;
        for (SimAp ap : aps.values()) {
            if (ap.siteId.equals(siteId) && ap.connected) {
                disconnect(ap, now);
                dropped++;
            }
        }
        for (SimSwitch sw : switches.values()) {
            if (sw.spec.siteId().equals(siteId) && sw.connected) {
                sw.connected = false;
                sw.lastSeen = now;
            }
        }
        return dropped;
    }

    /** The site's WAN is back: its switches and every cabled AP reconnect. */
    public synchronized void siteRecovers(String siteId) {
        site(siteId);
        Instant now = now();
        for (SimSwitch sw : switches.values()) {
            if (sw.spec.siteId().equals(siteId)) {
                sw.connected = true;
                sw.lastSeen = now;
            }
        }
        for (SimAp ap : aps.values()) {
            if (ap.siteId.equals(siteId) && !ap.links.isEmpty()) {
                ap.connected = true;
                ap.lastSeen = now;
            }
        }
    }

    // ---- reading it back (for the lab's expected-vs-actual table and tests) ----------------------------------

    public synchronized PortState port(String switchMac, String portId) {
        SimSwitch sw = switchOf(switchMac);
        SimPort p = port(sw, portId);
        return new PortState(sw.spec.mac(), p.id, p.up, p.neighbourMac, sw.effectiveUsage(p.id));
    }

    /** Every port of every switch, switches in the order added, ports in spec order. */
    public synchronized List<PortState> portStates() {
        List<PortState> out = new ArrayList<>();
        for (SimSwitch sw : switches.values()) {
            for (SimPort p : sw.ports.values()) {
                out.add(new PortState(sw.spec.mac(), p.id, p.up, p.neighbourMac, sw.effectiveUsage(p.id)));
            }
        }
        return out;
    }

    /** Every AP, in the order added. */
    public synchronized List<ApState> apStates() {
        List<ApState> out = new ArrayList<>();
        for (SimAp ap : aps.values()) {
            out.add(ap(ap.spec.mac()));
        }
        return out;
    }

    /** The usage Mist applies to the port from the device object ({@code port_usage} in port stats). */
    public synchronized String portUsage(String switchMac, String portId) {
        return port(switchMac, portId).portUsage();
    }

    /** Whether the device object currently says Mist manages the switch. */
    public synchronized boolean mistManaged(String switchMac) {
        return switchOf(switchMac).mistManaged();
    }

    public synchronized ApState ap(String apMac) {
        SimAp ap = apOf(apMac);
        LldpView first = ap.lldp.isEmpty() ? null : ap.lldp.values().iterator().next();
        String lldpPort = first == null ? null : first.portDesc();
        return new ApState(ap.spec.mac(), ap.spec.name(), ap.siteId, ap.connected, ap.lastSeen,
                first == null ? null : first.switchMac(), lldpPort, !ap.links.isEmpty());
    }

    /** A {@code device-events} event for this AP as Mist would send it now (site and name from the world). */
    public synchronized DeviceEvent apEvent(String type, String apMac) {
        SimAp ap = apOf(apMac);
        SimSite site = sites.get(ap.siteId);
        return DeviceEvent.ap(type, ap.spec.mac(), ap.spec.name(), site.orgId, site.id, site.name, now());
    }

    public Clock clock() {
        return clock;
    }

    // ---- package-private access for the HTTP side (callers hold the lock) ------------------------------------

    Collection<SimSite> sites() {
        return sites.values();
    }

    Optional<SimSite> findSite(String siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }

    Collection<SimSwitch> switches() {
        return switches.values();
    }

    Collection<SimAp> aps() {
        return aps.values();
    }

    SimSite siteOf(SimAp ap) {
        return sites.get(ap.siteId);
    }

    SimSite siteOf(SimSwitch sw) {
        return sites.get(sw.spec.siteId());
    }

    SimSwitch switchByMac(String canonicalMac) {
        return switches.get(canonicalMac);
    }

    SimAp apByMac(String canonicalMac) {
        return aps.get(canonicalMac);
    }

    /** Replaces a device object as Mist's PUT does, keeping the cloud-owned fields; empty when no such device. */
    synchronized Optional<ObjectNode> replaceDeviceConfig(String siteId, String deviceId, ObjectNode body) {
        ObjectNode current = deviceConfig(siteId, deviceId).orElse(null);
        if (current == null) {
            return Optional.empty();
        }
        ObjectNode next = body.deepCopy();
        READ_ONLY.forEach(next::remove);
        for (String field : READ_ONLY) {
            if (current.has(field) && !"local_port_config".equals(field)) {
                next.set(field, current.get(field));
            }
        }
        next.put("modified_time", now().getEpochSecond());
        for (SimSwitch sw : switches.values()) {
            if (sw.config == current) {
                sw.config = next;
            }
        }
        for (SimAp ap : aps.values()) {
            if (ap.config == current) {
                ap.config = next;
            }
        }
        return Optional.of(next);
    }

    /** Stores the full {@code local_port_config} override map of a switch; false when no such switch there. */
    synchronized boolean putLocalPortConfig(String siteId, String deviceId, ObjectNode overrides) {
        Optional<SimSwitch> sw = findSwitch(siteId, deviceId);
        sw.ifPresent(s -> {
            s.localPortConfig = overrides.deepCopy();
            s.config.put("modified_time", now().getEpochSecond());
        });
        return sw.isPresent();
    }

    /** Clears the {@code local_port_config} overrides of a switch; false when no such switch there. */
    synchronized boolean deleteLocalPortConfig(String siteId, String deviceId) {
        Optional<SimSwitch> sw = findSwitch(siteId, deviceId);
        sw.ifPresent(s -> {
            s.localPortConfig = null;
            s.config.put("modified_time", now().getEpochSecond());
        });
        return sw.isPresent();
    }

    /** The device object of a switch or AP at that site (by Mist device id); empty when not there. */
    synchronized Optional<ObjectNode> deviceConfig(String siteId, String deviceId) {
        return findSwitch(siteId, deviceId).map(sw -> sw.config)
                .or(() -> findAp(siteId, deviceId).map(ap -> ap.config));
    }

    synchronized Optional<SimSwitch> findSwitch(String siteId, String deviceId) {
        return switches.values().stream()
                .filter(sw -> sw.spec.siteId().equals(siteId) && sw.spec.deviceId().equals(deviceId))
                .findFirst();
    }

    synchronized Optional<SimAp> findAp(String siteId, String deviceId) {
        return aps.values().stream()
                .filter(ap -> ap.siteId.equals(siteId) && ap.spec.deviceId().equals(deviceId))
                .findFirst();
    }

    Instant now() {
        return clock.instant();
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private static void disconnect(SimAp ap, Instant now) {
        if (ap.connected) {
            ap.lastSeen = now;
        }
        ap.connected = false;
    }

    private static LldpView lldpViewOf(SimSwitch sw, SimPort port) {
        SwitchSpec spec = sw.spec;
        String portId = spec.portIdSubtype() == SwitchSpec.LldpPortIdSubtype.INTERFACE_NAME
                ? port.id : Integer.toString(port.ifIndex);
        String desc = "Juniper Networks, Inc. " + spec.model().toLowerCase(Locale.ROOT)
                + " Ethernet Switch, kernel JUNOS 21.4R3-S5.4, Build date: 2023-09-14 02:18:27 UTC"
                + " Copyright (c) 1996-2023 Juniper Networks, Inc.";
        return new LldpView(spec.mac(), spec.name(), desc, portId, port.id, spec.mgmtIp());
    }

    private SimSite site(String siteId) {
        SimSite site = sites.get(siteId);
        if (site == null) {
            throw new IllegalArgumentException("no such site: " + siteId);
        }
        return site;
    }

    private SimSwitch switchOf(String mac) {
        SimSwitch sw = switches.get(MistMac.canonical(mac));
        if (sw == null) {
            throw new IllegalArgumentException("no such switch: " + mac);
        }
        return sw;
    }

    private SimAp apOf(String mac) {
        SimAp ap = aps.get(MistMac.canonical(mac));
        if (ap == null) {
            throw new IllegalArgumentException("no such AP: " + mac);
        }
        return ap;
    }

    private static SimPort port(SimSwitch sw, String portId) {
        SimPort port = sw.ports.get(portId);
        if (port == null) {
            throw new IllegalArgumentException(sw.spec.name() + " has no port " + portId);
        }
        return port;
    }

    /** All APs whose current site is {@code siteId}, in insertion order. */
    List<SimAp> apsAt(String siteId) {
        List<SimAp> out = new ArrayList<>();
        for (SimAp ap : aps.values()) {
            if (ap.siteId.equals(siteId)) {
                out.add(ap);
            }
        }
        return out;
    }
}
