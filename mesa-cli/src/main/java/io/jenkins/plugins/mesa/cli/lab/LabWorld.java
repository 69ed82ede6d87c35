package io.jenkins.plugins.mesa.cli.lab;

import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.SimTime;
import io.jenkins.plugins.mesa.lab.mist.ApSpec;
import io.jenkins.plugins.mesa.lab.mist.MistCloudSimulator;
import io.jenkins.plugins.mesa.lab.mist.MistWorld;
import io.jenkins.plugins.mesa.lab.mist.SwitchSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated estate of {@code mesa lab}: a Mist cloud (mesa-lab's {@link MistCloudSimulator}) with the planned
 * sites, switches and APs, one Junos NETCONF simulator per switch Mist does not manage, and a MESA configuration
 * file pointing at them (pinned host keys, secrets in files next to it). It also reads back every port's profile
 * from where it really lives: the simulator's committed configuration, or Mist's device object.
 */
public final class LabWorld implements AutoCloseable {
    public static final String AP = "ap";
    public static final String SECURED = "secured";
    static final String USER = "mesa";

    private static final List<String> AP_STATEMENTS = List.of(
            "delete protocols dot1x authenticator interface {interface}",
            "delete interfaces {interface} unit 0 family ethernet-switching",
            "set interfaces {interface} native-vlan-id {native_vlan}",
            "set interfaces {interface} unit 0 family ethernet-switching interface-mode trunk",
            "set interfaces {interface} unit 0 family ethernet-switching vlan members {vlans}");
    private static final List<String> SECURED_STATEMENTS = List.of(
            "delete interfaces {interface} native-vlan-id",
            "delete interfaces {interface} unit 0 family ethernet-switching",
            "set interfaces {interface} unit 0 family ethernet-switching interface-mode access",
            "set interfaces {interface} unit 0 family ethernet-switching vlan members {access_vlan}",
            "set protocols dot1x authenticator interface {interface} supplicant multiple",
            "set protocols dot1x authenticator interface {interface} mac-radius");

    private final LabPlan plan;
    private final Path dir;
    private final String mistToken;
    private final String webhookSecret;
    private final MistWorld world;
    private final MistCloudSimulator mist;
    private final Map<String, JunosSimulator> junos = new LinkedHashMap<>();
    private final Path configFile;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LabWorld(LabPlan plan, Path dir) {
        this.plan = plan;
        this.dir = dir;
        this.mistToken = randomText();
        this.webhookSecret = randomText();
        String switchPassword = randomText();
        // The simulated cloud's clock runs a second ahead of MESA's. Mist stamps events in whole seconds, and the
        // compressed scenario unplugs an AP within the very second MESA placed it; with equal clocks the flow
        // would read that disconnect as older than the placement (a stale event) and keep the AP profile.
        this.world = new MistWorld(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1)));
        for (LabPlan.Site s : plan.siteList()) {
            world.addSite(LabPlan.ORG_ID, s.id(), s.name());
        }
        for (LabPlan.Switch sw : plan.switchList()) {
            world.addSwitch(new SwitchSpec(sw.site().id(), sw.mac(), sw.name(), null,
                    "10.0." + (plan.switchList().indexOf(sw) / 250) + "." + (plan.switchList().indexOf(sw) % 250 + 1),
                    sw.mistManaged(), sw.ports(), null, SwitchSpec.LldpPortIdSubtype.INTERFACE_NAME));
            if (sw.mistManaged()) {
                sw.ports().forEach(p -> world.configurePortUsage(sw.mac(), p, SECURED));
            }
        }
        for (LabPlan.Ap ap : plan.apList()) {
            world.addAp(ApSpec.of(ap.home().site().id(), ap.mac(), ap.name()));
        }
        this.mist = MistCloudSimulator.start(world, mistToken);
        try {
            for (LabPlan.Switch sw : plan.switchList()) {
                if (!sw.mistManaged()) {
                    List<String> initial = new ArrayList<>();
                    initial.add("set system host-name " + sw.name());
                    initial.add("set protocols dot1x authenticator authentication-profile-name DOT1X");
                    for (String p : sw.ports()) {
                        initial.addAll(statements(SECURED_STATEMENTS, p).stream()
                                .filter(l -> l.startsWith("set ")).toList());
                    }
                    junos.put(sw.name(), JunosSimulator.builder().hostname(sw.name()).time(SimTime.system())
                            .user(USER, switchPassword).initialConfig(initial).start());
                }
            }
            writeSecret("mist-token", mistToken);
            writeSecret("webhook-secret", webhookSecret);
            writeSecret("switch-password", switchPassword);
            this.configFile = dir.resolve("mesa.yaml");
            Files.writeString(configFile, configYaml(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Builds and starts the world; its configuration and secrets go into {@code dir}. */
    public static LabWorld start(LabPlan plan, Path dir) {
        Objects.requireNonNull(plan, "plan");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabWorld(plan, dir);
    }

    public LabPlan plan() {
        return plan;
    }

    public MistWorld world() {
        return world;
    }

    public MistCloudSimulator mist() {
        return mist;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    public Path configFile() {
        return configFile;
    }

    public Path dir() {
        return dir;
    }

    public Map<String, JunosSimulator> junosSwitches() {
        return junos;
    }

    /**
     * The profile a port really has right now: from the Junos simulator's committed configuration (trunk without
     * 802.1X = {@code ap}, access with 802.1X = {@code secured}), or from Mist's device object for a Mist-managed
     * switch; anything else is shown as {@code other}.
     */
    public String actualProfile(LabPlan.Switch sw, String port) {
        if (sw.mistManaged()) {
            String usage = world.portUsage(sw.mac(), port);
            return usage.equals(AP) || usage.equals(SECURED) ? usage : "other(" + usage + ")";
        }
        List<String> running = junos.get(sw.name()).runningConfig();
        String base = "set interfaces " + port + " unit 0 family ethernet-switching ";
        boolean trunk = running.contains(base + "interface-mode trunk");
        boolean access = running.contains(base + "interface-mode access");
        boolean dot1x = running.stream()
                .anyMatch(l -> l.startsWith("set protocols dot1x authenticator interface " + port + " "));
        if (trunk && !dot1x) {
            return AP;
        }
        if (access && dot1x) {
            return SECURED;
        }
        return "other";
    }

    private String configYaml() {
        StringBuilder y = new StringBuilder();
        y.append("# Generated by `mesa lab` for its simulated Mist cloud and switches (time-compressed guards).\n");
        y.append("# While the lab runs (--keep-running), `mesa serve --config ").append(configFile)
                .append("` works against it too.\n");
        y.append("version: 1\n");
        y.append("mist:\n");
        y.append("  baseUrl: ").append(mist.baseUri()).append('\n');
        y.append("  token: ${file:").append(dir.resolve("mist-token").toAbsolutePath()).append("}\n");
        y.append("  orgId: ").append(LabPlan.ORG_ID).append('\n');
        y.append("  timeouts:\n    connect: 2s\n    request: 5s\n");
        y.append("  retry:\n    maxAttempts: 2\n    firstBackoff: 100ms\n    maxBackoff: 1s\n");
        y.append("webhook:\n");
        y.append("  secret: ${file:").append(dir.resolve("webhook-secret").toAbsolutePath()).append("}\n");
        y.append("  path: /mist/webhook\n");
        y.append("guards:\n");
        y.append("  holdDown: 2s\n");
        y.append("  dedupWindow: 1h\n");
        y.append("  outage:\n    window: 3s\n    minDisconnects: 3\n    minRatio: 0.9\n");
        y.append("  lldp:\n    sources: mist\n    whenUnknown: no-change\n");
        y.append("backends:\n  default: junos\n");
        y.append("switches:\n");
        for (LabPlan.Switch sw : plan.switchList()) {
            JunosSimulator sim = junos.get(sw.name());
            if (sim == null) {
                continue;
            }
            y.append("  - name: ").append(sw.name()).append('\n');
            y.append("    host: 127.0.0.1\n");
            y.append("    port: ").append(sim.port()).append('\n');
            y.append("    username: ").append(USER).append('\n');
            y.append("    password: ${file:").append(dir.resolve("switch-password").toAbsolutePath()).append("}\n");
            y.append("    hostKey: ").append(sim.hostKeyFingerprint()).append('\n');
            y.append("    mac: ").append(sw.mac()).append('\n');
        }
        y.append("junos:\n");
        y.append("  confirmMinutes: 1\n");
        y.append("  timeouts:\n    connect: 5s\n    rpc: 10s\n    commit: 20s\n    idle: 30s\n");
        y.append("  lockRetry:\n    maxAttempts: 3\n    firstBackoff: 200ms\n    maxBackoff: 1s\n");
        y.append("  allowedWarnings:\n    - statement not found\n");
        y.append("  profiles:\n");
        profile(y, AP, AP_STATEMENTS, Map.of("native_vlan", "10", "vlans", "AP-MGMT CORP GUEST"));
        profile(y, SECURED, SECURED_STATEMENTS, Map.of("access_vlan", "QUARANTINE"));
        y.append("mistBackend:\n  usages:\n    ap: ").append(AP).append("\n    secured: ").append(SECURED).append('\n');
        y.append("store:\n  jdbcUrl: jdbc:sqlite:").append(dir.resolve("mesa.db").toAbsolutePath()).append('\n');
        y.append("server:\n  bind: 127.0.0.1\n  port: 0\n  shutdownGrace: 10s\n");
        return y.toString();
    }

    private static void profile(StringBuilder y, String name, List<String> statements, Map<String, String> vars) {
        y.append("    ").append(name).append(":\n      statements:\n");
        statements.forEach(s -> y.append("        - ").append(s).append('\n'));
        y.append("      variables:\n");
        vars.forEach((k, v) -> y.append("        ").append(k).append(": ").append(v).append('\n'));
    }

    private static List<String> statements(List<String> template, String port) {
        return template.stream().map(s -> s.replace("{interface}", port)
                .replace("{access_vlan}", "QUARANTINE")).toList();
    }

    private void writeSecret(String name, String value) throws IOException {
        Path f = dir.resolve(name);
        Files.deleteIfExists(f);
        try {
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(f);
        }
        Files.writeString(f, value, StandardCharsets.UTF_8);
    }

    private static String randomText() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        for (JunosSimulator s : junos.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                // closing a lab: best effort
            }
        }
        if (mist != null) {
            mist.close();
        }
    }
}
