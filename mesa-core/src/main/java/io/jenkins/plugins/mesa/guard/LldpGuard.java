package io.jenkins.plugins.mesa.guard;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.mist.SwitchPortStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Before a port is secured, asks the switch side whether the AP is really gone. Values are compared,
 * not the presence of keys: a port that is up with the AP's MAC as LLDP neighbour still has the AP
 * plugged in (it lost the cloud, not the cable), so the port is left alone; a port that is down, or up
 * with no or another neighbour, no longer serves the AP and is reverted.
 *
 * <p>Readings are given in order of preference; the first one with a status decides, the others are
 * recorded as figures. The flow puts the switch's own LLDP table (live) before Mist's port stats
 * (a cloud copy that can lag). When no source has a status the configured {@link WhenUnknown} applies.
 */
public final class LldpGuard {
    public static final String NAME = "lldp";

    /** What to do when no source knows the port. */
    public enum WhenUnknown {
        /** Keep the AP profile: a wrong revert cuts a working AP off (the original's behaviour). */
        NO_CHANGE,
        /** Secure the port anyway: an open trunk with no AP is the larger risk at this site. */
        REVERT
    }

    private final WhenUnknown whenUnknown;

    public LldpGuard(WhenUnknown whenUnknown) {
        this.whenUnknown = Objects.requireNonNull(whenUnknown, "whenUnknown");
    }

    public Decision beforeRevert(MacAddress ap, SwitchPort port, List<PortReading> readings) {
        Map<String, String> figures = Decision.figures("ap", ap, "port", port);
        PortReading deciding = null;
        for (PortReading r : readings) {
            figures.put(r.source(), describe(r));
            if (deciding == null && r.present()) {
                deciding = r;
            }
        }
        if (deciding == null) {
            figures.put("whenUnknown", whenUnknown.name());
            String why = readings.isEmpty() ? "no switch-side source" : "no switch-side source knows " + port;
            return whenUnknown == WhenUnknown.REVERT
                    ? Decision.proceed(NAME, figures, why + ": configured to revert when unknown")
                    : Decision.stop(NAME, figures, why + ": cannot confirm the AP is gone, no change");
        }
        figures.put("decidedBy", deciding.source());
        SwitchPortStatus s = deciding.status();
        String from = " (" + deciding.source() + ")";
        if (!s.up()) {
            return Decision.proceed(NAME, figures, port + " is down" + from + ": the AP is gone");
        }
        if (s.neighbourMac() == null) {
            return Decision.proceed(NAME, figures, port + " is up with no LLDP neighbour" + from + ": the AP is gone");
        }
        if (s.neighbourMac().equals(ap)) {
            return Decision.stop(NAME, figures, port + " is up and its LLDP neighbour is the AP " + ap + from
                    + ": the AP is still plugged in, no change");
        }
        return Decision.proceed(NAME, figures, port + " is up with another LLDP neighbour " + s.neighbourMac() + from
                + ": the AP is gone");
    }

    private static String describe(PortReading r) {
        if (!r.present()) {
            return r.problem().isEmpty() ? "no data" : "failed: " + r.problem();
        }
        SwitchPortStatus s = r.status();
        return (s.up() ? "up" : "down") + ", neighbour " + (s.neighbourMac() == null ? "none" : s.neighbourMac());
    }
}
