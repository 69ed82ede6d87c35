package io.jenkins.plugins.mesa.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's `mesa lab`: the default scenario, end to end over real HTTP and SSH on 127.0.0.1. */
class LabRunTest {

    @Test
    void theDefaultScenarioEndsWithEveryPortAsExpected(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new LabRun(LabPlan.defaults(), dir, 0, 1, false, new PrintWriter(out, true),
                new PrintWriter(err, true)).run();
        String text = out.toString();
        assertThat(code).as(text + err).isZero();
        assertThat(text).contains("== PASS: 24 ports, 24 as expected, 0 not").doesNotContain("MISMATCH")
                .doesNotContain("problem:");
        // the table: a port with an AP, the port an AP moved away from (secured), the Mist-managed port an
        // unplugged AP left and the moved AP took, and a Mist-managed port never used
        assertThat(text).containsPattern("ex-hq-1 +ge-0/0/1 +junos +ap-04 +ap +ap +ok");
        assertThat(text).containsPattern("ex-hq-1 +ge-0/0/0 +junos +secured +secured +ok");
        assertThat(text).containsPattern("ex-hq-3 +ge-0/0/0 +mist +ap-01 +ap +ap +ok");
        assertThat(text).containsPattern("ex-hq-3 +ge-0/0/7 +mist +secured +secured +ok");
        // the audit outcomes the scenario is there to show
        assertThat(text).containsPattern("changed +\\d+")
                .containsPattern("skipped: AP still on LLDP +1")
                .containsPattern("skipped: site outage +1")
                .containsPattern("duplicate +\\d+")
                .containsPattern("cancelled +\\d+");
        // secrets of the lab never printed unless asked to keep running
        assertThat(text).doesNotContain(java.nio.file.Files.readString(dir.resolve("webhook-secret")));
    }
}
