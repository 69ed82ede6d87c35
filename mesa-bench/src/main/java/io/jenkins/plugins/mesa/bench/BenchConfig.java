package io.jenkins.plugins.mesa.bench;

import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.SecretSource;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MESA configuration of the bench labs: Mist at the lab's cloud simulator, the given Junos simulators as
 * NETCONF switches (every other switch Mist-managed), 60 s hold-down, outage after {@code minDisconnects} APs of
 * a site (or 95% of them) within 10 s, and the secured / AP profiles of the lab.
 */
final class BenchConfig {
    static final String ORG = "9777c1a0-6ef6-11e6-8bbf-02e208b2d34f";

    private BenchConfig() {
    }

    /** The secured-port configuration of {@code ports} ports {@code ge-0/0/0}… of a Junos simulator. */
    static List<String> securedSwitch(String hostname, int ports) {
        List<String> config = new java.util.ArrayList<>(List.of("set system host-name " + hostname,
                "set vlans default vlan-id 1",
                "set protocols dot1x authenticator authentication-profile-name DOT1X"));
        for (int p = 0; p < ports; p++) {
            String i = "ge-0/0/" + p;
            config.add("set interfaces " + i + " description \"Secured port (MESA)\"");
            config.add("set interfaces " + i + " unit 0 family ethernet-switching interface-mode access");
            config.add("set interfaces " + i + " unit 0 family ethernet-switching vlan members default");
            config.add("set protocols dot1x authenticator interface " + i + " supplicant multiple");
            config.add("set protocols dot1x authenticator interface " + i + " mac-radius");
            config.add("set protocols rstp interface " + i + " edge");
        }
        return config;
    }

    /** True when the port's running configuration on the simulator is the AP trunk. */
    static boolean apProfile(JunosSimulator sw, String port) {
        return sw.runningConfig().contains(
                "set interfaces " + port + " unit 0 family ethernet-switching interface-mode trunk");
    }

    static MesaConfig parse(URI mist, int minDisconnects, Map<String, JunosSimulator> junos, String token,
                            String webhookSecret, String switchPassword) {
        StringBuilder switches = new StringBuilder();
        for (Map.Entry<String, JunosSimulator> e : junos.entrySet()) {
            switches.append("""
                      - name: %s
                        host: 127.0.0.1
                        port: %d
                        username: mesa
                        password: ${env:SWITCH_PASSWORD}
                        hostKey: %s
                    """.formatted(e.getKey(), e.getValue().port(), e.getValue().hostKeyFingerprint()));
        }
        String yaml = """
                version: 1
                mist:
                  baseUrl: %s
                  token: ${env:MIST_TOKEN}
                  orgId: %s
                  retry:
                    maxAttempts: 2
                    firstBackoff: 10ms
                    maxBackoff: 10ms
                webhook:
                  secret: ${env:MIST_WEBHOOK_SECRET}
                guards:
                  holdDown: 60s
                  outage:
                    window: 10s
                    minDisconnects: %d
                    minRatio: 0.95
                backends:
                  default: junos
                switches:%s
                junos:
                  confirmMinutes: 5
                  profiles:
                    ap:
                      statements:
                        - delete protocols dot1x authenticator interface {interface}
                        - delete interfaces {interface} unit 0 family ethernet-switching
                        - set interfaces {interface} description "Mist AP (MESA)"
                        - set interfaces {interface} unit 0 family ethernet-switching interface-mode trunk
                        - set interfaces {interface} unit 0 family ethernet-switching vlan members default
                    secured:
                      statements:
                        - delete interfaces {interface} unit 0 family ethernet-switching
                        - delete protocols dot1x authenticator interface {interface}
                        - set interfaces {interface} description "Secured port (MESA)"
                        - set interfaces {interface} unit 0 family ethernet-switching interface-mode access
                        - set interfaces {interface} unit 0 family ethernet-switching vlan members default
                        - set protocols dot1x authenticator interface {interface} supplicant multiple
                        - set protocols dot1x authenticator interface {interface} mac-radius
                mistBackend:
                  usages:
                    ap: ap
                    secured: default
                """.formatted(mist, ORG, minDisconnects,
                        switches.isEmpty() ? " []" : "\n" + switches.toString().stripTrailing());
        Map<String, String> env = Map.of("MIST_TOKEN", token, "MIST_WEBHOOK_SECRET", webhookSecret,
                "SWITCH_PASSWORD", switchPassword);
        return MesaConfig.parse(yaml, "bench.yaml", new SecretSource() {
            @Override
            public Optional<String> env(String name) {
                return Optional.ofNullable(env.get(name));
            }

            @Override
            public String file(Path path) {
                throw new UnsupportedOperationException("the bench configuration reads no files");
            }
        });
    }

}
