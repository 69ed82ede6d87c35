package io.jenkins.plugins.mesa.lab.mist;

import java.util.Objects;

/**
 * A simulated Mist AP to add to a {@link MistWorld}. It starts unplugged, disconnected and without LLDP data.
 *
 * @param siteId the Mist site it is assigned to
 * @param mac    its MAC (any common notation; stored canonical)
 * @param name   its Mist name ({@code name} in stats, {@code device_name} in webhooks)
 * @param model  e.g. {@code AP45}
 */
public record ApSpec(String siteId, String mac, String name, String model) {
    public ApSpec {
        Objects.requireNonNull(siteId, "siteId");
        mac = MistMac.canonical(mac);
        Objects.requireNonNull(name, "name");
        model = model == null ? "AP45" : model;
    }

    public static ApSpec of(String siteId, String mac, String name) {
        return new ApSpec(siteId, mac, name, null);
    }

    public String deviceId() {
        return MistMac.deviceId(mac);
    }
}
