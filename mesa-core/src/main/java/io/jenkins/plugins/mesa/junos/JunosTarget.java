package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.Secret;
import java.util.Objects;

/**
 * How to reach one switch over NETCONF: address, login and host-key policy. Exactly one of
 * {@code password} and {@code privateKey} is set; the private key is the key file's text (OpenSSH
 * or PEM), handed in from configuration or a credentials store, never read from a fixed path.
 *
 * @param switchName    the name MESA addresses the switch by (LLDP/Mist system name)
 * @param host          address or DNS name; {@code null} when it is the management address Mist
 *                      reports (see {@link JunosTargets#addressOf})
 * @param port          NETCONF-over-SSH port, 830 by default
 * @param username      SSH login
 * @param password      password, or {@code null} with key auth
 * @param privateKey    private key text, or {@code null} with password auth
 * @param keyPassphrase passphrase of an encrypted private key, or {@code null}
 * @param hostKey       pinned fingerprint or known_hosts file
 */
public record JunosTarget(String switchName, String host, int port, String username, Secret password,
                          Secret privateKey, Secret keyPassphrase, HostKeyPolicy hostKey) {
    public static final int DEFAULT_PORT = 830;

    public JunosTarget {
        Objects.requireNonNull(switchName, "switchName");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(hostKey, "hostKey: a pinned fingerprint or known_hosts file is mandatory");
        if (host != null && host.isBlank() || username.isBlank()) {
            throw new IllegalArgumentException("switch " + switchName + ": host and username must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if ((password == null) == (privateKey == null)) {
            throw new IllegalArgumentException("switch " + switchName + ": set exactly one of password and private key");
        }
    }

    public static JunosTarget withPassword(String switchName, String host, int port, String username,
                                           Secret password, HostKeyPolicy hostKey) {
        return new JunosTarget(switchName, host, port, username, password, null, null, hostKey);
    }

    public static JunosTarget withKey(String switchName, String host, int port, String username,
                                      Secret privateKey, Secret passphrase, HostKeyPolicy hostKey) {
        return new JunosTarget(switchName, host, port, username, null, privateKey, passphrase, hostKey);
    }

    /** True when the configuration names no host: connect to the address Mist reports. */
    public boolean hostFromMist() {
        return host == null;
    }

    /** The same settings at {@code address}. */
    public JunosTarget at(String address) {
        return new JunosTarget(switchName, Objects.requireNonNull(address, "address"), port, username, password,
                privateKey, keyPassphrase, hostKey);
    }

    @Override
    public String toString() {
        return "JunosTarget[" + switchName + " " + username + "@" + (host == null ? "(address from Mist)" : host)
                + ":" + port + " "
                + (password != null ? "password" : "key") + " " + hostKey + "]";
    }
}
