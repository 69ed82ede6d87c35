package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How MESA reaches one switch over NETCONF ({@code switches:} list item). Exactly one of
 * {@code password} and {@code privateKey}; exactly one of {@code hostKey} and {@code knownHostsFile}
 * (host-key verification is mandatory, there is no trust-on-first-use).
 *
 * @param name           LLDP/Mist system name, the key by which events find the switch
 * @param host           address or DNS name; when absent, the management address Mist reports
 * @param port           NETCONF-over-SSH port
 * @param username       SSH login
 * @param password       SSH password
 * @param privateKey     private key text (OpenSSH or PEM), typically {@code ${file:/etc/mesa/id_ed25519}}
 * @param passphrase     passphrase of an encrypted private key
 * @param hostKey        pinned {@code SHA256:} fingerprint, as {@code ssh-keygen -lf} prints it
 * @param knownHostsFile an OpenSSH known_hosts file listing the switch
 * @param mac            the switch's MAC, to match Mist's LLDP chassis id when names differ
 */
public record SwitchConfig(String name, Optional<String> host, int port, String username, Optional<Secret> password,
                           Optional<Secret> privateKey, Optional<Secret> passphrase, Optional<String> hostKey,
                           Optional<Path> knownHostsFile, Optional<MacAddress> mac) {
    public static final int DEFAULT_PORT = 830;
    static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,252}|\\[?[0-9A-Fa-f:.]{2,45}]?");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,127}");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");

    public SwitchConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        Objects.requireNonNull(mac, "mac");
        if (password.isPresent() == privateKey.isPresent()) {
            throw new IllegalArgumentException("switch " + name + ": set exactly one of password and privateKey");
        }
        if (hostKey.isPresent() == knownHostsFile.isPresent()) {
            throw new IllegalArgumentException("switch " + name + ": set exactly one of hostKey and knownHostsFile");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("switch " + name + ": port must be 1..65535");
        }
    }

    /** A switch with password login and a pinned host key, on port 830. */
    public static SwitchConfig withPassword(String name, String host, String username, Secret password,
                                            String hostKey) {
        return new SwitchConfig(name, Optional.ofNullable(host), DEFAULT_PORT, username, Optional.of(password),
                Optional.empty(), Optional.empty(), Optional.of(hostKey), Optional.empty(), Optional.empty());
    }

    static SwitchConfig read(Section s) {
        String name = "";
        if (!s.has("name")) {
            s.missing("name", "the switch's LLDP/Mist system name");
        } else {
            name = s.matching("name", NAME, "a switch name (letters, digits, . _ -)").orElse("");
        }
        Optional<String> host = s.matching("host", HOST, "a host name or IP address");
        int port = s.integer("port", DEFAULT_PORT, 1, 65535);
        String username = s.requiredText("username", "the NETCONF/SSH login");
        Optional<Secret> password = s.secret("password");
        Optional<Secret> key = s.secret("privateKey");
        Optional<Secret> passphrase = s.secret("passphrase");
        Optional<String> hostKey = s.matching("hostKey", FINGERPRINT,
                "a SHA256: fingerprint as ssh-keygen -lf prints it (SHA256: and 43 base64 characters)");
        Optional<Path> knownHosts = s.file("knownHostsFile");
        Optional<MacAddress> mac = s.text("mac").flatMap(t -> {
            try {
                return Optional.of(MacAddress.parse(t));
            } catch (IllegalArgumentException e) {
                s.error("mac", "must be a MAC address such as 5c:5b:35:0e:55:c8");
                return Optional.empty();
            }
        });
        boolean hasPassword = s.has("password");
        boolean hasKey = s.has("privateKey");
        boolean hasHostKey = s.has("hostKey");
        boolean hasKnownHosts = s.has("knownHostsFile");
        s.finish();

        if (!hasPassword && !hasKey) {
            s.missing("password", "or privateKey: how MESA logs in to the switch");
        } else if (hasPassword && hasKey) {
            s.error("privateKey", "give either password or privateKey, not both");
        }
        if (s.has("passphrase") && !hasKey) {
            s.error("passphrase", "only applies to a privateKey");
        }
        key.ifPresent(k -> {
            if (!PRIVATE_KEY.matcher(k.reveal()).find()) {
                s.error("privateKey", "not a private key: expected OpenSSH or PEM key text"
                        + " (-----BEGIN … PRIVATE KEY-----); use ${file:/path/to/key} to read a key file");
            }
        });
        if (!hasHostKey && !hasKnownHosts) {
            s.missing("hostKey", "pin the switch's SSH host key: SHA256:… as ssh-keygen -lf prints it,"
                    + " or give knownHostsFile");
        } else if (hasHostKey && hasKnownHosts) {
            s.error("knownHostsFile", "give either hostKey or knownHostsFile, not both");
        }
        knownHosts.ifPresent(f -> {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                s.error("knownHostsFile", "no readable file at " + f);
            }
        });
        if (name.isEmpty() || username.isEmpty() || password.isPresent() == key.isPresent()
                || hostKey.isPresent() == knownHosts.isPresent()) {
            return null;
        }
        return new SwitchConfig(name, host, port, username, password, key, passphrase, hostKey, knownHosts, mac);
    }
}
