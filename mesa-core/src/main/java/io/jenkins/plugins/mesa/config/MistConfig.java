package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Mist cloud MESA talks to ({@code mist:}).
 *
 * @param baseUrl      the org's regional API host, e.g. {@code https://api.eu.mist.com}; configured,
 *                     never derived; clients append {@code /api/v1/…}
 * @param token        API token, sent as {@code Authorization: Token …}
 * @param orgId        the Mist org (UUID); events of other orgs are not acted on
 * @param timeouts     connect and per-request limits
 * @param retry        bounded retries with backoff on 429, 5xx and I/O errors
 * @param callsPerHour client-side budget of API calls per hour (Mist allows 5000 per token)
 */
public record MistConfig(URI baseUrl, Secret token, String orgId, HttpTimeouts timeouts, RetryPolicy retry,
                         int callsPerHour) {

    /** The regional hosts Mist publishes (reference §1.5), including the legacy names. */
    public static final Set<String> KNOWN_HOSTS = Set.of(
            "api.mist.com", "api.gc1.mist.com", "api.ac2.mist.com", "api.gc2.mist.com", "api.gc4.mist.com",
            "api.eu.mist.com", "api.gc3.mist.com", "api.ac6.mist.com", "api.gc6.mist.com",
            "api.ac5.mist.com", "api.gc5.mist.com", "api.gc7.mist.com",
            "api.mistsys.com", "api.gc1.mistsys.com");
    public static final HttpTimeouts DEFAULT_TIMEOUTS = new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));
    /** Well under Mist's 5000 calls per hour and token, leaving room for other tools using the same token. */
    public static final int DEFAULT_CALLS_PER_HOUR = 4000;

    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public MistConfig {
        Objects.requireNonNull(baseUrl, "mist.baseUrl");
        Objects.requireNonNull(token, "mist.token");
        Objects.requireNonNull(orgId, "mist.orgId");
        Objects.requireNonNull(timeouts, "mist.timeouts");
        Objects.requireNonNull(retry, "mist.retry");
        if (callsPerHour < 1) {
            throw new IllegalArgumentException("mist.callsPerHour must be positive");
        }
    }

    /** A Mist configuration with the default timeouts, retries and budget. */
    public static MistConfig of(URI baseUrl, Secret token, String orgId) {
        return new MistConfig(baseUrl, token, orgId, DEFAULT_TIMEOUTS, RetryPolicy.standard(), DEFAULT_CALLS_PER_HOUR);
    }

    static MistConfig read(Section s) {
        URI baseUrl = null;
        if (!s.has("baseUrl")) {
            s.missing("baseUrl", "the org's regional API host, e.g. https://api.mist.com or https://api.eu.mist.com");
        } else {
            baseUrl = s.url("baseUrl", false).orElse(null);
            if (baseUrl != null && !Section.isLoopback(baseUrl.getHost())
                    && !KNOWN_HOSTS.contains(baseUrl.getHost().toLowerCase(Locale.ROOT))) {
                s.warn("baseUrl", "not one of Mist's published API hosts; check the region");
            }
        }
        Secret token = s.requiredSecret("token", "the Mist API token, e.g. ${env:MIST_TOKEN}");
        String orgId = null;
        if (!s.has("orgId")) {
            s.missing("orgId", "the Mist org id, a UUID");
        } else {
            orgId = s.matching("orgId", UUID, "a Mist org id (UUID)").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        }
        HttpTimeouts timeouts = HttpTimeouts.read(s.section("timeouts"), DEFAULT_TIMEOUTS);
        RetryPolicy retry = Retries.read(s.section("retry"), RetryPolicy.standard());
        int calls = s.integer("callsPerHour", DEFAULT_CALLS_PER_HOUR, 1, 5000);
        s.finish();
        if (baseUrl == null || token == null || orgId == null) {
            return null;
        }
        return new MistConfig(baseUrl, token, orgId, timeouts, retry, calls);
    }
}
