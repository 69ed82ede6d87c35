package io.jenkins.plugins.mesa.lab.mist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A switch: its spec, cloud status, ports and its Mist device object. Guarded by the world's lock. */
final class SimSwitch {
    /** Usage of a port no {@code port_config} entry covers. */
    static final String DEFAULT_USAGE = "default";
    private static final Pattern RANGE = Pattern.compile("(.*?)(\\d+)-(\\d+)");

    final SwitchSpec spec;
    final Instant created;
    final Map<String, SimPort> ports = new LinkedHashMap<>();
    boolean connected = true;
    Instant lastSeen;
    /** The device object as GET returns it and PUT replaces it. */
    ObjectNode config;
    /** The {@code local_port_config} override map, or null when none is set. */
    ObjectNode localPortConfig;

    SimSwitch(SwitchSpec spec, Instant created) {
        this.spec = spec;
        this.created = created;
        this.lastSeen = created;
        int ifIndex = 513; // Junos numbers ge- interfaces from the 500s
        for (String port : spec.ports()) {
            ports.put(port, new SimPort(port, ifIndex++, created));
        }
    }

    /**
     * The usage Mist would apply to a port: {@code local_port_config} first, then the exact {@code port_config}
     * key, then a range or list key ({@code ge-0/0/0-23}, {@code ge-0/0/1,ge-0/0/3}) covering it, else "default".
     */
    String effectiveUsage(String portId) {
        String local = usageFrom(localPortConfig, portId, true);
        if (local != null) {
            return local;
        }
        JsonNode portConfig = config.get("port_config");
        ObjectNode map = portConfig instanceof ObjectNode o ? o : null;
        String exact = usageFrom(map, portId, true);
        if (exact != null) {
            return exact;
        }
        String ranged = usageFrom(map, portId, false);
        return ranged != null ? ranged : DEFAULT_USAGE;
    }

    boolean mistManaged() {
        return config.path("managed").asBoolean(false) && !config.path("disable_auto_config").asBoolean(false);
    }

    private static String usageFrom(ObjectNode map, String portId, boolean exactOnly) {
        if (map == null) {
            return null;
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            boolean hit = exactOnly ? entry.getKey().equals(portId) : keyCovers(entry.getKey(), portId);
            JsonNode usage = entry.getValue().get("usage");
            if (hit && usage != null && usage.isTextual()) {
                return usage.asText();
            }
        }
        return null;
    }

    private static boolean keyCovers(String key, String portId) {
        for (String part : key.split(",")) {
            String item = part.trim();
            if (item.equals(portId)) {
                return true;
            }
            Matcher m = RANGE.matcher(item);
            if (m.matches() && portId.startsWith(m.group(1))) {
                String rest = portId.substring(m.group(1).length());
                if (rest.matches("\\d{1,4}")) {
                    int n = Integer.parseInt(rest);
                    if (n >= Integer.parseInt(m.group(2)) && n <= Integer.parseInt(m.group(3))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
