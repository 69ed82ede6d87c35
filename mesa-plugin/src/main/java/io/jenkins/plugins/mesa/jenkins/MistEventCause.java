package io.jenkins.plugins.mesa.jenkins;

import hudson.model.Cause;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kohsuke.stapler.export.Exported;

/**
 * Why a run started: one Mist AP event, or one coalesced site outage ({@link #SITE_OUTAGE}). Its exported
 * fields are readable in a Pipeline without script approval through
 * {@code currentBuild.getBuildCauses('io.jenkins.plugins.mesa.jenkins.MistEventCause')} and appear in the REST API;
 * the same values are in the environment ({@link MistEventEnvironment}).
 */
public final class MistEventCause extends Cause {
    /** The type of a coalesced outage run: the disconnects of one burst at one site. */
    public static final String SITE_OUTAGE = "SITE_OUTAGE";

    private String eventId;
    private String type;
    private String apMac;
    private String apName;
    private String siteId;
    private String siteName;
    private String orgId;
    private long timestamp;
    private List<String> coalescedAps = new ArrayList<>();
    private List<Long> cancelledQueueIds = new ArrayList<>();

    private MistEventCause(
            String eventId,
            String type,
            String apMac,
            String apName,
            String siteId,
            String siteName,
            String orgId,
            long timestamp) {
        this.eventId = eventId;
        this.type = type;
        this.apMac = apMac;
        this.apName = Printable.of(apName);
        this.siteId = siteId;
        this.siteName = Printable.of(siteName);
        this.orgId = orgId;
        this.timestamp = timestamp;
    }

    /** The cause of a run for one AP event. */
    public static MistEventCause of(ApEvent e) {
        return new MistEventCause(
                e.eventId(),
                e.type(),
                e.ap().value(),
                e.apName(),
                e.siteId(),
                e.siteName(),
                e.orgId(),
                e.timestamp().getEpochSecond());
    }

    /** The cause of the one run for a site outage; {@code aps} are the disconnected APs known so far. */
    public static MistEventCause outage(ApEvent trigger, long declaredAtMillis, List<String> aps) {
        MistEventCause c = new MistEventCause(
                "outage:" + trigger.siteId() + ":" + declaredAtMillis,
                SITE_OUTAGE,
                "",
                "",
                trigger.siteId(),
                trigger.siteName(),
                trigger.orgId(),
                declaredAtMillis / 1000);
        c.coalescedAps.addAll(aps);
        return c;
    }

    @Exported(visibility = 3)
    public String getEventId() {
        return eventId;
    }

    /** {@code AP_CONNECTED}, {@code AP_DISCONNECTED}, {@code AP_RESTARTED} or {@link #SITE_OUTAGE}. */
    @Exported(visibility = 3)
    public String getType() {
        return type;
    }

    /** The AP's MAC (12 lowercase hex digits); empty for a site outage. */
    @Exported(visibility = 3)
    public String getApMac() {
        return apMac;
    }

    @Exported(visibility = 3)
    public String getApName() {
        return apName;
    }

    @Exported(visibility = 3)
    public String getSiteId() {
        return siteId;
    }

    @Exported(visibility = 3)
    public String getSiteName() {
        return siteName;
    }

    @Exported(visibility = 3)
    public String getOrgId() {
        return orgId;
    }

    /** Event time, epoch seconds. */
    @Exported(visibility = 3)
    public long getTimestamp() {
        return timestamp;
    }

    /** Event time, ISO-8601 UTC. */
    @Exported(visibility = 3)
    public String getEventTime() {
        return Instant.ofEpochSecond(timestamp).toString();
    }

    /** For a site outage: the APs that disconnected in the burst, in order of arrival. */
    @Exported(visibility = 3)
    public synchronized List<String> getCoalescedAps() {
        return List.copyOf(coalescedAps);
    }

    /** Queue items (waiting disconnects) this event cancelled: hold-down cancel or outage coalescing. */
    @Exported(visibility = 3)
    public synchronized List<Long> getCancelledQueueIds() {
        return List.copyOf(cancelledQueueIds);
    }

    /** Adds an AP to a still-waiting outage run. */
    synchronized void addCoalescedAp(String mac) {
        if (!coalescedAps.contains(mac)) {
            coalescedAps.add(mac);
        }
    }

    synchronized void addCancelled(long queueId) {
        cancelledQueueIds.add(queueId);
    }

    /** The event as a map of plain values: the same keys {@code mistEvent} returns for each event. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", eventId);
        m.put("type", type);
        m.put("apMac", apMac);
        m.put("apName", apName);
        m.put("siteId", siteId);
        m.put("siteName", siteName);
        m.put("orgId", orgId);
        m.put("timestamp", timestamp);
        m.put("coalescedAps", new ArrayList<>(getCoalescedAps()));
        return m;
    }

    @Override
    public String getShortDescription() {
        if (SITE_OUTAGE.equals(type)) {
            return "Mist site outage at " + siteLabel() + ": "
                    + getCoalescedAps().size() + " APs disconnected";
        }
        String ap = apName.isEmpty() ? apMac : apName + " (" + apMac + ")";
        return "Mist " + type + ": " + ap + " at " + siteLabel();
    }

    private String siteLabel() {
        return siteName.isEmpty() ? siteId : siteName;
    }

    protected Object readResolve() {
        if (coalescedAps == null) {
            coalescedAps = new ArrayList<>();
        }
        if (cancelledQueueIds == null) {
            cancelledQueueIds = new ArrayList<>();
        }
        return this;
    }

    /** Same event ⇒ same cause, so an exact re-delivery folded into a queue item adds nothing. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MistEventCause other && eventId.equals(other.eventId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId);
    }
}
