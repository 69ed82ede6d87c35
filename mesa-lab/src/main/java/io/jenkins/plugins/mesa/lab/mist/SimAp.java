package io.jenkins.plugins.mesa.lab.mist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** An AP: assignment, cloud status, cabling and its LLDP memory. Guarded by the world's lock. */
final class SimAp {
    /** Where one AP interface is cabled to right now. */
    record Link(String switchMac, String portId) {
    }

    final ApSpec spec;
    final Instant created;
    String siteId;
    boolean connected;
    /** Null until the AP has been seen by the cloud once. */
    Instant lastSeen;
    Instant bootedAt;
    /** Current cabling, keyed by AP interface ({@code eth0}). */
    final Map<String, Link> links = new TreeMap<>();
    /** Last LLDP neighbour per AP interface; kept (stale) after unplugging, as Mist does. */
    final Map<String, LldpView> lldp = new TreeMap<>();
    ObjectNode config;

    SimAp(ApSpec spec, Instant created) {
        this.spec = spec;
        this.created = created;
        this.siteId = spec.siteId();
    }
}
