package io.jenkins.plugins.mesa.mist;

/** The site's AP population from Mist site stats: {@code num_ap} and {@code num_ap_connected}. */
public record SiteApCounts(String siteId, int total, int connected) {
}
