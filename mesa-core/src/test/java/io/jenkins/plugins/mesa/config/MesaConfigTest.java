package io.jenkins.plugins.mesa.config;

import static io.jenkins.plugins.mesa.config.ConfigFixture.MINIMAL;
import static io.jenkins.plugins.mesa.config.ConfigFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MesaConfigTest {

    @Test
    void minimalFileGetsEveryDefault() {
        MesaConfig c = parse(MINIMAL);

        assertThat(c.version()).isEqualTo(1);
        assertThat(c.mist().baseUrl()).isEqualTo(URI.create("https://api.mist.com"));
        assertThat(c.mist().token().reveal()).isEqualTo(ConfigFixture.TOKEN);
        assertThat(c.mist().orgId()).isEqualTo(ConfigFixture.ORG);
        assertThat(c.mist().timeouts()).isEqualTo(new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15)));
        assertThat(c.mist().retry()).isEqualTo(RetryPolicy.standard());
        assertThat(c.mist().callsPerHour()).isEqualTo(4000);

        assertThat(c.webhook().secret().orElseThrow().reveal()).isEqualTo(ConfigFixture.HOOK_SECRET);
        assertThat(c.webhook().path()).isEqualTo("/mist/webhook");
        assertThat(c.webhook().allowLegacySha1()).isFalse();
        assertThat(c.webhook().maxBodyBytes()).isEqualTo(1 << 20);
        assertThat(c.webhook().insecureNoSignature()).isFalse();

        assertThat(c.guards()).isEqualTo(GuardConfig.defaults());
        assertThat(c.guards().holdDown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.guards().outage()).isEqualTo(new GuardConfig.Outage(Duration.ofSeconds(60), 5, 0.5));
        assertThat(c.guards().lldp().sources()).isEqualTo(GuardConfig.Sources.MIST);
        assertThat(c.guards().dedupWindow()).isEqualTo(Duration.ofHours(1));

        assertThat(c.backends()).isEqualTo(BackendConfig.all(Backend.JUNOS));

        SwitchConfig sw = c.switches().get(0);
        assertThat(sw.name()).isEqualTo("sw1");
        assertThat(sw.host()).contains("10.0.0.1");
        assertThat(sw.port()).isEqualTo(830);
        assertThat(sw.password().map(Secret::reveal)).contains(ConfigFixture.SW_PASSWORD);
        assertThat(sw.privateKey()).isEmpty();
        assertThat(sw.hostKey()).contains(ConfigFixture.HOST_KEY);
        assertThat(sw.mac()).isEmpty();

        assertThat(c.junos().confirmMinutes()).isEqualTo(5);
        assertThat(c.junos().timeouts()).isEqualTo(JunosConfig.Timeouts.defaults());
        assertThat(c.junos().lockRetry()).isEqualTo(JunosConfig.DEFAULT_LOCK_RETRY);
        assertThat(c.junos().allowedWarnings()).containsExactly("statement not found",
                "statement has no contents; ignored");
        assertThat(c.junos().profiles().get("ap").statements())
                .containsExactly("set interfaces {interface} description AP");
        assertThat(c.junos().profiles().get("ap").variables()).isEmpty();

        assertThat(c.cso()).isEmpty();
        assertThat(c.mistBackend()).isEqualTo(MistBackendConfig.defaults());
        assertThat(c.notifications()).isEqualTo(NotifyConfig.none());
        assertThat(c.store()).isEqualTo(StoreConfig.defaults());
        assertThat(c.store().jdbcUrl()).isEqualTo("jdbc:sqlite:mesa.db");
        assertThat(c.server()).isEqualTo(ServerConfig.defaults());
        assertThat(c.server().bind()).isEqualTo("127.0.0.1");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void everySectionReadsWhatTheFileSays(@TempDir Path dir) throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "sw2 ssh-ed25519 AAAA\n");
        Path keystore = Files.writeString(dir.resolve("mesa.p12"), "not really a keystore");
        Path keyFile = dir.resolve("id_ed25519");
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----";
        SecretSource secrets = SecretSource.of(Map.of("MIST_TOKEN", "t1", "HOOK_SECRET", "h1", "SW_PASSWORD", "p1",
                        "PP", "pp1", "CSO_PW", "c1", "SLACK", "https://hooks.slack.com/services/T/B/x",
                        "KS_PW", "k1", "DB_PW", "d1"),
                Map.of(keyFile, key + "\n", Path.of("/run/teams-url"), "https://example.webhook.office.com/x"));
        String yaml = MINIMAL.substring(0, MINIMAL.indexOf("junos:")) + """
                  - name: sw2
                    port: 2830
                    username: netconf
                    privateKey: ${file:%s}
                    passphrase: ${env:PP}
                    knownHostsFile: %s
                    mac: 5C-5B-35-0E-55-C9
                version: 1
                guards:
                  holdDown: 90s
                  dedupWindow: 2h
                  outage: {window: 2m, minDisconnects: 3, minRatio: 0.25}
                  lldp: {sources: mist+netconf, whenUnknown: revert}
                backends:
                  default: cso
                  bySite: {site-a: junos, 4e9b8a1c-0000-4000-8000-000000000001: mist}
                  bySwitch: {sw1: junos}
                junos:
                  confirmMinutes: 3
                  timeouts: {connect: 5s, rpc: 10s, commit: 2m, idle: 0s}
                  lockRetry: {maxAttempts: 2, firstBackoff: 500ms, maxBackoff: 1s}
                  allowedWarnings: [only this]
                  profiles:
                    ap: {statements: ["set x {interface}"], variables: {native_vlan: 10, vlans: "A B"}}
                    secured: {statements: ["delete x {interface}"]}
                    iot: {statements: ["set y {interface}"]}
                cso:
                  baseUrl: https://cso.example.net/prefix/
                  user: u
                  password: ${env:CSO_PW}
                  userDomain: d1
                  project: p
                  projectDomain: d2
                  timeouts: {connect: 1s, request: 2s}
                  deployDeadline: 10m
                  pollInterval: 1s
                  tokenMargin: 30s
                  paths: {job: "/jobs/{jobId}", devicePorts: "/ports?d={device}"}
                  profiles:
                    ap: {portProfile: trunk, nativeVlan: 11, lanSegments: [11, 12]}
                    secured: {portProfile: access, accessVlan: 12}
                mistBackend:
                  usages: {ap: ap-usage, secured: locked}
                  writeAttempts: 5
                notify:
                  slack: {webhookUrl: "${env:SLACK}"}
                  teams: {webhookUrl: "${file:/run/teams-url}"}
                  timeout: 3s
                store: {jdbcUrl: "jdbc:postgresql://db.example.net/mesa", username: mesa, password: "${env:DB_PW}"}
                server:
                  bind: 0.0.0.0
                  port: 8443
                  workers: 8
                  shutdownGrace: 30s
                  tls: {keystore: %s, password: "${env:KS_PW}", type: JKS}
                """.formatted(keyFile, knownHosts, keystore);

        MesaConfig c = parse(yaml, secrets);

        SwitchConfig sw2 = c.switchNamed("sw2").orElseThrow();
        assertThat(sw2.host()).isEmpty();
        assertThat(sw2.port()).isEqualTo(2830);
        assertThat(sw2.privateKey().map(Secret::reveal)).contains(key);
        assertThat(sw2.passphrase().map(Secret::reveal)).contains("pp1");
        assertThat(sw2.knownHostsFile()).contains(knownHosts);
        assertThat(sw2.hostKey()).isEmpty();
        assertThat(sw2.mac()).contains(MacAddress.parse("5c5b350e55c9"));
        assertThat(c.guards()).isEqualTo(new GuardConfig(Duration.ofSeconds(90), Duration.ofHours(2),
                new GuardConfig.Outage(Duration.ofMinutes(2), 3, 0.25),
                new GuardConfig.Lldp(GuardConfig.Sources.MIST_AND_NETCONF, GuardConfig.WhenUnknown.REVERT)));
        assertThat(c.backends().defaultBackend()).isEqualTo(Backend.CSO);
        assertThat(c.junos().confirmMinutes()).isEqualTo(3);
        assertThat(c.junos().timeouts()).isEqualTo(new JunosConfig.Timeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ZERO));
        assertThat(c.junos().lockRetry()).isEqualTo(new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(1)));
        assertThat(c.junos().allowedWarnings()).containsExactly("only this");
        assertThat(c.junos().profiles()).containsOnlyKeys("ap", "secured", "iot");
        assertThat(c.junos().profiles().get("ap").variables()).containsExactly(Map.entry("native_vlan", "10"),
                Map.entry("vlans", "A B"));
        CsoConfig cso = c.cso().orElseThrow();
        assertThat(cso.baseUrl()).isEqualTo(URI.create("https://cso.example.net/prefix"));
        assertThat(cso.password().reveal()).isEqualTo("c1");
        assertThat(List.of(cso.user(), cso.userDomain(), cso.project(), cso.projectDomain()))
                .containsExactly("u", "d1", "p", "d2");
        assertThat(cso.timeouts()).isEqualTo(new HttpTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(List.of(cso.deployDeadline(), cso.pollInterval(), cso.tokenMargin()))
                .containsExactly(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(cso.paths().job()).isEqualTo("/jobs/{jobId}");
        assertThat(cso.paths().devices()).isEqualTo(CsoConfig.Paths.defaults().devices());
        assertThat(cso.profiles().get("ap")).isEqualTo(new CsoConfig.Profile("trunk", List.of(11, 12),
                Optional.of(11), Optional.empty()));
        assertThat(cso.profiles().get("secured").access()).isTrue();
        assertThat(c.mistBackend()).isEqualTo(new MistBackendConfig(Map.of("ap", "ap-usage", "secured", "locked"), 5));
        assertThat(c.notifications().slack().orElseThrow().webhookUrl().reveal())
                .isEqualTo("https://hooks.slack.com/services/T/B/x");
        assertThat(c.notifications().teams().orElseThrow().webhookUrl().reveal())
                .isEqualTo("https://example.webhook.office.com/x");
        assertThat(c.notifications().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.store().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.net/mesa");
        assertThat(c.store().username()).contains("mesa");
        assertThat(c.store().password().map(Secret::reveal)).contains("d1");
        assertThat(c.server().bind()).isEqualTo("0.0.0.0");
        assertThat(c.server().port()).isEqualTo(8443);
        assertThat(c.server().workers()).isEqualTo(8);
        assertThat(c.server().shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.server().tls().orElseThrow()).isEqualTo(new ServerConfig.Tls(keystore, Secret.of("k1"), "JKS"));
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void describeShowsEverySettingWithSecretsMasked() {
        MesaConfig c = parse(ConfigFixture.plus("""
                notify:
                  slack: {webhookUrl: "${env:SLACK}"}
                """), SecretSource.of(Map.of("MIST_TOKEN", "a-token", "HOOK_SECRET", "b-hook", "SW_PASSWORD", "c-pass",
                "SLACK", "https://hooks.slack.com/services/T/B/secretpart"), Map.of()));

        String dump = c.describe();

        assertThat(dump).contains("holdDown: 1m", "lookupDelay: 30s", "jdbcUrl: jdbc:sqlite:mesa.db", "bind: 127.0.0.1",
                "minRatio: 0.5", "default: junos", "host: 10.0.0.1", "tls: null", "token: '****'",
                "password: '****'", "webhookUrl: '****'");
        assertThat(dump).doesNotContain("secretpart", "a-token", "b-hook", "c-pass");
    }

    @Test
    void describeReadsBackAsTheSameConfiguration() {
        MesaConfig c = parse(ConfigFixture.plus("""
                guards: {holdDown: 1500ms, lookupDelay: 45s, outage: {minRatio: 0.3}}
                backends: {bySite: {Paris: mist, "yes": cso}}
                cso: {baseUrl: "https://cso", user: "no", password: x, project: "null",
                       profiles: {ap: {portProfile: t}, secured: {portProfile: "yes", accessVlan: 7}}}
                """).replace("    secured:\n", """
                      variables: {a: "no", b: "null", c: "0123", d: "1e3", e: "~", f: "*x", g: "{interface}",
                                  h: "a: b", i: "- x", j: "#x", k: "ON", l: " padded "}
                    secured:
                """));

        String dump = c.describe();
        // read back: the secrets are now literally "****" (warned about), everything else is identical
        MesaConfig again = MesaConfig.parse(dump, "dump.yaml", SecretSource.none());

        assertThat(again.warnings()).hasSize(4).allMatch(w -> w.contains("secret written in the configuration file"));
        assertThat(again.describe().lines().filter(l -> !l.startsWith("#")).toList())
                .isEqualTo(dump.lines().filter(l -> !l.startsWith("#")).toList());
        assertThat(again.mist()).isEqualTo(new MistConfig(c.mist().baseUrl(), Secret.of("****"), c.mist().orgId(),
                c.mist().timeouts(), c.mist().retry(), c.mist().callsPerHour()));
        assertThat(again.guards()).isEqualTo(c.guards());
        assertThat(again.guards().holdDown()).isEqualTo(Duration.ofMillis(1500));
        assertThat(again.backends()).isEqualTo(c.backends());
        assertThat(again.junos()).isEqualTo(c.junos());
        assertThat(again.server()).isEqualTo(c.server());
        assertThat(again.store()).isEqualTo(c.store());
        assertThat(again.junos().profiles().get("ap").variables()).containsEntry("a", "no").containsEntry("b", "null")
                .containsEntry("c", "0123").containsEntry("l", "padded");
        assertThat(again.cso().orElseThrow().user()).isEqualTo("no");
    }

    @Test
    void describeStartsWithTheWarnings() {
        MesaConfig c = parse(ConfigFixture.replaceLine(6, "  insecureNoSignature: true"));

        assertThat(c.warnings()).singleElement().asString().startsWith("webhook.insecureNoSignature: INSECURE");
        assertThat(c.describe()).startsWith("# warning: webhook.insecureNoSignature: INSECURE");
        assertThat(c.webhook().secret()).isEmpty();
    }

    @Test
    void mistManagedSwitchesAlwaysGoToMistThenSwitchThenSiteIdThenSiteNameThenDefault() {
        BackendConfig b = new BackendConfig(Backend.JUNOS, Map.of("site-id-1", Backend.CSO, "Paris", Backend.MIST),
                Map.of("sw-cso", Backend.CSO, "sw-junos", Backend.JUNOS));

        assertThat(b.select("sw-junos", "site-id-1", "Paris", true)).isEqualTo(Backend.MIST);
        assertThat(b.select("sw-junos", "site-id-1", "Paris", false)).isEqualTo(Backend.JUNOS);
        assertThat(b.select("sw-other", "site-id-1", "Paris", false)).isEqualTo(Backend.CSO);
        assertThat(b.select("sw-other", "site-id-2", "Paris", false)).isEqualTo(Backend.MIST);
        assertThat(b.select("sw-other", "site-id-2", "Lyon", false)).isEqualTo(Backend.JUNOS);
        assertThat(b.select("sw-cso", null, null, false)).isEqualTo(Backend.CSO);
        assertThat(b.reachable()).containsExactlyInAnyOrder(Backend.JUNOS, Backend.CSO, Backend.MIST);
    }

    @Test
    void aConfigurationBuiltInCodeIsCheckedTheSameWay() {
        MesaConfig built = new MesaConfig(1, MistConfig.of(URI.create("https://api.mist.com"), Secret.of("t"),
                ConfigFixture.ORG), WebhookConfig.of(Secret.of("s")), GuardConfig.defaults(),
                BackendConfig.all(Backend.CSO), List.of(), JunosConfig.defaults(), Optional.empty(),
                MistBackendConfig.defaults(), NotifyConfig.none(), StoreConfig.defaults(), ServerConfig.defaults(),
                List.of());

        assertThatThrownBy(() -> built.validate("Jenkins global configuration"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Jenkins global configuration: cso: required: the cso back-end is in use (backends)");
    }

    @Test
    void loadsFromAFileAndNamesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path ok = Files.writeString(dir.resolve("mesa.yaml"), MINIMAL);
        Path bad = Files.writeString(dir.resolve("other.yaml"), MINIMAL.replace("orgId: ", "orgid: "));
        Path binary = Files.write(dir.resolve("bin.yaml"), new byte[] {'m', ':', ' ', (byte) 0xC3, (byte) 0x28});

        assertThat(MesaConfig.load(ok, ConfigFixture.SECRETS).switches()).hasSize(1);
        assertThatThrownBy(() -> MesaConfig.load(bad, ConfigFixture.SECRETS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("other.yaml:4: mist: unknown key 'orgid' (did you mean 'orgId'?)")
                .hasMessageContaining("other.yaml:1: mist.orgId: required (the Mist org id, a UUID)");
        assertThatThrownBy(() -> MesaConfig.load(binary, ConfigFixture.SECRETS))
                .isInstanceOf(ConfigException.class).hasMessage("bin.yaml: not UTF-8 text");
        assertThatThrownBy(() -> MesaConfig.load(dir.resolve("missing.yaml"), ConfigFixture.SECRETS))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("missing.yaml: cannot read ");
    }
}
