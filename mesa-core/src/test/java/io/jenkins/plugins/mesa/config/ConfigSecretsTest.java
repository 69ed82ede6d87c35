package io.jenkins.plugins.mesa.config;

import static io.jenkins.plugins.mesa.config.ConfigFixture.HOOK_SECRET;
import static io.jenkins.plugins.mesa.config.ConfigFixture.MINIMAL;
import static io.jenkins.plugins.mesa.config.ConfigFixture.SW_PASSWORD;
import static io.jenkins.plugins.mesa.config.ConfigFixture.TOKEN;
import static io.jenkins.plugins.mesa.config.ConfigFixture.errors;
import static io.jenkins.plugins.mesa.config.ConfigFixture.parse;
import static io.jenkins.plugins.mesa.config.ConfigFixture.plus;
import static io.jenkins.plugins.mesa.config.ConfigFixture.replaceLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.mesa.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret references, and that no secret is ever printed. */
class ConfigSecretsTest {
    private static final String LITERAL = "literal-SECRET-Hq2w9Zx";
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE-KEYBODY-7u\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    private static SecretSource with(Map<String, String> moreEnv, Map<Path, String> files) {
        Map<String, String> env = new HashMap<>(Map.of("MIST_TOKEN", TOKEN, "HOOK_SECRET", HOOK_SECRET,
                "SW_PASSWORD", SW_PASSWORD));
        env.putAll(moreEnv);
        return SecretSource.of(env, files);
    }

    @Test
    void envAndFileReferencesAreResolvedThroughTheInjectedSource() {
        Path keyFile = Path.of("/etc/mesa/keys/sw1");
        String yaml = replaceLine(11, "    privateKey: ${file:/etc/mesa/keys/sw1}")
                .replace("  secret: ${env:HOOK_SECRET}", "  secret: \"${file:/run/secrets/hook}\"");
        MesaConfig c = parse(yaml, with(Map.of(), Map.of(keyFile, KEY, Path.of("/run/secrets/hook"), "from-file\r\n")));

        assertThat(c.mist().token().reveal()).isEqualTo(TOKEN);
        assertThat(c.webhook().secret().map(Secret::reveal)).as("line end of the file dropped").contains("from-file");
        assertThat(c.switches().get(0).privateKey().map(Secret::reveal)).contains(KEY.strip());
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void realFilesAreReadByTheSystemSource(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "file-token\n");
        SecretSource system = SecretSource.system();

        assertThat(system.file(token)).isEqualTo("file-token\n");
        Path big = Files.write(dir.resolve("big"), new byte[SecretSource.MAX_FILE_BYTES + 1]);
        assertThat(catchThrowableOfType(java.io.IOException.class, () -> system.file(big))).isNotNull();
    }

    @Test
    void unresolvableReferencesNameTheVariableOrFileButNoValue() {
        String yaml = MINIMAL.replace("${env:MIST_TOKEN}", "${env:NOT_SET}")
                .replace("${env:HOOK_SECRET}", "${file:relative/path}")
                .replace("${env:SW_PASSWORD}", "${vault:secret/sw1}")
                + "notify:\n  slack: {webhookUrl: \"${file:/run/missing}\"}\n  teams: {webhookUrl: \"${env:EMPTY}\"}\n";

        assertThat(errors(yaml, with(Map.of("EMPTY", " "), Map.of()))).containsExactly(
                "mesa.yaml:3: mist.token: environment variable NOT_SET is not set",
                "mesa.yaml:6: webhook.secret: ${file:…} needs an absolute file path, so that it does not depend on"
                        + " the working directory",
                "mesa.yaml:11: switches[0].password: not a valid secret reference: write ${env:NAME} or"
                        + " ${file:/absolute/path}",
                "mesa.yaml:22: notify.slack.webhookUrl: cannot read secret file /run/missing (NoSuchFileException)",
                "mesa.yaml:23: notify.teams.webhookUrl: environment variable EMPTY is empty");
    }

    @Test
    void literalSecretsWorkButAreWarnedAbout() {
        MesaConfig c = parse(replaceLine(3, "  token: " + LITERAL));

        assertThat(c.mist().token().reveal()).isEqualTo(LITERAL);
        assertThat(c.warnings()).containsExactly(
                "mist.token: secret written in the configuration file; prefer ${env:NAME} or ${file:/path}");
    }

    @Test
    void aQuotedLiteralSecretIsTakenExactlyAsWritten() {
        MesaConfig c = parse(replaceLine(3, "  token: \"  spaced " + LITERAL + " \""));

        assertThat(c.mist().token().reveal()).isEqualTo("  spaced " + LITERAL + " ");
    }

    @Test
    void noSecretAppearsInToStringDescribeOrWarnings() {
        Path keyFile = Path.of("/k");
        MesaConfig c = parse(replaceLine(11, "    privateKey: ${file:/k}")
                        .replace("  secret: ${env:HOOK_SECRET}", "  secret: " + LITERAL)
                        + "cso:\n  baseUrl: https://cso\n  user: u\n  password: ${env:CSO}\n  project: p\n"
                        + "store: {password: \"${env:DB}\"}\n",
                with(Map.of("CSO", "cso-PW-31x", "DB", "db-PW-88q"), Map.of(keyFile, KEY)));

        List<String> leaks = List.of(TOKEN, HOOK_SECRET, LITERAL, "KEYBODY", "cso-PW-31x", "db-PW-88q");
        assertThat(c.toString()).doesNotContain(leaks);
        assertThat(c.describe()).doesNotContain(leaks).contains("privateKey: '****'");
        assertThat(String.join("\n", c.warnings())).doesNotContain(leaks);
    }

    @Test
    void noSecretAppearsInAnyError() {
        // every secret field is wrong in a way that is reported, with distinctive values in play
        String yaml = MINIMAL.replace("  secret: ${env:HOOK_SECRET}", "  secret: [" + LITERAL + "]")
                .replace("    password: ${env:SW_PASSWORD}", "    privateKey: ${env:SW_PASSWORD}")
                + "notify:\n  slack: {webhookUrl: \"ftp://" + LITERAL + "\"}\n"
                + "server:\n  tls: {keystore: /nonexistent, password: {" + LITERAL + ": 1}}\n"
                + "store: {jdbcUrl: \"jdbc:postgresql://u:" + LITERAL + "@db/mesa\"}\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));

        assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(e.getMessage()).doesNotContain(LITERAL, SW_PASSWORD, "Hq2w9Zx");
        assertThat(e.toString()).doesNotContain(LITERAL, SW_PASSWORD);
        assertThat(e.errors().toString()).doesNotContain(LITERAL, SW_PASSWORD);
    }

    @Test
    void aSyntaxErrorOnASecretLineDoesNotQuoteTheLine() {
        String yaml = replaceLine(3, "  token: \"" + LITERAL + "\" trailing: \"" + LITERAL + "\"");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));

        assertThat(e.errors()).singleElement().extracting(ConfigError::line).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("mesa.yaml:3: not valid YAML: ").doesNotContain(LITERAL, "Hq2w9Zx");
    }

    @Test
    void anUnterminatedQuotedSecretIsNotEchoed() {
        String yaml = replaceLine(3, "  token: \"" + LITERAL + "\\q");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));

        assertThat(e.getMessage()).contains("not valid YAML").doesNotContain(LITERAL, "Hq2w9Zx");
    }

    @Test
    void aSecretTypedWhereAKeyBelongsIsNotPrinted() {
        String yaml = plus("mistBackend: {" + "tok:" + LITERAL + "}\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));

        assertThat(e.getMessage()).contains("mesa.yaml:21: mistBackend: unknown key (a key that is not a plain name)")
                .doesNotContain(LITERAL);
    }
}
