package io.jenkins.plugins.mesa.lab.mist;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event of a Mist {@code device-events} webhook, with the field names of Mist's
 * {@code webhook_device_events_event} schema.
 *
 * @param type       e.g. {@code AP_CONNECTED}, {@code AP_DISCONNECTED}, {@code AP_RESTARTED}
 * @param mac        device MAC, lowercase hex without separators
 * @param deviceName {@code device_name}
 * @param deviceType {@code device_type}: ap, switch or gateway
 * @param orgId      {@code org_id}
 * @param siteId     {@code site_id}; null for org-level events
 * @param siteName   {@code site_name}; null when absent
 * @param timestamp  {@code timestamp}, sent as epoch seconds
 * @param evType     {@code ev_type}: notice or warn
 * @param extra      further fields sent as-is (e.g. {@code reason}, {@code audit_id}); may be empty
 */
public record DeviceEvent(String type, String mac, String deviceName, String deviceType, String orgId,
                          String siteId, String siteName, Instant timestamp, String evType,
                          Map<String, Object> extra) {
    public DeviceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(evType, "evType");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** An AP event; {@code ev_type} is "warn" for AP_DISCONNECTED and "notice" otherwise, as Mist sends them. */
    public static DeviceEvent ap(String type, String mac, String deviceName, String orgId, String siteId,
                                 String siteName, Instant timestamp) {
        String evType = "AP_DISCONNECTED".equals(type) ? "warn" : "notice";
        return new DeviceEvent(type, MistMac.canonical(mac), deviceName, "ap", orgId, siteId, siteName,
                timestamp, evType, Map.of());
    }

    /** The same event with one more field (e.g. {@code reason} on AP_RESTARTED). */
    public DeviceEvent with(String field, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(extra);
        more.put(field, value);
        return new DeviceEvent(type, mac, deviceName, deviceType, orgId, siteId, siteName, timestamp, evType, more);
    }
}
