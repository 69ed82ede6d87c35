package io.jenkins.plugins.mesa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A minimal valid configuration, its secrets, and helpers to load variants of it. */
final class ConfigFixture {
    /** Distinctive values, so that a leak anywhere is found by a plain text search. */
    static final String TOKEN = "mist-TOKEN-7Qz4x9Lw2";
    static final String HOOK_SECRET = "hook-SECRET-Vb81kPq3";
    static final String SW_PASSWORD = "sw-PASSWORD-Jr55mZt0";
    static final String HOST_KEY = "SHA256:S+BZs8WrbF2+3vXNX+pZP+rhwiXFBq+1ZZjhSqLx7jg";
    static final String ORG = "9777c1a0-6ef6-11e6-8bbf-02e208b2d34f";

    static final SecretSource SECRETS = SecretSource.of(
            Map.of("MIST_TOKEN", TOKEN, "HOOK_SECRET", HOOK_SECRET, "SW_PASSWORD", SW_PASSWORD),
            Map.of());

    /**
     * Line numbers matter to the tests: mist 1, token 3, webhook 5, switches 7, first switch 8,
     * its hostKey 12, junos 13, profiles 14.
     */
    static final String MINIMAL = """
            mist:
              baseUrl: https://api.mist.com
              token: ${env:MIST_TOKEN}
              orgId: 9777c1a0-6ef6-11e6-8bbf-02e208b2d34f
            webhook:
              secret: ${env:HOOK_SECRET}
            switches:
              - name: sw1
                host: 10.0.0.1
                username: mesa
                password: ${env:SW_PASSWORD}
                hostKey: SHA256:S+BZs8WrbF2+3vXNX+pZP+rhwiXFBq+1ZZjhSqLx7jg
            junos:
              profiles:
                ap:
                  statements:
                    - set interfaces {interface} description AP
                secured:
                  statements:
                    - delete interfaces {interface} description
            """;

    private ConfigFixture() {
    }

    static MesaConfig parse(String yaml) {
        return MesaConfig.parse(yaml, "mesa.yaml", SECRETS);
    }

    static MesaConfig parse(String yaml, SecretSource secrets) {
        return MesaConfig.parse(yaml, "mesa.yaml", secrets);
    }

    /** The errors loading {@code yaml} reports, as printed ({@code mesa.yaml:14: path: message}). */
    static List<String> errors(String yaml) {
        return errors(yaml, SECRETS);
    }

    static List<String> errors(String yaml, SecretSource secrets) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> MesaConfig.parse(yaml, "mesa.yaml", secrets));
        assertThat(e).as("loading should fail").isNotNull();
        assertThat(e.reason()).isEqualTo("bad-config");
        assertThat(e.getMessage()).as("the message lists every error")
                .contains(e.errors().stream().map(ConfigError::toString).toList());
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    /** MINIMAL with one line replaced (1-based), keeping all other line numbers. */
    static String replaceLine(int line, String text) {
        List<String> lines = new java.util.ArrayList<>(MINIMAL.lines().toList());
        lines.set(line - 1, text);
        return String.join("\n", lines) + "\n";
    }

    /** MINIMAL with {@code text} appended at the end (first appended line is line 21). */
    static String plus(String text) {
        return MINIMAL + text;
    }

    static Path path(String p) {
        return Path.of(p);
    }
}
