package io.jenkins.plugins.mesa.lab.mist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A simulated EX switch to add to a {@link MistWorld}.
 *
 * @param siteId        the Mist site it is assigned to
 * @param mac           its (FPC0) MAC; what LLDP and port stats report as the switch MAC
 * @param name          hostname, also its LLDP system name
 * @param model         e.g. {@code EX4300-48P}
 * @param mgmtIp        management address (device stats {@code ip}, LLDP {@code mgmt_addr})
 * @param managed       true when Mist owns its configuration ({@code managed: true},
 *                      {@code disable_auto_config: false} in the device object)
 * @param ports         its access interfaces, e.g. {@code ge-0/0/0}…
 * @param vcMac         the cloud-assigned virtual-chassis MAC ({@code 020003…}) or null when not a VC; when set,
 *                      the Mist device id derives from it rather than from {@code mac}
 * @param portIdSubtype what the switch advertises as its LLDP port id
 */
public record SwitchSpec(String siteId, String mac, String name, String model, String mgmtIp, boolean managed,
                         List<String> ports, String vcMac, LldpPortIdSubtype portIdSubtype) {

    /** What a Junos switch puts in the LLDP port-id TLV, which is what the AP reports as {@code port_id}. */
    public enum LldpPortIdSubtype {
        /** {@code port_id} is the interface name ({@code ge-0/0/4}); {@code port_desc} repeats it. */
        INTERFACE_NAME,
        /** {@code port_id} is the SNMP ifIndex ({@code 513}); only {@code port_desc} names the interface. */
        LOCALLY_ASSIGNED
    }

    public SwitchSpec {
        Objects.requireNonNull(siteId, "siteId");
        mac = MistMac.canonical(mac);
        Objects.requireNonNull(name, "name");
        model = model == null ? "EX4300-48P" : model;
        Objects.requireNonNull(mgmtIp, "mgmtIp");
        ports = List.copyOf(ports);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a switch needs at least one port");
        }
        vcMac = vcMac == null ? null : MistMac.canonical(vcMac);
        portIdSubtype = portIdSubtype == null ? LldpPortIdSubtype.INTERFACE_NAME : portIdSubtype;
    }

    /** A standalone, not Mist-managed switch with {@code portCount} ports {@code ge-0/0/0}…, LLDP port ids by name. */
    public static SwitchSpec of(String siteId, String mac, String name, String mgmtIp, int portCount) {
        return new SwitchSpec(siteId, mac, name, null, mgmtIp, false, gePorts(portCount), null,
                LldpPortIdSubtype.INTERFACE_NAME);
    }

    /** {@code ge-0/0/0} … {@code ge-0/0/(count-1)}. */
    public static List<String> gePorts(int count) {
        if (count < 1 || count > 96) {
            throw new IllegalArgumentException("port count out of range 1..96: " + count);
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add("ge-0/0/" + i);
        }
        return names;
    }

    public SwitchSpec withManaged(boolean mistManaged) {
        return new SwitchSpec(siteId, mac, name, model, mgmtIp, mistManaged, ports, vcMac, portIdSubtype);
    }

    public SwitchSpec withVcMac(String virtualChassisMac) {
        return new SwitchSpec(siteId, mac, name, model, mgmtIp, managed, ports, virtualChassisMac, portIdSubtype);
    }

    public SwitchSpec withPortIdSubtype(LldpPortIdSubtype subtype) {
        return new SwitchSpec(siteId, mac, name, model, mgmtIp, managed, ports, vcMac, subtype);
    }

    public SwitchSpec withModel(String switchModel) {
        return new SwitchSpec(siteId, mac, name, switchModel, mgmtIp, managed, ports, vcMac, portIdSubtype);
    }

    /** The Mist device id: from {@code vc_mac} for a virtual chassis, else from {@code mac}. */
    public String deviceId() {
        return MistMac.deviceId(vcMac != null ? vcMac : mac);
    }
}
