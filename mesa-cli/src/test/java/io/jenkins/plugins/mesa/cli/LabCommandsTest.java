package io.jenkins.plugins.mesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.cli.lab.LabPlan;
import io.jenkins.plugins.mesa.cli.lab.LabWorld;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesa check} and {@code mesa replay} against the lab's simulated Mist cloud and switch. */
class LabCommandsTest {
    @TempDir
    Path dir;

    private LabWorld lab;
    private JunosSimulator junos;
    private LabPlan.Switch sw;
    private LabPlan.Ap ap;

    @BeforeEach
    void world() {
        lab = LabWorld.start(new LabPlan(1, 1, 3), dir);
        sw = lab.plan().switchList().get(0);
        ap = lab.plan().apList().get(0);
        junos = lab.junosSwitches().get(sw.name());
    }

    @AfterEach
    void down() {
        lab.close();
    }

    private boolean trunk(String port) {
        return junos.runningConfig()
                .contains("set interfaces " + port + " unit 0 family ethernet-switching interface-mode trunk");
    }

    @Test
    void checkPassesOnTheLabWithOneLinePerCheck() {
        Cli r = Cli.run("check", "--config", lab.configFile().toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^ok +config ")
                .containsPattern("(?m)^ok +mist .*token accepted")
                .containsPattern("(?m)^ok +switch +" + sw.name() + " 127.0.0.1:" + junos.port() + ": .*host key matches")
                .contains("all checks passed");
    }

    @Test
    void checkFailsOnAWrongHostKeyPinAndAWrongTokenWithoutPrintingSecrets() throws Exception {
        String yaml = Files.readString(lab.configFile())
                .replace(junos.hostKeyFingerprint(), "SHA256:" + "A".repeat(43));
        Path token = dir.resolve("wrong-token");
        Files.writeString(token, "not-the-token-0123456789");
        yaml = yaml.replace(dir.resolve("mist-token").toAbsolutePath().toString(), token.toAbsolutePath().toString());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, yaml);
        Cli r = Cli.run("check", "--config", bad.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^FAIL +switch +" + sw.name())
                .containsPattern("(?m)^FAIL +mist ")
                .contains("2 check(s) failed")
                .doesNotContain("not-the-token").doesNotContain(Files.readString(dir.resolve("switch-password")));
    }

    @Test
    void replayRunsOneBodyThroughTheFlowAtOnceAndPrintsTheDiff() throws Exception {
        lab.world().plugAp(ap.mac(), sw.mac(), "ge-0/0/6");
        Path event = dir.resolve("event.json");
        Files.write(event, new MistWebhookSender("unused", Duration.ofSeconds(1))
                .body(List.of(lab.world().apEvent("AP_CONNECTED", ap.mac()))));

        Cli dry = Cli.run("replay", event.toString(), "--dry-run", "--config", lab.configFile().toString());
        assertThat(dry.exitCode()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("DRY RUN").contains("uplink").contains("dry run");
        assertThat(trunk("ge-0/0/6")).isFalse();

        Cli real = Cli.run("replay", event.toString(), "--config", lab.configFile().toString());
        assertThat(real.exitCode()).as(real.out() + real.err()).isZero();
        assertThat(real.out()).contains("=> CHANGED").contains("| ").contains("interface-mode trunk");
        assertThat(trunk("ge-0/0/6")).isTrue();
    }

    @Test
    void replayRefusesABodyThatIsNotAWebhook() throws Exception {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"topic\":\"alarms\",\"events\":[{}]}");
        Cli r = Cli.run("replay", event.toString(), "--config", lab.configFile().toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("refused: bad-topic");
    }
}
