package io.jenkins.plugins.mesa.runtime;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.SecretSource;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.LldpNeighbor;
import io.jenkins.plugins.mesa.lab.junos.SimTime;
import io.jenkins.plugins.mesa.lab.mist.ApSpec;
import io.jenkins.plugins.mesa.lab.mist.DeviceEvent;
import io.jenkins.plugins.mesa.lab.mist.MistCloudSimulator;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import io.jenkins.plugins.mesa.lab.mist.MistWorld;
import io.jenkins.plugins.mesa.lab.mist.SwitchSpec;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on 127.0.0.1 for end-to-end tests: a simulated Mist cloud (one org, site HQ, two
 * NETCONF-managed switches {@code sw-1}/{@code sw-2} and one Mist-managed {@code sw-m}), a Junos simulator
 * for each NETCONF switch, and a MESA configuration file pointing at them. Time is one hand-moved clock.
 * Every switch port starts in the secured profile.
 */
public final class Lab implements AutoCloseable {
    public static final String ORG = "9777c1a0-6ef6-11e6-8bbf-02e208b2d34f";
    public static final String SITE = "4ac1dcf4-9d8b-7211-65c4-057819f0862b";
    public static final String SITE_NAME = "HQ";
    public static final String SW1 = "sw-1";
    public static final String SW2 = "sw-2";
    public static final String SWM = "sw-m";
    public static final String SW1_MAC = "5c4527a96501";
    public static final String SW2_MAC = "5c4527a96502";
    public static final String SWM_MAC = "5c4527a96503";
    static final String TOKEN = "lab-mist-token-0123456789";
    static final String SECRET = "lab-webhook-secret";
    static final String SWITCH_PASSWORD = "lab-switch-pw";
    private static final int PORTS = 24;

    public final LabClock clock = new LabClock(Instant.parse("2026-11-29T01:00:00Z"));
    public final MistWorld world = new MistWorld(clock);
    public final MistCloudSimulator cloud;
    public final JunosSimulator sw1;
    public final JunosSimulator sw2;
    private final SimTime.Manual switchTime = SimTime.manual(clock.instant());
    private final MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(5));
    private final Map<String, String> env = new java.util.HashMap<>(Map.of("MIST_TOKEN", TOKEN,
            "MIST_WEBHOOK_SECRET", SECRET, "SWITCH_PASSWORD", SWITCH_PASSWORD));
    private String extraYaml = "";

    /** Null when the configuration names each switch's host; else what Mist reports as sw-1/sw-2's address. */
    private final String switchAddressInMist;

    /** A lab with {@code aps} APs ({@link #ap(int)} 1..n), none plugged in yet. */
    public Lab(int aps) {
        this(aps, null);
    }

    /**
     * A lab whose configuration names no {@code host} for sw-1 and sw-2: Mist reports
     * {@code switchAddressInMist} as their management address instead ({@code 127.0.0.1} reaches the
     * simulators; anything else must not be connected to).
     */
    public Lab(int aps, String switchAddressInMist) {
        this.switchAddressInMist = switchAddressInMist;
        String ip1 = switchAddressInMist == null ? "10.0.0.11" : switchAddressInMist;
        String ip2 = switchAddressInMist == null ? "10.0.0.12" : switchAddressInMist;
        world.addSite(ORG, SITE, SITE_NAME)
                .addSwitch(SwitchSpec.of(SITE, SW1_MAC, SW1, ip1, PORTS))
                .addSwitch(SwitchSpec.of(SITE, SW2_MAC, SW2, ip2, PORTS))
                .addSwitch(SwitchSpec.of(SITE, SWM_MAC, SWM, "10.0.0.13", PORTS).withManaged(true));
        for (int i = 1; i <= aps; i++) {
            world.addAp(ApSpec.of(SITE, ap(i), apName(i)));
        }
        world.configurePortUsage(SWM_MAC, "ge-0/0/0", "default");
        cloud = MistCloudSimulator.start(world, TOKEN);
        sw1 = junos(SW1);
        sw2 = junos(SW2);
    }

    private JunosSimulator junos(String name) {
        List<String> config = new ArrayList<>(List.of("set system host-name " + name, "set vlans default vlan-id 1",
                "set protocols dot1x authenticator authentication-profile-name DOT1X"));
        for (int p = 0; p < PORTS; p++) {
            String i = "ge-0/0/" + p;
            config.add("set interfaces " + i + " description \"Secured port (MESA)\"");
            config.add("set interfaces " + i + " unit 0 family ethernet-switching interface-mode access");
            config.add("set interfaces " + i + " unit 0 family ethernet-switching vlan members default");
            config.add("set protocols dot1x authenticator interface " + i + " supplicant multiple");
            config.add("set protocols dot1x authenticator interface " + i + " mac-radius");
            config.add("set protocols rstp interface " + i + " edge");
        }
        return JunosSimulator.builder().hostname(name).time(switchTime).user("mesa", SWITCH_PASSWORD)
                .initialConfig(config).start();
    }

    /** AP number n (1-based) → its MAC, bare lowercase hex as Mist writes it. */
    public static String ap(int n) {
        return String.format("5c5b350e%04x", n);
    }

    public static String apName(int n) {
        return String.format("ap-%02d", n);
    }

    /** Moves every clock of the lab (Mist, switches, MESA) forward. */
    public void advance(Duration d) {
        clock.advance(d);
        switchTime.advance(d);
    }

    /** The configuration file text; {@code guards} replaces the default guards section when given. */
    public String yaml(String guards) {
        return ("""
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
                %s
                backends:
                  default: junos
                switches:
                  - name: %s
                %s    port: %d
                    username: mesa
                    password: ${env:SWITCH_PASSWORD}
                    hostKey: %s
                  - name: %s
                %s    port: %d
                    username: mesa
                    password: ${env:SWITCH_PASSWORD}
                    hostKey: %s
                junos:
                  confirmMinutes: 5
                  lockRetry:
                    maxAttempts: 2
                    firstBackoff: 10ms
                    maxBackoff: 10ms
                  profiles:
                    ap:
                      statements:
                        - delete protocols dot1x authenticator interface {interface}
                        - delete interfaces {interface} unit 0 family ethernet-switching
                        - delete interfaces {interface} native-vlan-id
                        - set interfaces {interface} description "{description}"
                        - set interfaces {interface} native-vlan-id {native_vlan}
                        - set interfaces {interface} unit 0 family ethernet-switching interface-mode trunk
                        - set interfaces {interface} unit 0 family ethernet-switching vlan members {vlans}
                        - set poe interface {interface} priority high
                        - set protocols rstp interface {interface} edge
                      variables:
                        description: Mist AP (MESA)
                        native_vlan: "1"
                        vlans: default
                    secured:
                      statements:
                        - delete interfaces {interface} native-vlan-id
                        - delete interfaces {interface} unit 0 family ethernet-switching
                        - delete poe interface {interface} priority
                        - delete protocols dot1x authenticator interface {interface}
                        - set interfaces {interface} description "{description}"
                        - set interfaces {interface} unit 0 family ethernet-switching interface-mode access
                        - set interfaces {interface} unit 0 family ethernet-switching vlan members default
                        - set protocols dot1x authenticator interface {interface} supplicant multiple
                        - set protocols dot1x authenticator interface {interface} mac-radius
                        - set protocols rstp interface {interface} edge
                      variables:
                        description: Secured port (MESA)
                mistBackend:
                  usages:
                    ap: ap
                    secured: default
                """ + extraYaml).formatted(cloud.baseUri(), ORG, guards == null ? DEFAULT_GUARDS : guards, SW1,
                hostLine(), sw1.port(), sw1.hostKeyFingerprint(), SW2, hostLine(), sw2.port(), sw2.hostKeyFingerprint());
    }

    /** A switch entry's {@code host:} line (with the indent of the line after it), or nothing. */
    private String hostLine() {
        return switchAddressInMist == null ? "    host: 127.0.0.1\n" : "";
    }

    /** 60 s hold-down; outage at 5 APs or half the site within 60 s; Mist port stats for LLDP. */
    public static final String DEFAULT_GUARDS = """
            guards:
              holdDown: 60s
              outage:
                window: 60s
                minDisconnects: 5
                minRatio: 0.5
            """;

    /** Adds top-level sections to the configuration (e.g. {@code notify:}) and the secrets they name. */
    public Lab withYaml(String sections, Map<String, String> secrets) {
        extraYaml += sections;
        env.putAll(secrets);
        return this;
    }

    /** The secrets the configuration names, as a secret source (never the process environment). */
    public SecretSource secrets() {
        return new SecretSource() {
            @Override
            public Optional<String> env(String name) {
                return Optional.ofNullable(env.get(name));
            }

            @Override
            public String file(Path path) {
                throw new UnsupportedOperationException("the lab configuration reads no files");
            }
        };
    }

    public MesaConfig config(String guards) {
        return MesaConfig.parse(yaml(guards), "lab.yaml", secrets());
    }

    /** A runtime for this lab: in-memory stores, no waiting between retries, Mist asked at once after a connect. */
    public MesaRuntime runtime(String guards) {
        return MesaRuntime.create(config(guards), FlowStores.inMemory(), clock,
                MesaRuntime.Options.defaults().withPause(d -> { }).withLookupDelay(Duration.ZERO));
    }

    /** The signed webhook body Mist would send now for these events of these APs. */
    public byte[] webhook(String type, String... apMacs) {
        List<DeviceEvent> events = new ArrayList<>();
        for (String mac : apMacs) {
            events.add(world.apEvent(type, mac));
        }
        return sender.body(events);
    }

    /** The header lookup of a delivery of {@code body}, signed as Mist signs it. */
    public static java.util.function.Function<String, String> signed(byte[] body) {
        String sig = MistWebhookSender.signatureV2(SECRET, body);
        return name -> WebhookSignature.V2_HEADER.equalsIgnoreCase(name) ? sig : null;
    }

    /** Delivers one signed webhook with one event per AP to the runtime. */
    public void deliver(MesaRuntime runtime, String type, String... apMacs) {
        byte[] body = webhook(type, apMacs);
        runtime.receive(body, signed(body));
    }

    /** Plugs the AP into a switch port in the Mist world and, for a NETCONF switch, the switch's own LLDP table. */
    public void plug(String apMac, String switchMac, String port) {
        world.plugAp(apMac, switchMac, port);
        syncLldp();
    }

    public void unplug(String apMac) {
        world.unplugAp(apMac);
        syncLldp();
    }

    public void move(String apMac, String switchMac, String port) {
        world.moveAp(apMac, switchMac, port);
        syncLldp();
    }

    /** The simulated switches' LLDP tables follow the cabling of the Mist world. */
    private void syncLldp() {
        for (JunosSimulator sw : List.of(sw1, sw2)) {
            String mac = sw == sw1 ? SW1_MAC : SW2_MAC;
            List<LldpNeighbor> neighbours = new ArrayList<>();
            for (MistWorld.PortState p : world.portStates()) {
                if (p.switchMac().equals(mac) && p.up() && p.neighbourMac() != null) {
                    neighbours.add(new LldpNeighbor(p.portId(), colons(p.neighbourMac()), "eth0", "ap"));
                }
            }
            sw.setLldpNeighbors(neighbours);
        }
    }

    private static String colons(String mac) {
        String hex = mac.replace(":", "").toLowerCase();
        return hex.replaceAll("(..)(?!$)", "$1:");
    }

    public JunosSimulator simulator(String switchName) {
        return switchName.equals(SW1) ? sw1 : sw2;
    }

    /** True when the port's running configuration is the AP trunk. */
    public static boolean hasApProfile(JunosSimulator sw, String port) {
        return sw.runningConfig().contains(
                "set interfaces " + port + " unit 0 family ethernet-switching interface-mode trunk");
    }

    /** True when the port's running configuration is the secured 802.1X access port. */
    public static boolean isSecured(JunosSimulator sw, String port) {
        List<String> running = sw.runningConfig();
        return running.contains("set interfaces " + port + " unit 0 family ethernet-switching interface-mode access")
                && running.contains("set protocols dot1x authenticator interface " + port + " mac-radius");
    }

    /** Every record's explanation, oldest first. */
    public static List<String> explanations(MesaRuntime runtime) {
        List<AuditRecord> recent = new ArrayList<>(runtime.audit().recent(10_000));
        java.util.Collections.reverse(recent);
        return recent.stream().map(AuditRecord::explain).toList();
    }

    @Override
    public void close() {
        try (cloud; sw1; sw2) {
            // closes all three, in reverse order
        }
    }
}
