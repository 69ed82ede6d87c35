package io.jenkins.plugins.mesa.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.jenkins.plugins.mesa.audit.AuditJson;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.SecretSource;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.SimTime;
import io.jenkins.plugins.mesa.lab.mist.ApSpec;
import io.jenkins.plugins.mesa.lab.mist.MistCloudSimulator;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import io.jenkins.plugins.mesa.lab.mist.MistWorld;
import io.jenkins.plugins.mesa.lab.mist.SwitchSpec;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import io.jenkins.plugins.mesa.runtime.MesaRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * MESA over the lab with five distinctive secrets — Mist token, webhook secret, switch password, key passphrase,
 * CSO password — through successful changes (password and key switches), a failing CSO change and a forged
 * webhook, with every log line (DEBUG and up), the console, every audit record as JSON and text, and every
 * exception message captured: none of the secrets appears in any of them.
 */
class SecretLeakTest {
    private static final String ORG = BenchConfig.ORG;
    private static final String SITE = "4ac1dcf4-9d8b-7211-65c4-00000000beef";
    private static final String TOKEN = "LeakCanaryMistToken7Qx9";
    private static final String WEBHOOK_SECRET = "LeakCanaryWebhookSecret4Kp2";
    private static final String SWITCH_PASSWORD = "LeakCanarySwitchPassword8Zr1";
    private static final String PASSPHRASE = "LeakCanaryKeyPassphrase3Mv6";
    private static final String CSO_PASSWORD = "LeakCanaryCsoPassword5Wn0";
    private static final List<String> SECRETS = List.of(TOKEN, WEBHOOK_SECRET, SWITCH_PASSWORD, PASSPHRASE,
            CSO_PASSWORD);

    @Test
    void noSecretAppearsInLogsConsoleAuditRecordsOrExceptions() throws Exception {
        List<String> captured = new ArrayList<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        List<AuditRecord> records;
        try {
            records = runLab(captured);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.detachAppender(logs);
            root.setLevel(level);
        }
        for (ILoggingEvent e : logs.list) {
            captured.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                captured.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        captured.add(console.toString(StandardCharsets.UTF_8));
        for (AuditRecord r : records) {
            captured.add(AuditJson.write(r));
            captured.add(r.explain());
        }

        // the run did what it should, so the captures are worth checking
        assertThat(records).extracting(AuditRecord::outcome).contains(Outcome.CHANGED, Outcome.FAILED);
        assertThat(logs.list).hasSizeGreaterThan(10);
        for (String secret : SECRETS) {
            assertThat(captured).as("captured text containing a secret").noneMatch(t -> t.contains(secret));
        }
    }

    /** Runs the lab; adds every exception message and toString met on the way to {@code captured}. */
    private List<AuditRecord> runLab(List<String> captured) throws Exception {
        // MESA's retries of the failing CSO change fall due on this clock, moved by hand: no waiting
        ManualClock clock = new ManualClock(Instant.now());
        MistWorld world = new MistWorld(clock);
        world.addSite(ORG, SITE, "leak-site");
        world.addSwitch(SwitchSpec.of(SITE, "5c4527a9b001", "sw-pw", "10.0.0.1", 4));
        world.addSwitch(SwitchSpec.of(SITE, "5c4527a9b002", "sw-key", "10.0.0.2", 4));
        world.addSwitch(SwitchSpec.of(SITE, "5c4527a9b003", "sw-cso", "10.0.0.3", 4));
        String[] aps = {"5c5b350eb001", "5c5b350eb002", "5c5b350eb003"};
        String[] switches = {"5c4527a9b001", "5c4527a9b002", "5c4527a9b003"};
        for (int i = 0; i < aps.length; i++) {
            world.addAp(ApSpec.of(SITE, aps[i], "leak-ap-" + i));
            world.plugAp(aps[i], switches[i], "ge-0/0/1");
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = g.generateKeyPair();
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword(PASSPHRASE);
        encryption.setCipherName("AES");
        encryption.setCipherMode("CTR");
        encryption.setCipherType("256");
        ByteArrayOutputStream keyText = new ByteArrayOutputStream();
        new OpenSSHKeyPairResourceWriter().writePrivateKey(key, "leak", encryption, keyText);

        try (MistCloudSimulator cloud = MistCloudSimulator.start(world, TOKEN);
             JunosSimulator swPw = JunosSimulator.builder().hostname("sw-pw").time(SimTime.system())
                     .user("mesa", SWITCH_PASSWORD).initialConfig(BenchConfig.securedSwitch("sw-pw", 4)).start();
             JunosSimulator swKey = JunosSimulator.builder().hostname("sw-key").time(SimTime.system())
                     .authorizedKey("mesa", key.getPublic()).initialConfig(BenchConfig.securedSwitch("sw-key", 4))
                     .start()) {
            Map<String, String> env = Map.of("MIST_TOKEN", TOKEN, "HOOK", WEBHOOK_SECRET, "SW_PW", SWITCH_PASSWORD,
                    "SW_KEY", keyText.toString(StandardCharsets.US_ASCII), "SW_PASSPHRASE", PASSPHRASE,
                    "CSO_PW", CSO_PASSWORD);
            String yaml = """
                    version: 1
                    mist:
                      baseUrl: %s
                      token: ${env:MIST_TOKEN}
                      orgId: %s
                      retry:
                        maxAttempts: 1
                    webhook:
                      secret: ${env:HOOK}
                    backends:
                      default: junos
                      bySwitch:
                        sw-cso: cso
                    switches:
                      - name: sw-pw
                        host: 127.0.0.1
                        port: %d
                        username: mesa
                        password: ${env:SW_PW}
                        hostKey: %s
                      - name: sw-key
                        host: 127.0.0.1
                        port: %d
                        username: mesa
                        privateKey: ${env:SW_KEY}
                        passphrase: ${env:SW_PASSPHRASE}
                        hostKey: %s
                    junos:
                      profiles:
                        ap:
                          statements:
                            - delete interfaces {interface} unit 0 family ethernet-switching
                            - set interfaces {interface} unit 0 family ethernet-switching interface-mode trunk
                        secured:
                          statements:
                            - delete interfaces {interface} unit 0 family ethernet-switching
                            - set interfaces {interface} unit 0 family ethernet-switching interface-mode access
                    cso:
                      baseUrl: http://127.0.0.1:9
                      user: mesa-automation
                      password: ${env:CSO_PW}
                      project: LEAK
                      timeouts:
                        connect: 1s
                        request: 1s
                      profiles:
                        ap:
                          portProfile: generic-trunk
                          nativeVlan: 11
                        secured:
                          portProfile: generic-access
                          accessVlan: 12
                    """.formatted(cloud.baseUri(), ORG, swPw.port(), swPw.hostKeyFingerprint(), swKey.port(),
                    swKey.hostKeyFingerprint());
            MesaConfig config = MesaConfig.parse(yaml, "leak.yaml", new SecretSource() {
                @Override
                public Optional<String> env(String name) {
                    return Optional.ofNullable(env.get(name));
                }

                @Override
                public String file(Path path) {
                    throw new UnsupportedOperationException("no files");
                }
            });
            captured.add(config.toString());
            MistWebhookSender sender = new MistWebhookSender(WEBHOOK_SECRET, Duration.ofSeconds(5));
            try (MesaRuntime runtime = MesaRuntime.create(config, FlowStores.inMemory(), clock,
                    MesaRuntime.Options.defaults().withPause(d -> { }).withLookupDelay(Duration.ZERO))) {
                List<io.jenkins.plugins.mesa.lab.mist.DeviceEvent> events = new ArrayList<>();
                for (String ap : aps) {
                    events.add(world.apEvent("AP_CONNECTED", ap));
                }
                byte[] body = sender.body(events);
                String sig = MistWebhookSender.signatureV2(WEBHOOK_SECRET, body);
                captured.add(String.valueOf(runtime.receive(body,
                        n -> WebhookSignature.V2_HEADER.equalsIgnoreCase(n) ? sig : null)));
                for (Optional<Instant> next = runtime.flow().nextDue(); next.isPresent();
                     next = runtime.flow().nextDue()) {
                    if (next.get().isAfter(clock.instant())) {
                        clock.advance(Duration.between(clock.instant(), next.get()));
                    }
                    runtime.flow().runDue();
                }
                // a forged delivery: signed with another secret
                String forged = MistWebhookSender.signatureV2("not-the-secret", body);
                Throwable refused = catchThrowable(() -> runtime.receive(body,
                        n -> WebhookSignature.V2_HEADER.equalsIgnoreCase(n) ? forged : null));
                assertThat(refused).isNotNull();
                captured.add(String.valueOf(refused));
                captured.add(runtime.toString());
                assertThat(BenchConfig.apProfile(swPw, "ge-0/0/1")).as("password switch changed").isTrue();
                assertThat(BenchConfig.apProfile(swKey, "ge-0/0/1")).as("key switch changed").isTrue();
                return new ArrayList<>(runtime.audit().recent(1000));
            }
        }
    }
}
