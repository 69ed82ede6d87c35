package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MacAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One AP event from a Mist {@code device-events} webhook that MESA acts on.
 *
 * @param eventId   stable id for dedup: {@code <audit_id>:<type>:<mac>} when {@code audit_id} is present
 *                  (one admin action can touch many APs, so the audit id alone is not unique), otherwise
 *                  32 hex digits of SHA-256 over type|mac|timestamp|site
 * @param type      Mist's type string as received, e.g. {@code AP_DISCONNECTED}
 * @param ap        the AP's MAC ({@code mac}, or legacy {@code ap})
 * @param apName    {@code device_name} (or legacy {@code ap_name}); empty when absent
 * @param orgId     {@code org_id}
 * @param siteId    {@code site_id}; empty for org-level events
 * @param siteName  {@code site_name}; empty when absent
 * @param timestamp {@code timestamp} (epoch seconds in the payload)
 * @param auditId   {@code audit_id}; empty when absent
 * @param reason    {@code reason}; empty when absent
 * @param text      {@code text}; empty when absent
 */
public record ApEvent(String eventId, String type, MacAddress ap, String apName, String orgId, String siteId,
                      String siteName, Instant timestamp, String auditId, String reason, String text) {

    /** What MESA does with an event type. */
    public enum Kind { CONNECTED, DISCONNECTED, RESTARTED }

    public ApEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ap, "ap");
        Objects.requireNonNull(timestamp, "timestamp");
        apName = apName == null ? "" : apName;
        orgId = orgId == null ? "" : orgId;
        siteId = siteId == null ? "" : siteId;
        siteName = siteName == null ? "" : siteName;
        auditId = auditId == null ? "" : auditId;
        reason = reason == null ? "" : reason;
        text = text == null ? "" : text;
        kindOf(type); // only actionable types are ApEvents
    }

    public Kind kind() {
        return kindOf(type);
    }

    /** True for the three types MESA acts on. */
    public static boolean isActionable(String type) {
        return "AP_CONNECTED".equals(type) || "AP_DISCONNECTED".equals(type) || "AP_RESTARTED".equals(type);
    }

    private static Kind kindOf(String type) {
        return switch (type) {
            case "AP_CONNECTED" -> Kind.CONNECTED;
            case "AP_DISCONNECTED" -> Kind.DISCONNECTED;
            case "AP_RESTARTED" -> Kind.RESTARTED;
            default -> throw new IllegalArgumentException("not an actionable AP event type: " + type);
        };
    }
}
