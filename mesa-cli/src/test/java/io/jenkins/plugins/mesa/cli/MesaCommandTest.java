package io.jenkins.plugins.mesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MesaCommandTest {

    @Test
    void helpListsEveryCommand() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("lab", "serve", "replay", "check", "audit");
    }

    @Test
    void versionNamesTheBuild() {
        Cli r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("mesa ").doesNotContain("${");
    }

    @Test
    void serveRefusesAnInvalidConfigurationWithExitCodeTwoAndTheLinesOfEveryProblem(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("mesa.yaml");
        Files.writeString(config, "mist:\n  baseUrl: https://api.mist.com\n  token: hunter2-literal\nwebhok: {}\n");
        Cli r = Cli.run("serve", "--config", config.toString(), "--db", "jdbc:sqlite:" + dir.resolve("x.db"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("mesa.yaml:").contains("orgId").contains("webhok").doesNotContain("hunter2");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void checkRefusesAMissingConfigurationFile(@TempDir Path dir) {
        Cli r = Cli.run("check", "--config", dir.resolve("absent.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("absent.yaml");
    }
}
