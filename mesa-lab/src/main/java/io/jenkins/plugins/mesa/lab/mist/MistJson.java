package io.jenkins.plugins.mesa.lab.mist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Renders world objects as Mist's JSON, with the field names of Mist's OpenAPI schemas ({@code stats_ap},
 * {@code stats_switch}, {@code stats_switch_port}, {@code inventory}, {@code stats_site}, the device-search
 * items). Callers hold the world's lock.
 */
final class MistJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AP_VERSION = "0.14.29313";
    private static final String JUNOS_VERSION = "21.4R3-S5.4";
    private static final String POE = "PoE 802.3at";

    private final MistWorld world;

    MistJson(MistWorld world) {
        this.world = world;
    }

    /** {@code stats_ap}: status, last_seen, uptime, port_stat, lldp_stat (first neighbour) and lldp_stats (when several). */
    ObjectNode apStats(SimAp ap) {
        SimSite site = world.siteOf(ap);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", ap.spec.deviceId());
        o.put("mac", ap.spec.mac());
        o.put("name", ap.spec.name());
        o.put("site_id", site.id);
        o.put("org_id", site.orgId);
        o.put("type", "ap");
        o.put("model", ap.spec.model());
        o.put("serial", ap.config.path("serial").asText());
        o.put("version", AP_VERSION);
        o.put("status", ap.connected ? "connected" : "disconnected");
        putLastSeen(o, ap.connected, ap.lastSeen);
        o.put("uptime", ap.connected && ap.bootedAt != null ? secondsSince(ap.bootedAt) : 0);
        o.put("ip", ipOf(ap.spec.mac()));
        o.put("num_clients", 0);
        boolean powered = !ap.links.isEmpty();
        o.put("power_src", powered ? POE : null);
        o.put("power_budget", powered ? 1500 : 0);
        o.put("power_constrained", false);
        ObjectNode portStat = o.putObject("port_stat");
        for (String eth : new String[] {"eth0", "eth1"}) {
            if (eth.equals("eth0") || ap.links.containsKey(eth) || ap.lldp.containsKey(eth)) {
                boolean up = ap.links.containsKey(eth);
                ObjectNode p = portStat.putObject(eth);
                p.put("up", up);
                p.put("speed", up ? 1000 : 0);
                p.put("full_duplex", up);
            }
        }
        if (!ap.lldp.isEmpty()) {
            o.set("lldp_stat", lldp(ap.lldp.values().iterator().next()));
        }
        if (ap.lldp.size() > 1) {
            ObjectNode all = o.putObject("lldp_stats");
            for (Map.Entry<String, LldpView> e : ap.lldp.entrySet()) {
                all.set(e.getKey(), lldp(e.getValue()));
            }
        }
        o.put("created_time", ap.created.getEpochSecond());
        o.put("modified_time", ap.config.path("modified_time").asLong());
        return o;
    }

    /** {@code stats_switch}: status, ip, version, vc_mac, and {@code clients} (one per LLDP neighbour). */
    ObjectNode switchStats(SimSwitch sw) {
        SimSite site = world.siteOf(sw);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", sw.spec.deviceId());
        o.put("mac", sw.spec.mac());
        o.put("name", sw.spec.name());
        o.put("hostname", sw.spec.name());
        o.put("site_id", site.id);
        o.put("org_id", site.orgId);
        o.put("type", "switch");
        o.put("model", sw.spec.model());
        o.put("serial", sw.config.path("serial").asText());
        o.put("version", JUNOS_VERSION);
        o.put("status", sw.connected ? "connected" : "disconnected");
        putLastSeen(o, sw.connected, sw.lastSeen);
        o.put("uptime", sw.connected ? secondsSince(sw.created) : 0);
        o.put("ip", sw.spec.mgmtIp());
        o.putObject("ip_stat").put("ip", sw.spec.mgmtIp());
        if (sw.spec.vcMac() != null) {
            o.put("vc_mac", sw.spec.vcMac());
        }
        ArrayNode clients = o.putArray("clients");
        for (SimPort p : sw.ports.values()) {
            if (p.up && p.neighbourMac != null) {
                SimAp ap = world.apByMac(p.neighbourMac);
                ObjectNode c = clients.addObject();
                c.put("mac", p.neighbourMac);
                c.put("port_id", p.id);
                c.put("device_mac", sw.spec.mac());
                c.put("hostname", ap == null ? "" : ap.spec.name());
            }
        }
        o.put("created_time", sw.created.getEpochSecond());
        o.put("modified_time", sw.config.path("modified_time").asLong());
        return o;
    }

    /** {@code stats_switch_port}; the neighbour fields are present only while the port has an LLDP neighbour. */
    ObjectNode portStats(SimSwitch sw, SimPort p) {
        SimSite site = world.siteOf(sw);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("port_id", p.id);
        o.put("mac", sw.spec.mac());
        o.put("port_mac", sw.spec.mac());
        o.put("site_id", site.id);
        o.put("org_id", site.orgId);
        o.put("type", "switch");
        o.put("up", p.up);
        o.put("disabled", false);
        o.put("speed", p.up ? 1000 : 0);
        o.put("full_duplex", p.up);
        o.put("last_flapped", p.lastFlapped.getEpochSecond());
        o.put("port_usage", sw.effectiveUsage(p.id));
        boolean poe = p.up && p.neighbourMac != null;
        o.put("poe_on", poe);
        o.put("poe_mode", "802.3at");
        o.put("poe_disabled", false);
        o.put("power_draw", poe ? 12.4 : 0.0);
        o.put("mac_count", poe ? 1 : 0);
        o.put("mac_limit", 0);
        o.put("stp_state", p.up ? "forwarding" : "");
        o.put("stp_role", p.up ? "designated" : "");
        o.put("unconfigured", false);
        o.put("rx_bytes", 0L);
        o.put("tx_bytes", 0L);
        if (p.up && p.neighbourMac != null) {
            SimAp ap = world.apByMac(p.neighbourMac);
            o.put("neighbor_mac", p.neighbourMac);
            o.put("neighbor_system_name", ap == null ? "" : ap.spec.name());
            o.put("neighbor_port_desc", p.neighbourPort);
        }
        return o;
    }

    /** An {@code inventory} entry. {@code member} renders a virtual-chassis member (only with {@code vc=true}). */
    ObjectNode inventory(SimSwitch sw, boolean member) {
        SimSite site = world.siteOf(sw);
        ObjectNode o = MAPPER.createObjectNode();
        String vcMac = sw.spec.vcMac();
        String mac = vcMac == null || member ? sw.spec.mac() : vcMac;
        o.put("id", member ? MistMac.deviceId(sw.spec.mac()) : sw.spec.deviceId());
        o.put("mac", mac);
        o.put("serial", sw.config.path("serial").asText());
        o.put("model", sw.spec.model());
        o.put("type", "switch");
        o.put("name", sw.spec.name());
        o.put("hostname", sw.spec.name());
        o.put("site_id", site.id);
        o.put("org_id", site.orgId);
        o.put("connected", sw.connected);
        o.put("adopted", false);
        o.putNull("deviceprofile_id");
        o.put("sku", sw.spec.model());
        o.put("hw_rev", "A");
        if (vcMac != null) {
            o.put("vc_mac", vcMac);
            o.put("chassis_mac", sw.spec.mac());
        }
        o.put("created_time", sw.created.getEpochSecond());
        o.put("modified_time", sw.config.path("modified_time").asLong());
        return o;
    }

    ObjectNode inventory(SimAp ap) {
        SimSite site = world.siteOf(ap);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", ap.spec.deviceId());
        o.put("mac", ap.spec.mac());
        o.put("serial", ap.config.path("serial").asText());
        o.put("model", ap.spec.model());
        o.put("type", "ap");
        o.put("name", ap.spec.name());
        o.put("site_id", site.id);
        o.put("org_id", site.orgId);
        o.put("connected", ap.connected);
        o.putNull("deviceprofile_id");
        o.put("sku", ap.spec.model() + "-WW");
        o.put("hw_rev", "B01");
        o.put("magic", "SIM" + ap.spec.mac().substring(4).toUpperCase(Locale.ROOT));
        o.put("created_time", ap.created.getEpochSecond());
        o.put("modified_time", ap.config.path("modified_time").asLong());
        return o;
    }

    /** {@code stats_site}: the device counts MESA's outage guard reads. */
    ObjectNode siteStats(SimSite site) {
        ObjectNode o = site(site);
        int aps = 0;
        int apsUp = 0;
        for (SimAp ap : world.apsAt(site.id)) {
            aps++;
            apsUp += ap.connected ? 1 : 0;
        }
        int switches = 0;
        int switchesUp = 0;
        for (SimSwitch sw : world.switches()) {
            if (sw.spec.siteId().equals(site.id)) {
                switches++;
                switchesUp += sw.connected ? 1 : 0;
            }
        }
        o.put("num_ap", aps);
        o.put("num_ap_connected", apsUp);
        o.put("num_switch", switches);
        o.put("num_switch_connected", switchesUp);
        o.put("num_gateway", 0);
        o.put("num_gateway_connected", 0);
        o.put("num_devices", aps + switches);
        o.put("num_devices_connected", apsUp + switchesUp);
        o.put("num_clients", 0);
        return o;
    }

    /** The {@code site} object. */
    ObjectNode site(SimSite site) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", site.id);
        o.put("name", site.name);
        o.put("org_id", site.orgId);
        o.put("timezone", "UTC");
        o.put("tzoffset", 0);
        o.put("country_code", "US");
        o.put("address", "");
        ObjectNode latlng = o.putObject("latlng");
        latlng.put("lat", 37.295833);
        latlng.put("lng", -122.032946);
        o.put("created_time", site.created.getEpochSecond());
        o.put("modified_time", site.created.getEpochSecond());
        return o;
    }

    /** A devices/search result for an AP, with the flattened {@code lldp_*} fields. */
    ObjectNode apSearch(SimAp ap) {
        SimSite site = world.siteOf(ap);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("mac", ap.spec.mac());
        o.putArray("hostname").add(ap.spec.name());
        o.put("model", ap.spec.model());
        o.put("ip", ipOf(ap.spec.mac()));
        o.put("version", AP_VERSION);
        o.put("org_id", site.orgId);
        o.put("site_id", site.id);
        o.put("type", "ap");
        o.put("uptime", ap.connected && ap.bootedAt != null ? secondsSince(ap.bootedAt) : 0);
        o.put("eth0_port_speed", ap.links.containsKey("eth0") ? 1000 : 0);
        o.put("power_constrained", false);
        if (!ap.lldp.isEmpty()) {
            LldpView v = ap.lldp.values().iterator().next();
            o.put("lldp_system_name", v.systemName());
            o.put("lldp_system_desc", v.systemDesc());
            o.put("lldp_port_id", v.portId());
            o.put("lldp_port_desc", v.portDesc());
            o.put("lldp_mgmt_addr", v.mgmtAddr());
            o.put("lldp_power_allocated", 25500);
            o.put("lldp_power_draw", 12400);
        }
        o.put("timestamp", (ap.lastSeen != null ? ap.lastSeen : ap.created).getEpochSecond());
        return o;
    }

    /** A devices/search result for a switch. */
    ObjectNode switchSearch(SimSwitch sw) {
        SimSite site = world.siteOf(sw);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("mac", sw.spec.mac());
        o.putArray("hostname").add(sw.spec.name());
        o.put("model", sw.spec.model());
        o.put("ip", sw.spec.mgmtIp());
        o.put("version", JUNOS_VERSION);
        o.put("org_id", site.orgId);
        o.put("site_id", site.id);
        o.put("type", "switch");
        o.put("uptime", sw.connected ? secondsSince(sw.created) : 0);
        o.put("timestamp", sw.lastSeen.getEpochSecond());
        return o;
    }

    private ObjectNode lldp(LldpView v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("system_name", v.systemName());
        o.put("system_desc", v.systemDesc());
        // LLDP chassis ids come colon-separated; a client must normalise them.
        o.put("chassis_id", MistMac.colon(v.switchMac()));
        o.put("port_id", v.portId());
        o.put("port_desc", v.portDesc());
        o.put("mgmt_addr", v.mgmtAddr());
        o.putArray("mgmt_addrs").add(v.mgmtAddr());
        o.put("lldp_med_supported", true);
        // Mist keeps the last negotiated values after the link drops.
        o.put("power_allocated", 25500.0);
        o.put("power_requested", 25500.0);
        o.put("power_draw", 12400.0);
        o.put("power_request_count", 1);
        o.put("power_avail", 25500);
        o.put("power_needed", 24000);
        o.put("power_constrained", false);
        o.put("power_src", POE);
        o.putArray("power_srcs").add(POE);
        return o;
    }

    private void putLastSeen(ObjectNode o, boolean connected, Instant lastSeen) {
        if (connected) {
            o.put("last_seen", world.now().getEpochSecond());
        } else if (lastSeen != null) {
            o.put("last_seen", lastSeen.getEpochSecond());
        } else {
            o.putNull("last_seen");
        }
    }

    private long secondsSince(Instant start) {
        return Math.max(0, Duration.between(start, world.now()).getSeconds());
    }

    private static String ipOf(String mac) {
        return "10.20." + Integer.parseInt(mac.substring(8, 10), 16) + "." + Integer.parseInt(mac.substring(10), 16);
    }
}
