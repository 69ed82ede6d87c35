package io.jenkins.plugins.mesa.audit;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;

/**
 * The identifying facts of one webhook event, flat so any store can keep them.
 *
 * @param time       the event's own timestamp (Mist's clock)
 * @param receivedAt when MESA accepted it
 */
public record EventSummary(String eventId, String type, String apMac, String apName, String orgId, String siteId,
                           String siteName, Instant time, Instant receivedAt) {

    public static EventSummary of(ApEvent e, Instant receivedAt) {
        return new EventSummary(e.eventId(), e.type(), e.ap().value(), e.apName(), e.orgId(), e.siteId(),
                e.siteName(), e.timestamp(), receivedAt);
    }

    /** "ap-lobby (5c5b350e55c8)" or just the MAC. */
    public String apLabel() {
        return apName == null || apName.isEmpty() ? apMac : apName + " (" + apMac + ")";
    }

    /** Site name, else site id, else "the org". */
    public String siteLabel() {
        if (siteName != null && !siteName.isEmpty()) {
            return siteName;
        }
        return siteId == null || siteId.isEmpty() ? "the org" : siteId;
    }
}
