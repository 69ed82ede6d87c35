package io.jenkins.plugins.mesa.config;

import static io.jenkins.plugins.mesa.config.ConfigFixture.MINIMAL;
import static io.jenkins.plugins.mesa.config.ConfigFixture.errors;
import static io.jenkins.plugins.mesa.config.ConfigFixture.parse;
import static io.jenkins.plugins.mesa.config.ConfigFixture.plus;
import static io.jenkins.plugins.mesa.config.ConfigFixture.replaceLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule, each error with its line and key path. */
class ConfigValidationTest {

    // ---- mist

    @Test
    void mistSectionIsRequired() {
        assertThat(errors(MINIMAL.replace("mist:", "mistx:")))
                .containsExactly("mesa.yaml:1: mist: required (baseUrl, token and orgId of the Mist org)",
                        "mesa.yaml:1: unknown key 'mistx' (did you mean 'mist'?)");
    }

    @Test
    void mistBaseUrlMustBeHttpsHostOnly() {
        assertThat(errors(replaceLine(2, "  baseUrl: http://api.mist.com")))
                .containsExactly("mesa.yaml:2: mist.baseUrl: must use https (plain http is allowed only to 127.0.0.1 or localhost)");
        assertThat(errors(replaceLine(2, "  baseUrl: https://api.mist.com/api/v1")))
                .containsExactly("mesa.yaml:2: mist.baseUrl: must be only scheme, host and port, such as https://api.mist.com");
        assertThat(errors(replaceLine(2, "  baseUrl: api.mist.com")))
                .containsExactly("mesa.yaml:2: mist.baseUrl: must be a URL such as https://host");
        assertThat(errors(replaceLine(2, "  baseUrl: https://user:pw@api.mist.com")))
                .containsExactly("mesa.yaml:2: mist.baseUrl: must not contain user info, a query or a fragment");
        assertThat(errors(replaceLine(2, "")))
                .containsExactly("mesa.yaml:1: mist.baseUrl: required (the org's regional API host, e.g."
                        + " https://api.mist.com or https://api.eu.mist.com)");
    }

    @Test
    void loopbackHttpIsAllowedForTheLabAndUnknownHostsAreWarnedAbout() {
        assertThat(parse(replaceLine(2, "  baseUrl: http://127.0.0.1:18080/")).mist().baseUrl())
                .hasToString("http://127.0.0.1:18080");
        assertThat(parse(replaceLine(2, "  baseUrl: https://api.mist.example")).warnings())
                .containsExactly("mist.baseUrl: not one of Mist's published API hosts; check the region");
        assertThat(parse(replaceLine(2, "  baseUrl: https://api.gc4.mist.com")).warnings()).isEmpty();
    }

    @Test
    void orgIdMustBeAUuid() {
        assertThat(errors(replaceLine(4, "  orgId: my-org")))
                .containsExactly("mesa.yaml:4: mist.orgId: must be a Mist org id (UUID)");
    }

    @Test
    void mistNumbersAndRetriesAreRangeChecked() {
        assertThat(errors(plus("""
                mistBackend: {writeAttempts: 0}
                """).replace("  orgId:", "  callsPerHour: 9000\n  retry: {maxAttempts: 11, firstBackoff: 10s, maxBackoff: 1s}\n  orgId:")))
                .containsExactly("mesa.yaml:4: mist.callsPerHour: must be an integer from 1 to 5000",
                        "mesa.yaml:5: mist.retry.maxAttempts: must be an integer from 1 to 10",
                        "mesa.yaml:5: mist.retry.maxBackoff: must not be shorter than firstBackoff",
                        "mesa.yaml:23: mistBackend.writeAttempts: must be an integer from 1 to 10");
    }

    // ---- webhook

    @Test
    void webhookSecretIsRequiredUnlessTheLabSwitchIsOn() {
        assertThat(errors(replaceLine(6, "  path: /hook")))
                .containsExactly("mesa.yaml:5: webhook.secret: required (the secret of the Mist webhook, e.g."
                        + " ${env:MIST_WEBHOOK_SECRET}; unsigned webhooks are accepted only with"
                        + " insecureNoSignature: true, in a lab)");
        assertThat(errors(MINIMAL.replace("  secret: ${env:HOOK_SECRET}", "  secret: ${env:HOOK_SECRET}\n  insecureNoSignature: true")))
                .containsExactly("mesa.yaml:7: webhook.insecureNoSignature: cannot be true when a secret is"
                        + " configured; remove one of them");
    }

    @Test
    void webhookLimitsAndPath() {
        String yaml = MINIMAL.replace("  secret: ${env:HOOK_SECRET}", "  secret: ${env:HOOK_SECRET}\n"
                + "  maxBodyBytes: 128MiB\n  path: no-slash\n  allowLegacySha1: \"yes\"");
        assertThat(errors(yaml)).containsExactly(
                "mesa.yaml:7: webhook.maxBodyBytes: must be from 1KiB to 64MiB",
                "mesa.yaml:8: webhook.path: must be an absolute URL path such as /mist/webhook",
                "mesa.yaml:9: webhook.allowLegacySha1: expected true or false, got a string");
        MesaConfig ok = parse(MINIMAL.replace("  secret: ${env:HOOK_SECRET}",
                "  secret: ${env:HOOK_SECRET}\n  maxBodyBytes: 512KiB\n  allowLegacySha1: true"));
        assertThat(ok.webhook().maxBodyBytes()).isEqualTo(512 * 1024);
        assertThat(ok.warnings()).containsExactly("webhook.allowLegacySha1: legacy HMAC-SHA1 signatures are accepted");
    }

    // ---- guards and durations

    @Test
    void durationsNeedAUnitAndARange() {
        assertThat(errors(plus("""
                guards:
                  holdDown: 60
                  dedupWindow: 5x
                  outage: {window: 0s, minDisconnects: 1, minRatio: 1.5}
                  lldp: {sources: netconf}
                """))).containsExactly(
                "mesa.yaml:22: guards.holdDown: must be a duration such as 500ms, 60s, 5m, 24h or PT1M (a unit is required)",
                "mesa.yaml:23: guards.dedupWindow: must be a duration such as 500ms, 60s, 5m, 24h or PT1M",
                "mesa.yaml:24: guards.outage.window: must be from 1s to 1d",
                "mesa.yaml:24: guards.outage.minDisconnects: must be an integer from 2 to 100000",
                "mesa.yaml:24: guards.outage.minRatio: must be a number from 0.01 to 1.0",
                "mesa.yaml:25: guards.lldp.sources: must be one of: mist, mist+netconf");
        assertThat(parse(plus("guards: {holdDown: PT1M30S, dedupWindow: 1h30m}\n")).guards().holdDown())
                .hasSeconds(90);
    }

    @Test
    void lookupDelayDefaultsToThirtySecondsAndIsRangeChecked() {
        assertThat(parse(MINIMAL).guards().lookupDelay()).hasSeconds(30);
        assertThat(parse(plus("guards: {lookupDelay: 0s}\n")).guards().lookupDelay()).isZero();
        assertThat(parse(plus("guards: {lookupDelay: 2m}\n")).guards().lookupDelay()).hasSeconds(120);
        assertThat(errors(plus("""
                guards:
                  holdDown: 60s
                  lookupDelay: 11m
                """))).containsExactly("mesa.yaml:23: guards.lookupDelay: must be from 0s to 10m");
        assertThat(errors(plus("guards: {lookupDelay: -1s}\n"))).containsExactly(
                "mesa.yaml:21: guards.lookupDelay: must be a duration such as 500ms, 60s, 5m, 24h or PT1M");
    }

    // ---- backends

    @Test
    void backendsAreOneOfTheThreeAndEachInUseHasWhatItNeeds() {
        assertThat(errors(plus("""
                backends:
                  default: netconf
                  bySite: {Paris: cso}
                  bySwitch: {sw9: junos, sw1: [junos]}
                """))).containsExactly(
                "mesa.yaml:22: backends.default: must be one of: junos, cso, mist",
                "mesa.yaml:24: backends.bySwitch.sw1: must be one of: junos, cso, mist");
        assertThat(errors(plus("""
                backends:
                  bySite: {Paris: cso}
                  bySwitch: {sw9: junos}
                """))).containsExactly(
                "mesa.yaml:21: cso: required: the cso back-end is in use (backends)",
                "mesa.yaml:23: backends.bySwitch.sw9: the junos back-end needs this switch in switches"
                        + " (login and host-key pin)");
    }

    @Test
    void junosProfilesApAndSecuredAreRequiredWhenJunosIsUsed() {
        String noSecured = MINIMAL.substring(0, MINIMAL.indexOf("    secured:"));
        assertThat(errors(noSecured)).containsExactly("mesa.yaml:14: junos.profiles.secured: required: the junos"
                + " back-end is in use (backends), so profile 'secured' must be defined with its set/delete statements");
        // a deployment without junos needs no Junos profile
        String csoOnly = noSecured + """
                backends: {default: mist}
                """;
        assertThat(parse(csoOnly).junos().profiles()).containsOnlyKeys("ap");
    }

    @Test
    void usingJunosWithoutAnySwitchIsWarnedAbout() {
        String noSwitches = MINIMAL.substring(0, MINIMAL.indexOf("switches:")) + MINIMAL.substring(MINIMAL.indexOf("junos:"));
        assertThat(parse(noSwitches).warnings()).containsExactly("switches: none configured, so the junos back-end"
                + " (in use per backends) cannot reach any switch; list each switch with its login and host-key pin");
        assertThat(parse(noSwitches + "backends: {default: mist}\n").warnings()).isEmpty();
    }

    @Test
    void junosProfilesNeedStatements() {
        assertThat(errors(plus("""
                    extra:
                      variables: {a: b}
                    empty: {statements: []}
                    "bad name": {statements: [x]}
                """).replace("junos:\n  profiles:\n", "junos:\n  confirmMinutes: 0\n  profiles:\n")))
                .containsExactly(
                        "mesa.yaml:14: junos.confirmMinutes: must be an integer from 1 to 65535",
                        "mesa.yaml:22: junos.profiles.extra.statements: required (the Junos set/delete statements"
                                + " of the profile)",
                        "mesa.yaml:24: junos.profiles.empty.statements: needs at least one statement",
                        "mesa.yaml:25: junos.profiles.bad name: profile names are letters, digits, _ and - (up to 64)");
    }

    @Test
    void mistUsagesApAndSecuredAreAlwaysRequired() {
        assertThat(errors(plus("mistBackend: {usages: {ap: ap, secured: x, iot: \"bad usage\"}}\n"))).containsExactly(
                "mesa.yaml:21: mistBackend.usages.iot: must be a Mist port usage name (letters, digits, _ -)");
        assertThat(errors(plus("mistBackend:\n  usages: {ap: ap}\n"))).containsExactly(
                "mesa.yaml:22: mistBackend.usages.secured: required: Mist-managed switches are always changed"
                        + " through the Mist API, which needs a port usage for 'secured'");
    }

    // ---- switches

    @Test
    void hostKeyPinIsMandatory() {
        String twoSwitches = MINIMAL.replace("junos:", """
                  - name: sw2
                    username: mesa
                    password: ${env:SW_PASSWORD}
                  - name: sw3
                    username: mesa
                    password: ${env:SW_PASSWORD}
                    hostKey: SHA256:tooShort
                junos:""");
        assertThat(errors(twoSwitches)).containsExactly(
                "mesa.yaml:13: switches[1].hostKey: required (pin the switch's SSH host key: SHA256:… as"
                        + " ssh-keygen -lf prints it, or give knownHostsFile)",
                "mesa.yaml:19: switches[2].hostKey: must be a SHA256: fingerprint as ssh-keygen -lf prints it"
                        + " (SHA256: and 43 base64 characters)");
    }

    @Test
    void knownHostsFileInsteadOfAPin(@TempDir Path dir) throws Exception {
        Path kh = Files.writeString(dir.resolve("known_hosts"), "x\n");
        assertThat(parse(replaceLine(12, "    knownHostsFile: " + kh)).switches().get(0).knownHostsFile()).contains(kh);
        assertThat(errors(replaceLine(12, "    knownHostsFile: " + dir.resolve("nope"))))
                .containsExactly("mesa.yaml:12: switches[0].knownHostsFile: no readable file at " + dir.resolve("nope"));
        assertThat(errors(MINIMAL.replace("junos:", "    knownHostsFile: " + kh + "\njunos:")))
                .containsExactly("mesa.yaml:13: switches[0].knownHostsFile: give either hostKey or knownHostsFile, not both");
    }

    @Test
    void exactlyOneLoginMethod() {
        assertThat(errors(replaceLine(11, "    port: 22")))
                .containsExactly("mesa.yaml:8: switches[0].password: required (or privateKey: how MESA logs in to the switch)");
        assertThat(errors(MINIMAL.replace("junos:", "    privateKey: ${env:SW_PASSWORD}\njunos:")))
                .containsExactly("mesa.yaml:13: switches[0].privateKey: give either password or privateKey, not both",
                        "mesa.yaml:13: switches[0].privateKey: not a private key: expected OpenSSH or PEM key text"
                                + " (-----BEGIN … PRIVATE KEY-----); use ${file:/path/to/key} to read a key file");
        assertThat(errors(MINIMAL.replace("junos:", "    passphrase: ${env:SW_PASSWORD}\njunos:")))
                .containsExactly("mesa.yaml:13: switches[0].passphrase: only applies to a privateKey");
    }

    @Test
    void switchNamesAreRequiredAndUnique() {
        String dup = MINIMAL.replace("junos:", """
                  - name: sw1
                    username: mesa
                    password: ${env:SW_PASSWORD}
                    hostKey: SHA256:S+BZs8WrbF2+3vXNX+pZP+rhwiXFBq+1ZZjhSqLx7jg
                  - username: mesa
                    mac: not-a-mac
                    port: 70000
                    host: "bad host"
                junos:""");
        assertThat(errors(dup)).containsExactly(
                "mesa.yaml:13: switches[1].name: duplicate switch name (first at line 8)",
                "mesa.yaml:17: switches[2].name: required (the switch's LLDP/Mist system name)",
                "mesa.yaml:17: switches[2].password: required (or privateKey: how MESA logs in to the switch)",
                "mesa.yaml:17: switches[2].hostKey: required (pin the switch's SSH host key: SHA256:… as"
                        + " ssh-keygen -lf prints it, or give knownHostsFile)",
                "mesa.yaml:18: switches[2].mac: must be a MAC address such as 5c:5b:35:0e:55:c8",
                "mesa.yaml:19: switches[2].port: must be an integer from 1 to 65535",
                "mesa.yaml:20: switches[2].host: must be a host name or IP address");
    }

    // ---- cso

    @Test
    void csoSectionRules() {
        assertThat(errors(plus("""
                backends: {default: cso}
                cso:
                  baseUrl: ftp://cso
                  user: u
                  deployDeadline: 1m
                  pollInterval: 2m
                  paths: {job: /jobs, devices: relative}
                  profiles:
                    ap: {portProfile: t, nativeVlan: 11, lanSegments: [12, 12, 5000]}
                    secured: {portProfile: a, accessVlan: 12, nativeVlan: 3}
                """))).containsExactly(
                "mesa.yaml:22: cso.password: required (the Keystone password, e.g. ${env:CSO_PASSWORD})",
                "mesa.yaml:22: cso.project: required (the CSO tenant (Keystone project) name)",
                "mesa.yaml:23: cso.baseUrl: must be a URL such as https://host",
                "mesa.yaml:26: cso.pollInterval: must not be longer than deployDeadline",
                "mesa.yaml:27: cso.paths.devices: must be an absolute path such as /tssm/port-profile",
                "mesa.yaml:27: cso.paths.job: must contain {jobId}",
                "mesa.yaml:29: cso.profiles.ap.lanSegments[2]: must be an integer from 1 to 4094",
                "mesa.yaml:29: cso.profiles.ap.lanSegments: lists a VLAN twice",
                "mesa.yaml:29: cso.profiles.ap.nativeVlan: must be one of lanSegments",
                "mesa.yaml:30: cso.profiles.secured.accessVlan: an access profile has accessVlan only;"
                        + " a trunk has nativeVlan and/or lanSegments");
    }

    // ---- store, server, notify

    @Test
    void storeUrlMustBeJdbcWithoutCredentials() {
        assertThat(errors(plus("store: {jdbcUrl: \"jdbc:postgresql://db/mesa?user=m&password=hunter2\"}\n")))
                .containsExactly("mesa.yaml:21: store.jdbcUrl: must not contain credentials; put the password in store.password");
        assertThat(errors(plus("store: {jdbcUrl: \"sqlite:mesa.db\"}\n")))
                .containsExactly("mesa.yaml:21: store.jdbcUrl: must be a JDBC URL such as jdbc:sqlite:mesa.db");
    }

    @Test
    void serverTlsNeedsAReadableKeystoreAndPlainHttpOutsideLoopbackIsWarnedAbout(@TempDir Path dir) {
        assertThat(errors(plus("""
                server:
                  port: -1
                  workers: 0
                  tls: {keystore: %s, type: PEM}
                """.formatted(dir.resolve("none.p12"))))).containsExactly(
                "mesa.yaml:22: server.port: must be an integer from 0 to 65535",
                "mesa.yaml:23: server.workers: must be an integer from 1 to 64",
                "mesa.yaml:24: server.tls.password: required (the keystore password, e.g. ${env:MESA_KEYSTORE_PASSWORD})",
                "mesa.yaml:24: server.tls.type: must be one of: PKCS12, JKS",
                "mesa.yaml:24: server.tls.keystore: no readable file at " + dir.resolve("none.p12"));
        assertThat(parse(plus("server: {bind: 0.0.0.0}\n")).warnings()).containsExactly("server.tls: webhooks are"
                + " served over plain HTTP on a non-loopback address; configure tls or put a TLS reverse proxy in front");
    }

    @Test
    void notificationWebhookUrlsAreCheckedWithoutBeingPrinted() {
        var secrets = io.jenkins.plugins.mesa.config.SecretSource.of(java.util.Map.of("MIST_TOKEN", "t",
                "HOOK_SECRET", "h", "SW_PASSWORD", "p", "SLACK", "http://hooks.slack.com/services/T/B/leakme"),
                java.util.Map.of());
        assertThat(ConfigFixture.errors(plus("notify: {slack: {webhookUrl: \"${env:SLACK}\"}, teams: {}}\n"), secrets))
                .containsExactly("mesa.yaml:21: notify.slack.webhookUrl: must use https (plain http is allowed only"
                                + " to 127.0.0.1 or localhost)",
                        "mesa.yaml:21: notify.teams.webhookUrl: required (the incoming-webhook URL, e.g. ${env:SLACK_WEBHOOK_URL})");
    }

    // ---- schema-level: unknown keys, duplicates, types, all errors at once

    @Test
    void unknownKeysAreErrorsWithASuggestion() {
        assertThat(errors(replaceLine(3, "  tokn: ${env:MIST_TOKEN}"))).containsExactly(
                "mesa.yaml:1: mist.token: required (the Mist API token, e.g. ${env:MIST_TOKEN})",
                "mesa.yaml:3: mist: unknown key 'tokn' (did you mean 'token'?)");
        assertThat(errors(plus("colour: blue\n"))).singleElement().asString()
                .startsWith("mesa.yaml:21: unknown key 'colour' (known keys: version, mist, webhook, guards,");
        assertThat(errors(plus("guards: {outage: {windowSize: 1m}}\n"))).containsExactly(
                "mesa.yaml:21: guards.outage: unknown key 'windowSize' (did you mean 'window'?)");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThat(errors(MINIMAL.replace("  orgId:", "  token: literal\n  orgId:")))
                .containsExactly("mesa.yaml:4: duplicate key 'token' (first at line 3)");
        assertThat(errors(plus("mist:\n  orgId: x\n")))
                .containsExactly("mesa.yaml:21: duplicate key 'mist' (first at line 1)");
    }

    @Test
    void wrongTypesNameWhatWasExpected() {
        assertThat(errors(plus("""
                guards: [60s]
                server: {port: eighty, bind: [a]}
                backends: {bySite: siteA}
                version: 2
                """).replace("switches:\n  - name: sw1", "switches:\n  - name: [sw1]"))).containsExactly(
                "mesa.yaml:8: switches[0].name: expected a text value (quote it if it looks like a boolean), got a list",
                "mesa.yaml:21: guards: expected a mapping of keys, got a list",
                "mesa.yaml:22: server.bind: expected a text value (quote it if it looks like a boolean), got a list",
                "mesa.yaml:22: server.port: expected an integer, got a string",
                "mesa.yaml:23: backends.bySite: expected a mapping of names to values, got a string",
                "mesa.yaml:24: version: only version 1 exists");
        assertThat(errors("- just\n- a list\n"))
                .containsExactly("mesa.yaml:1: expected a mapping of sections (mist:, webhook:, …), got a list");
        assertThat(errors("")).containsExactly("mesa.yaml: the file is empty; see mesa.example.yaml for a complete example");
        assertThat(errors(plus("switches: {name: x}\n"))).contains("mesa.yaml:21: duplicate key 'switches' (first at line 7)");
    }

    @Test
    void allErrorsAreReportedInFileOrder() {
        String yaml = MINIMAL.replace("  orgId: 9777c1a0-6ef6-11e6-8bbf-02e208b2d34f", "  orgId: nope")
                .replace("    host: 10.0.0.1", "    host: 10.0.0.1\n    prot: 830")
                + "guards: {holdDown: soon}\n";
        assertThat(errors(yaml)).containsExactly(
                "mesa.yaml:4: mist.orgId: must be a Mist org id (UUID)",
                "mesa.yaml:10: switches[0]: unknown key 'prot' (did you mean 'port'?)",
                "mesa.yaml:22: guards.holdDown: must be a duration such as 500ms, 60s, 5m, 24h or PT1M");
    }
}
