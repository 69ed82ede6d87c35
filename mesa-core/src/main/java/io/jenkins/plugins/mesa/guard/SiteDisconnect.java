package io.jenkins.plugins.mesa.guard;

import io.jenkins.plugins.mesa.MacAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One AP disconnect at one site, as the outage guard counts it.
 *
 * @param siteId  Mist site id (empty for org-level events)
 * @param ap      the AP
 * @param eventId the webhook event it came from (a store keeps each event once)
 * @param at      when the AP went away
 */
public record SiteDisconnect(String siteId, MacAddress ap, String eventId, Instant at) {
    public SiteDisconnect {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(ap, "ap");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
    }
}
