package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * MESA's plugin state that must survive a controller restart: the ids of events already handled (dedup),
 * the per-site disconnect windows (outage guard) and the port registry (AP → switch port). Stored as one
 * XML file in the Jenkins home; every mutation is written before the method returns.
 *
 * <p>Holds plain data only; the decisions made from it live in {@link EventGate}.
 */
@Extension
public final class MesaState {
    private static final Logger LOGGER = Logger.getLogger(MesaState.class.getName());
    static final int MAX_DELIVERED_IDS = 50_000;

    private final transient XmlFile file;
    private final transient Object lock = new Object();
    private Data data = new Data();

    public MesaState() {
        this(new File(Jenkins.get().getRootDir(), MesaState.class.getName() + ".xml"));
    }

    MesaState(File location) {
        this.file = new XmlFile(Jenkins.XSTREAM2, location);
        if (file.exists()) {
            try {
                Object loaded = file.read();
                if (loaded instanceof Data d) {
                    data = d.normalised();
                }
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not read MESA state from " + location + "; starting empty", e);
            }
        }
    }

    /** The singleton instance. */
    public static MesaState get() {
        return ExtensionList.lookupSingleton(MesaState.class);
    }

    // ---- dedup -----------------------------------------------------------------------------------------

    /**
     * Records the event id unless it was seen at or after {@code notBeforeMillis}. Ids older than that are
     * forgotten. Returns true when the id is new.
     */
    boolean recordDelivery(String eventId, long nowMillis, long notBeforeMillis) {
        synchronized (lock) {
            data.delivered.values().removeIf(seen -> seen < notBeforeMillis);
            if (data.delivered.containsKey(eventId)) {
                return false;
            }
            data.delivered.put(eventId, nowMillis);
            while (data.delivered.size() > MAX_DELIVERED_IDS) {
                Iterator<String> oldest = data.delivered.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            persist();
            return true;
        }
    }

    // ---- outage windows --------------------------------------------------------------------------------

    /** A copy of the site's disconnect window (empty when none). */
    SiteWindow window(String siteId) {
        synchronized (lock) {
            SiteWindow w = data.outages.get(siteId);
            return w == null ? new SiteWindow() : w.copy();
        }
    }

    void storeWindow(String siteId, SiteWindow window) {
        synchronized (lock) {
            if (window.disconnects.isEmpty() && window.declaredAtMillis == 0) {
                data.outages.remove(siteId);
            } else {
                data.outages.put(siteId, window.copy());
            }
            persist();
        }
    }

    // ---- port registry ---------------------------------------------------------------------------------

    /** Remembers where an AP was last configured (called after every successful change). */
    public void rememberPort(String apMac, PortRecord record) {
        synchronized (lock) {
            data.ports.put(apMac, record.copy());
            persist();
        }
    }

    /** Where the AP was last configured, or null if MESA never configured a port for it. */
    @CheckForNull
    public PortRecord portOf(String apMac) {
        synchronized (lock) {
            PortRecord r = data.ports.get(apMac);
            return r == null ? null : r.copy();
        }
    }

    /** Every remembered AP (MAC) with where it was last configured: a copy, in the order they were remembered. */
    public Map<String, PortRecord> ports() {
        synchronized (lock) {
            Map<String, PortRecord> copy = new LinkedHashMap<>();
            data.ports.forEach((ap, r) -> copy.put(ap, r.copy()));
            return copy;
        }
    }

    /** Forgets an AP (its port was reverted to the secured profile). */
    public void forgetPort(String apMac) {
        synchronized (lock) {
            if (data.ports.remove(apMac) != null) {
                persist();
            }
        }
    }

    private void persist() {
        try {
            file.write(data);
        } catch (IOException e) {
            // The in-memory state stays correct; only restart-survival is at risk, so say so loudly.
            LOGGER.log(Level.WARNING, "Could not write MESA state to " + file, e);
        }
    }

    /** The persisted document. */
    static final class Data {
        private LinkedHashMap<String, Long> delivered = new LinkedHashMap<>();
        private LinkedHashMap<String, SiteWindow> outages = new LinkedHashMap<>();
        private LinkedHashMap<String, PortRecord> ports = new LinkedHashMap<>();

        Data normalised() {
            if (delivered == null) {
                delivered = new LinkedHashMap<>();
            }
            if (outages == null) {
                outages = new LinkedHashMap<>();
            }
            if (ports == null) {
                ports = new LinkedHashMap<>();
            }
            return this;
        }
    }

    /** Disconnects seen at one site inside the outage window, and when an outage was declared (0 = none). */
    static final class SiteWindow {
        /** AP MAC → epoch millis of its latest disconnect; insertion order = order of arrival. */
        LinkedHashMap<String, Long> disconnects = new LinkedHashMap<>();

        long declaredAtMillis;

        SiteWindow copy() {
            SiteWindow c = new SiteWindow();
            c.disconnects = new LinkedHashMap<>(disconnects == null ? Map.of() : disconnects);
            c.declaredAtMillis = declaredAtMillis;
            return c;
        }

        List<String> aps() {
            return new ArrayList<>(disconnects.keySet());
        }
    }

    /** One port-registry entry: where an AP is plugged in, and which profile MESA applied there. */
    public static final class PortRecord {
        private String switchName;
        private String switchMac;
        private String managementHost;
        private String port;
        private String profile;
        private long configuredAtMillis;

        public PortRecord(
                String switchName,
                String switchMac,
                String managementHost,
                String port,
                String profile,
                long configuredAtMillis) {
            this.switchName = switchName;
            this.switchMac = switchMac;
            this.managementHost = managementHost;
            this.port = port;
            this.profile = profile;
            this.configuredAtMillis = configuredAtMillis;
        }

        PortRecord copy() {
            return new PortRecord(switchName, switchMac, managementHost, port, profile, configuredAtMillis);
        }

        public String getSwitchName() {
            return switchName;
        }

        public String getSwitchMac() {
            return switchMac;
        }

        public String getManagementHost() {
            return managementHost;
        }

        public String getPort() {
            return port;
        }

        public String getProfile() {
            return profile;
        }

        public long getConfiguredAtMillis() {
            return configuredAtMillis;
        }
    }
}
