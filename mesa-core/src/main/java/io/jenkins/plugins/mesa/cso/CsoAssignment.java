package io.jenkins.plugins.mesa.cso;

import io.jenkins.plugins.mesa.change.SwitchPort;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What MESA will ask CSO to put on one port, found by looking the objects up: the device, the
 * port profile and the LAN segments (plus the native one on a trunk). The input of
 * {@link CsoPortConfigurator#startDeploy(CsoAssignment)}.
 *
 * @param target          the switch port
 * @param profile         the MESA profile name
 * @param deviceUuid      the CSO device
 * @param portProfileName the CSO port profile
 * @param portProfileUuid its uuid
 * @param segments        the LAN segments to associate
 * @param nativeSegment   the native segment of a trunk, or {@code null}
 * @param previousProfile the port profile the port had, or {@code null} when CSO did not tell
 */
public record CsoAssignment(SwitchPort target, String profile, String deviceUuid, String portProfileName,
                            String portProfileUuid, List<LanSegment> segments, LanSegment nativeSegment,
                            String previousProfile) {

    public CsoAssignment {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(deviceUuid, "deviceUuid");
        Objects.requireNonNull(portProfileName, "portProfileName");
        Objects.requireNonNull(portProfileUuid, "portProfileUuid");
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a CSO assignment needs at least one LAN segment");
        }
    }

    /**
     * One line for humans, e.g. {@code sw1 ge-0/0/4: port profile generic-access -> generic-trunk,
     * LAN segments [corp(10), ap-mgmt(11)], native VLAN 11}.
     */
    public String summary() {
        String before = previousProfile == null ? "(unknown)" : previousProfile;
        String list = segments.stream().map(LanSegment::toString).collect(Collectors.joining(", ", "[", "]"));
        return target + ": port profile " + before + " -> " + portProfileName + ", LAN segments " + list
                + (nativeSegment == null ? "" : ", native VLAN " + nativeSegment.vlan());
    }
}
