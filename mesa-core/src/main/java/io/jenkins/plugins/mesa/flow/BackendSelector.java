package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.guard.Decision;
import io.jenkins.plugins.mesa.guard.InvalidSettingException;
import io.jenkins.plugins.mesa.mist.SwitchInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the back-end that changes a given switch's ports. A switch Mist manages always goes to the
 * {@code mist} back-end (a NETCONF change would be overwritten at Mist's next push); otherwise the
 * switch's own setting, then its site's, then the default. With no default, switches not named in
 * the configuration are not managed by MESA and their ports are left alone.
 */
public final class BackendSelector {
    public static final String NAME = "backend";
    public static final String MIST = "mist";

    /** The choice, and the decision explaining it; {@code configurator} is null when MESA does not manage the switch. */
    public record Choice(Decision decision, PortConfigurator configurator) {
    }

    private final Map<String, PortConfigurator> byName = new LinkedHashMap<>();
    private final String defaultBackend;
    private final Map<String, String> bySwitch;
    private final Map<String, String> bySite;

    /**
     * @param configurators  the available back-ends, by their {@link PortConfigurator#backend()} names
     * @param defaultBackend back-end for switches with no setting of their own or their site's; null for none
     * @param bySwitch       switch name → back-end name
     * @param bySite         Mist site id or site name → back-end name
     */
    public BackendSelector(List<PortConfigurator> configurators, String defaultBackend, Map<String, String> bySwitch,
                           Map<String, String> bySite) {
        for (PortConfigurator c : configurators) {
            if (byName.put(c.backend(), c) != null) {
                throw new InvalidSettingException("two back-ends named " + c.backend());
            }
        }
        this.defaultBackend = defaultBackend;
        this.bySwitch = Map.copyOf(bySwitch);
        this.bySite = Map.copyOf(bySite);
        if (defaultBackend != null) {
            requireKnown(defaultBackend, "default");
        }
        this.bySwitch.forEach((sw, name) -> requireKnown(name, "switch " + sw));
        this.bySite.forEach((site, name) -> requireKnown(name, "site " + site));
    }

    /** One back-end for every switch not managed by Mist (and the Mist one, if given, for those that are). */
    public static BackendSelector everywhere(PortConfigurator defaultBackend, PortConfigurator... more) {
        List<PortConfigurator> all = new java.util.ArrayList<>(List.of(more));
        all.add(0, defaultBackend);
        return new BackendSelector(all, defaultBackend.backend(), Map.of(), Map.of());
    }

    private void requireKnown(String name, String where) {
        if (!byName.containsKey(name)) {
            throw new InvalidSettingException("back-end '" + name + "' for " + where + " is not configured; known: "
                    + byName.keySet());
        }
    }

    public Choice choose(SwitchPort port, String siteId, Optional<SwitchInfo> info) {
        return choose(port, siteId, "", info);
    }

    /** As {@link #choose(SwitchPort, String, Optional)}; a site setting may name the site by id or by name. */
    public Choice choose(SwitchPort port, String siteId, String siteName, Optional<SwitchInfo> info) {
        var figures = Decision.figures("switch", port.switchName(), "site", siteId,
                "mistManaged", info.map(i -> String.valueOf(i.mistManaged())).orElse("unknown (switch not in Mist)"));
        if (info.isPresent() && info.get().mistManaged()) {
            PortConfigurator mist = byName.get(MIST);
            figures.put("backend", mist == null ? "none" : MIST);
            return mist == null
                    ? new Choice(Decision.stop(NAME, figures, port.switchName()
                            + " is managed by Mist but no mist back-end is configured: no change"), null)
                    : new Choice(Decision.proceed(NAME, figures, port.switchName()
                            + " is managed by Mist: change through the Mist API"), mist);
        }
        String name;
        String why;
        if (bySwitch.containsKey(port.switchName())) {
            name = bySwitch.get(port.switchName());
            why = "configured for switch " + port.switchName();
        } else if (bySite.containsKey(siteId)) {
            name = bySite.get(siteId);
            why = "configured for site " + siteId;
        } else if (siteName != null && !siteName.isEmpty() && bySite.containsKey(siteName)) {
            name = bySite.get(siteName);
            why = "configured for site " + siteName;
        } else {
            name = defaultBackend;
            why = "the default back-end";
        }
        figures.put("backend", name == null ? "none" : name);
        if (name == null) {
            return new Choice(Decision.stop(NAME, figures, port.switchName()
                    + " is not a switch MESA manages (no back-end configured for it): no change"), null);
        }
        return new Choice(Decision.proceed(NAME, figures, name + " for " + port.switchName() + " (" + why + ")"),
                byName.get(name));
    }
}
