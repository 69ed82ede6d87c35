package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.Secret;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How MESA reaches one Mist organisation's API.
 *
 * @param baseUrl         the org's regional API root, e.g. {@code https://api.eu.mist.com} (configured,
 *                        never derived). HTTPS is required except for loopback hosts (the lab), so the
 *                        token never travels in clear text over a network
 * @param token           API token, sent as {@code Authorization: Token …}
 * @param connectTimeout  TCP/TLS connect timeout
 * @param requestTimeout  timeout for each request (each retry gets its own)
 * @param switchOverrides per-switch facts that win over what Mist says, keyed by switch name
 *                        (case-insensitive) or MAC (any notation)
 */
public record MistSettings(URI baseUrl, Secret token, Duration connectTimeout, Duration requestTimeout,
                           Map<String, SwitchOverride> switchOverrides) {

    /**
     * Configuration that wins over Mist's own data for one switch.
     *
     * @param managementHost host or address for NETCONF; {@code null} to use Mist's
     * @param mistManaged    force the Mist-managed decision; {@code null} to use Mist's
     *                       ({@code disable_auto_config} / {@code managed})
     */
    public record SwitchOverride(String managementHost, Boolean mistManaged) {
    }

    public MistSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        baseUrl = normalise(baseUrl);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Mist timeouts must be positive");
        }
        Map<String, SwitchOverride> keyed = new HashMap<>();
        (switchOverrides == null ? Map.<String, SwitchOverride>of() : switchOverrides)
                .forEach((k, v) -> keyed.put(overrideKey(k), Objects.requireNonNull(v, "override for " + k)));
        switchOverrides = Map.copyOf(keyed);
    }

    /** 5 s to connect, 15 s per request, no overrides. */
    public static MistSettings of(URI baseUrl, Secret token) {
        return new MistSettings(baseUrl, token, Duration.ofSeconds(5), Duration.ofSeconds(15), Map.of());
    }

    public MistSettings withSwitchOverrides(Map<String, SwitchOverride> overrides) {
        return new MistSettings(baseUrl, token, connectTimeout, requestTimeout, overrides);
    }

    public MistSettings withTimeouts(Duration connect, Duration request) {
        return new MistSettings(baseUrl, token, connect, request, switchOverrides);
    }

    /** The override for a switch, looked up by MAC first, then by name. */
    public Optional<SwitchOverride> overrideFor(String name, MacAddress mac) {
        SwitchOverride byMac = mac == null ? null : switchOverrides.get(mac.value());
        if (byMac != null) {
            return Optional.of(byMac);
        }
        return name == null || name.isBlank() ? Optional.empty()
                : Optional.ofNullable(switchOverrides.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    private static String overrideKey(String key) {
        Objects.requireNonNull(key, "override key");
        try {
            return MacAddress.parse(key).value();
        } catch (IllegalArgumentException notAMac) {
            return key.trim().toLowerCase(Locale.ROOT);
        }
    }

    private static URI normalise(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Mist base URL must be an absolute https URL such as "
                    + "https://api.mist.com, was " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Mist base URL must not carry user info, a query or a fragment");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new IllegalArgumentException("Mist base URL must use https (plain http only for a loopback lab), was "
                    + uri);
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
            return false; // a name would need DNS, which may not answer loopback tomorrow
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
