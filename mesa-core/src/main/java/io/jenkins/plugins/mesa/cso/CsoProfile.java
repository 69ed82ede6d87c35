package io.jenkins.plugins.mesa.cso;

import java.util.List;
import java.util.Objects;

/**
 * How one MESA profile ({@code ap}, {@code secured} or a custom name) is expressed in CSO: a CSO
 * port profile plus the LAN segments (identified by VLAN id) to associate with the port.
 *
 * @param portProfileName the CSO port profile, matched against the profile's {@code fq_name}
 * @param mode            trunk (several segments, optional native) or access (exactly one segment)
 * @param vlans           trunk: the VLAN ids of the segments to carry, empty meaning every LAN
 *                        segment of the device; access: exactly one VLAN id
 * @param nativeVlan      trunk only: the VLAN id of the native (untagged) segment, or {@code null}
 */
public record CsoProfile(String portProfileName, Mode mode, List<Integer> vlans, Integer nativeVlan) {

    public enum Mode { TRUNK, ACCESS }

    public CsoProfile {
        Objects.requireNonNull(portProfileName, "portProfileName");
        Objects.requireNonNull(mode, "mode");
        if (portProfileName.isBlank()) {
            throw new IllegalArgumentException("CSO port profile name is blank");
        }
        vlans = List.copyOf(vlans == null ? List.of() : vlans);
        vlans.forEach(CsoProfile::checkVlan);
        if (vlans.stream().distinct().count() != vlans.size()) {
            throw new IllegalArgumentException("CSO profile " + portProfileName + " lists a VLAN twice: " + vlans);
        }
        if (nativeVlan != null) {
            checkVlan(nativeVlan);
        }
        if (mode == Mode.ACCESS && (vlans.size() != 1 || nativeVlan != null)) {
            throw new IllegalArgumentException("CSO access profile " + portProfileName
                    + " needs exactly one VLAN and no native VLAN");
        }
        if (mode == Mode.TRUNK && nativeVlan != null && !vlans.isEmpty() && !vlans.contains(nativeVlan)) {
            throw new IllegalArgumentException("CSO trunk profile " + portProfileName + ": native VLAN " + nativeVlan
                    + " is not among its VLANs " + vlans);
        }
    }

    /** A trunk carrying every LAN segment of the device, with this native VLAN (the original's AP profile). */
    public static CsoProfile trunkAll(String portProfileName, Integer nativeVlan) {
        return new CsoProfile(portProfileName, Mode.TRUNK, List.of(), nativeVlan);
    }

    /** A trunk carrying the segments of these VLANs, with this native VLAN (or {@code null}). */
    public static CsoProfile trunk(String portProfileName, List<Integer> vlans, Integer nativeVlan) {
        if (vlans == null || vlans.isEmpty()) {
            throw new IllegalArgumentException("CSO trunk profile " + portProfileName + ": list its VLANs or use trunkAll");
        }
        return new CsoProfile(portProfileName, Mode.TRUNK, vlans, nativeVlan);
    }

    /** An access port in the segment of this VLAN (the original's secured/default profile). */
    public static CsoProfile access(String portProfileName, int vlan) {
        return new CsoProfile(portProfileName, Mode.ACCESS, List.of(vlan), null);
    }

    private static void checkVlan(Integer vlan) {
        if (vlan == null || vlan < 1 || vlan > 4094) {
            throw new IllegalArgumentException("VLAN id must be 1..4094, was " + vlan);
        }
    }
}
