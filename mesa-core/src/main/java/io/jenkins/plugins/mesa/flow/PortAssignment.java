package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.SwitchPort;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an AP was last seen plugged in and which profile MESA left that port in.
 *
 * @param ap      the AP
 * @param apName  its name when known, else empty
 * @param siteId  the AP's site when the change was made
 * @param port    the switch port
 * @param profile the profile the port was left in ({@code ap} or {@code secured} by default)
 * @param at      when the change (or the confirmation that none was needed) happened
 */
public record PortAssignment(MacAddress ap, String apName, String siteId, SwitchPort port, String profile,
                             Instant at) {
    public PortAssignment {
        Objects.requireNonNull(ap, "ap");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(at, "at");
        apName = apName == null ? "" : apName;
        siteId = siteId == null ? "" : siteId;
    }

    /** Same switch (by name) and interface; the switch MAC is not compared, as Mist may not know it. */
    public boolean isAt(SwitchPort other) {
        return port.switchName().equals(other.switchName()) && port.port().equals(other.port());
    }
}
