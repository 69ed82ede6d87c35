package io.jenkins.plugins.mesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.config.Backend;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.SecretSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example configuration shipped with the distribution loads, and means what its comments say. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("src/main/dist/mesa.example.yaml");
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    private static final SecretSource SECRETS = SecretSource.of(
            Map.of("MIST_TOKEN", "example-token-1", "MIST_WEBHOOK_SECRET", "example-hook-2",
                    "IDF1_PASSWORD", "example-pw-3", "MESA_KEY_PASSPHRASE", "example-pp-4",
                    "CSO_PASSWORD", "example-cso-5", "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/x"),
            Map.of(Path.of("/etc/mesa/keys/id_ed25519"), KEY,
                    Path.of("/etc/mesa/teams-webhook-url"), "https://example.webhook.office.com/webhookb2/x\n"));

    @Test
    void shippedExampleLoadsWithItsSecretsResolved() {
        MesaConfig config = MesaConfig.load(EXAMPLE, SECRETS);

        assertThat(config.mist().baseUrl()).hasToString("https://api.eu.mist.com");
        assertThat(config.mist().token().reveal()).isEqualTo("example-token-1");
        assertThat(config.switches()).hasSize(2);
        assertThat(config.switchNamed("idf2-ex4100").orElseThrow().privateKey().orElseThrow().reveal())
                .as("the file's final newline is not part of the secret").isEqualTo(KEY.strip());
        assertThat(config.notifications().teams().orElseThrow().webhookUrl().reveal())
                .isEqualTo("https://example.webhook.office.com/webhookb2/x");
        assertThat(config.backends().select("sw-x", "id-1", "Lyon-Warehouse", false)).isEqualTo(Backend.CSO);
        assertThat(config.guards().holdDown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.guards().lookupDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.junos().profiles()).containsKeys("ap", "secured");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void describingTheExampleShowsNoSecret() {
        String dump = MesaConfig.load(EXAMPLE, SECRETS).describe();

        assertThat(dump).contains("token: '****'").doesNotContain("example-", "hooks.slack.com", KEY.substring(0, 20));
    }
}
