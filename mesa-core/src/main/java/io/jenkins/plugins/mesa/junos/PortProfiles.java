package io.jenkins.plugins.mesa.junos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured Junos port profiles by name. {@link #defaults()} ships an EX AP trunk
 * ({@code ap}) and a secured 802.1X/MAC-RADIUS access port ({@code secured}); operators replace
 * them with their own YAML in the same format:
 *
 * <pre>
 * profiles:
 *   ap:
 *     defaults: { native_vlan: "10", vlans: "AP-MGMT CORP GUEST" }
 *     statements:
 *       - delete interfaces {interface} unit 0 family ethernet-switching
 *       - set interfaces {interface} unit 0 family ethernet-switching interface-mode trunk
 * </pre>
 *
 * Every template is validated while loading; a bad one fails the whole load ({@code bad-profile}).
 */
public final class PortProfiles {
    private static final String DEFAULTS = "/io/jenkins/plugins/mesa/junos/default-profiles.yaml";
    private final Map<String, PortProfile> byName;

    public PortProfiles(List<PortProfile> profiles) {
        Map<String, PortProfile> m = new LinkedHashMap<>();
        for (PortProfile p : profiles) {
            if (m.put(p.name(), p) != null) {
                throw ProfileException.badProfile(p.name(), "defined twice");
            }
        }
        this.byName = Map.copyOf(m);
    }

    public static PortProfiles defaults() {
        try (InputStream in = PortProfiles.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS);
            }
            return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the YAML format shown in the class comment. */
    public static PortProfiles fromYaml(String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw ProfileException.badProfile("(file)", "not valid YAML: " + e.getMessage());
        }
        JsonNode profiles = root == null ? null : root.get("profiles");
        if (profiles == null || !profiles.isObject() || profiles.isEmpty()) {
            throw ProfileException.badProfile("(file)", "needs a non-empty 'profiles' map");
        }
        List<PortProfile> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : profiles.properties()) {
            String name = e.getKey();
            JsonNode body = e.getValue();
            for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
                String k = keys.next();
                if (!Set.of("statements", "defaults").contains(k)) {
                    throw ProfileException.badProfile(name, "unknown key '" + k + "'");
                }
            }
            List<String> statements = new ArrayList<>();
            JsonNode st = body.get("statements");
            if (st == null || !st.isArray()) {
                throw ProfileException.badProfile(name, "needs a 'statements' list");
            }
            st.forEach(n -> {
                if (!n.isTextual()) {
                    throw ProfileException.badProfile(name, "every statement must be a string");
                }
                statements.add(n.asText().strip());
            });
            Map<String, String> defaults = new LinkedHashMap<>();
            JsonNode d = body.get("defaults");
            if (d != null) {
                if (!d.isObject()) {
                    throw ProfileException.badProfile(name, "'defaults' must be a map");
                }
                d.properties().forEach(f -> {
                    if (!f.getValue().isValueNode()) {
                        throw ProfileException.badProfile(name, "default '" + f.getKey() + "' must be a scalar");
                    }
                    defaults.put(f.getKey(), f.getValue().asText());
                });
            }
            out.add(new PortProfile(name, statements, defaults));
        }
        return new PortProfiles(out);
    }

    public Optional<PortProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The profile, or an {@code unknown-profile} {@link ProfileException}. */
    public PortProfile require(String name) {
        return find(name).orElseThrow(() -> ProfileException.unknownProfile(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
