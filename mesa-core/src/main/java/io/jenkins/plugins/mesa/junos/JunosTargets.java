package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.MesaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The NETCONF connection settings of every Junos switch MESA may change, by switch name. A switch
 * configured without a host is reached at the address its {@link HostResolver} (Mist) reports when a
 * session to it is opened ({@link JunosSessions}); the open session is reused, so Mist is not asked on
 * every change. The configured host-key pin decides trust whatever the address.
 */
public final class JunosTargets {
    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    /** IPv6 literal, optionally with a zone; at least two colons. */
    private static final Pattern IPV6 = Pattern.compile("(?=(?:[^:]*:){2})[0-9A-Fa-f:.]{2,45}(?:%[A-Za-z0-9._-]{1,32})?");

    private final Map<String, JunosTarget> byName;
    private final HostResolver hosts;

    /** Targets whose switches all have a configured host (a host-less one cannot be reached). */
    public JunosTargets(List<JunosTarget> targets) {
        this(targets, HostResolver.NONE);
    }

    /** @param hosts where to reach the switches configured without a host */
    public JunosTargets(List<JunosTarget> targets, HostResolver hosts) {
        Map<String, JunosTarget> m = new LinkedHashMap<>();
        for (JunosTarget t : targets) {
            if (m.put(t.switchName(), t) != null) {
                throw new IllegalArgumentException("switch " + t.switchName() + " configured twice");
            }
        }
        this.byName = Map.copyOf(m);
        this.hosts = Objects.requireNonNull(hosts, "hosts");
    }

    public static JunosTargets of(JunosTarget... targets) {
        return new JunosTargets(List.of(targets));
    }

    /** The switch's settings as configured (the host is {@code null} when it comes from Mist). */
    public Optional<JunosTarget> find(String switchName) {
        return Optional.ofNullable(byName.get(switchName));
    }

    /**
     * Where to connect to a switch configured without a host: the validated management address the
     * resolver (Mist) reports. Asked each time a new session to the switch is opened, so a switch
     * that changed its address is found again on the next connection.
     *
     * @param switchMac the switch's MAC, needed to ask Mist
     * @throws SwitchHostException when the address cannot be found or is not a host name or address
     */
    public String addressOf(String switchName, MacAddress switchMac) {
        if (switchMac == null) {
            throw new SwitchHostException("no-switch-mac", "switch " + switchName
                    + " has no configured host and the change names no switch MAC to ask Mist for its address");
        }
        Optional<String> host;
        try {
            host = hosts.managementHost(switchName, switchMac);
        } catch (MesaException e) {
            throw new SwitchHostException("switch-host-lookup-failed", "switch " + switchName
                    + " has no configured host and Mist could not be asked for its address: " + e.getMessage(), e);
        }
        String h = host.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() -> new SwitchHostException(
                "switch-host-unknown", "switch " + switchName + " (" + switchMac
                        + ") has no configured host and Mist reports no management address for it"));
        if (!isHostOrAddress(h)) {
            throw new SwitchHostException("bad-switch-host", "switch " + switchName + ": Mist reports management address \""
                    + printable(h) + "\", which is no host name or IP address");
        }
        return h;
    }

    /** True for a host name, an IPv4 dotted quad (a host name by syntax) or an IPv6 literal; never spaces or controls. */
    static boolean isHostOrAddress(String host) {
        return HOST_NAME.matcher(host).matches() || IPV6.matcher(host).matches();
    }

    /** The text cut short and with controls shown as '?', safe for one log line. */
    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
