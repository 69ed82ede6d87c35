package io.jenkins.plugins.mesa.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which back-end changes which switch ({@code backends:}). A switch whose configuration Mist
 * manages always goes to {@link Backend#MIST} (a NETCONF or CSO change would be overwritten by
 * Mist); otherwise the switch's own entry, then its site (by id, then by name), then the default.
 *
 * @param defaultBackend written {@code default:} in the file
 * @param bySite         site id or site name → back-end
 * @param bySwitch       switch name (LLDP/Mist system name) → back-end
 */
public record BackendConfig(@JsonProperty("default") Backend defaultBackend, Map<String, Backend> bySite,
                            Map<String, Backend> bySwitch) {

    public BackendConfig {
        Objects.requireNonNull(defaultBackend, "backends.default");
        bySite = Copies.map(bySite);
        bySwitch = Copies.map(bySwitch);
    }

    /** Every switch through {@code backend}. */
    public static BackendConfig all(Backend backend) {
        return new BackendConfig(backend, Map.of(), Map.of());
    }

    /** The back-end for a port change on this switch. */
    public Backend select(String switchName, String siteId, String siteName, boolean mistManaged) {
        if (mistManaged) {
            return Backend.MIST;
        }
        Backend b = bySwitch.get(switchName);
        if (b == null && siteId != null) {
            b = bySite.get(siteId);
        }
        if (b == null && siteName != null) {
            b = bySite.get(siteName);
        }
        return b == null ? defaultBackend : b;
    }

    /** Every back-end this selection can choose, Mist always included (for Mist-managed switches). */
    public Set<Backend> reachable() {
        Set<Backend> used = EnumSet.of(defaultBackend, Backend.MIST);
        used.addAll(bySite.values());
        used.addAll(bySwitch.values());
        return used;
    }

    static BackendConfig read(Section s) {
        Map<String, Backend> choices = Section.choices(Backend.values(), Backend::id);
        Backend d = s.choice("default", Backend.JUNOS, choices);
        Map<String, Backend> bySite = new LinkedHashMap<>(s.choiceMap("bySite", choices));
        Map<String, Backend> bySwitch = new LinkedHashMap<>(s.choiceMap("bySwitch", choices));
        s.finish();
        return new BackendConfig(d, bySite, bySwitch);
    }
}
