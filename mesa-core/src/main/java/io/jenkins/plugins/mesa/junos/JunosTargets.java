package io.jenkins.plugins.mesa.junos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The NETCONF connection settings of every Junos switch MESA may change, by switch name. */
public final class JunosTargets {
    private final Map<String, JunosTarget> byName;

    public JunosTargets(List<JunosTarget> targets) {
        Map<String, JunosTarget> m = new LinkedHashMap<>();
        for (JunosTarget t : targets) {
            if (m.put(t.switchName(), t) != null) {
                throw new IllegalArgumentException("switch " + t.switchName() + " configured twice");
            }
        }
        this.byName = Map.copyOf(m);
    }

    public static JunosTargets of(JunosTarget... targets) {
        return new JunosTargets(List.of(targets));
    }

    public Optional<JunosTarget> find(String switchName) {
        return Optional.ofNullable(byName.get(switchName));
    }
}
