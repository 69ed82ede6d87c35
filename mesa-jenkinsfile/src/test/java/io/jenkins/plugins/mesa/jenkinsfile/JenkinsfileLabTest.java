package io.jenkins.plugins.mesa.jenkinsfile;

import static io.jenkins.plugins.mesa.runtime.Lab.SITE;
import static io.jenkins.plugins.mesa.runtime.Lab.SW1_MAC;
import static io.jenkins.plugins.mesa.runtime.Lab.SW2_MAC;
import static io.jenkins.plugins.mesa.runtime.Lab.SWM_MAC;
import static io.jenkins.plugins.mesa.runtime.Lab.ap;
import static io.jenkins.plugins.mesa.runtime.Lab.hasApProfile;
import static io.jenkins.plugins.mesa.runtime.Lab.isSecured;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.runtime.Lab;
import io.jenkins.plugins.mesa.runtime.MesaRuntime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The root Jenkinsfile, run under JenkinsPipelineUnit with every MESA step bound to a real
 * {@link io.jenkins.plugins.mesa.runtime.CoreSteps} against the lab: the simulated Mist cloud, two
 * simulated EX switches over NETCONF ({@code sw-1}, {@code sw-2}) and one Mist-managed switch ({@code sw-m}).
 * Site HQ has four APs, all online: AP 1 on sw-1 ge-0/0/1, AP 2 on sw-1 ge-0/0/2, AP 3 on sw-2 ge-0/0/3,
 * AP 4 on sw-m ge-0/0/4. Each scenario asserts on the switches, the build result and the Slack message.
 */
class JenkinsfileLabTest {
    private final Lab lab = new Lab(4);
    private final MesaRuntime runtime = lab.runtime(null);
    private int runs;

    JenkinsfileLabTest() {
        lab.plug(ap(1), SW1_MAC, "ge-0/0/1");
        lab.plug(ap(2), SW1_MAC, "ge-0/0/2");
        lab.plug(ap(3), SW2_MAC, "ge-0/0/3");
        lab.plug(ap(4), SWM_MAC, "ge-0/0/4");
    }

    @AfterEach
    void closeLab() {
        runtime.close();
        lab.close();
    }

    private JenkinsfileRun run(String type, int apNumber, Map<String, String> more) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "MIST_EVENT_ID", "ev-" + (++runs),
                "MIST_EVENT_TYPE", type,
                "MIST_AP_MAC", ap(apNumber),
                "MIST_AP_NAME", Lab.apName(apNumber),
                "MIST_SITE_ID", SITE,
                "MIST_SITE_NAME", Lab.SITE_NAME));
        env.putAll(more);
        return new JenkinsfileRun(runtime.steps(), env).run();
    }

    private JenkinsfileRun run(String type, int apNumber) throws Exception {
        return run(type, apNumber, Map.of());
    }

    private static String slack(JenkinsfileRun r) {
        assertThat(r.slackMessages()).hasSize(1);
        return String.valueOf(r.slackMessages().get(0).get("message"));
    }

    @Test
    void plugInGivesThePortTheApProfile() throws Exception {
        JenkinsfileRun r = run("AP_CONNECTED", 1);

        assertThat(r.result()).isEqualTo("SUCCESS");
        assertThat(hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(isSecured(lab.sw1, "ge-0/0/2")).isTrue();
        assertThat(r.description()).isEqualTo("sw-1 ge-0/0/1: ap — CHANGED");
        assertThat(slack(r)).contains("MESA AP_CONNECTED for AP ap-01 at HQ: SUCCESS", "sw-1 ge-0/0/1: ap — CHANGED");
        assertThat(r.slackMessages().get(0).get("color")).isEqualTo("good");
    }

    @Test
    void plugInOnAMistManagedSwitchGoesThroughTheMistApi() throws Exception {
        JenkinsfileRun r = run("AP_CONNECTED", 4);

        assertThat(r.result()).isEqualTo("SUCCESS");
        assertThat(lab.world.portUsage(SWM_MAC, "ge-0/0/4")).isEqualTo("ap");
        assertThat(lab.sw1.commits()).isEmpty();
        assertThat(slack(r)).contains("sw-m ge-0/0/4: ap — CHANGED");
    }

    @Test
    void unplugAtAQuietSiteSecuresThePort() throws Exception {
        run("AP_CONNECTED", 1);
        lab.unplug(ap(1));

        JenkinsfileRun r = run("AP_DISCONNECTED", 1);

        assertThat(r.result()).isEqualTo("SUCCESS");
        assertThat(isSecured(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(slack(r)).contains("AP_DISCONNECTED for AP ap-01 at HQ: SUCCESS", "sw-1 ge-0/0/1: secured — CHANGED");
    }

    @Test
    void aCoalescedOutageRunChangesNothing() throws Exception {
        run("AP_CONNECTED", 1);
        List<String> before = lab.sw1.runningConfig();

        JenkinsfileRun r = run("AP_DISCONNECTED", 1, Map.of("MIST_OUTAGE_APS", ap(1) + "," + ap(2) + "," + ap(3)));

        assertThat(r.result()).isEqualTo("NOT_BUILT");
        assertThat(r.description()).isEqualTo("site outage at HQ: 3 APs disconnected together, no port changed");
        assertThat(lab.sw1.runningConfig()).isEqualTo(before);
        assertThat(slack(r)).contains("NOT_BUILT", "site outage at HQ");
    }

    @Test
    void unplugDuringASiteOutageChangesNothing() throws Exception {
        run("AP_CONNECTED", 1);
        List<String> before = lab.sw1.runningConfig();
        lab.world.siteOutage(SITE);

        JenkinsfileRun r = run("AP_DISCONNECTED", 1);

        assertThat(r.result()).isEqualTo("NOT_BUILT");
        assertThat(r.description()).isEqualTo("site outage at HQ: 4 of 4 APs disconnected, no change");
        assertThat(lab.sw1.runningConfig()).isEqualTo(before);
        assertThat(r.slackMessages().get(0).get("color")).isEqualTo("warning");
    }

    @Test
    void anApStillOnLldpIsLeftAlone() throws Exception {
        run("AP_CONNECTED", 1);
        lab.world.apLosesCloud(ap(1));

        JenkinsfileRun r = run("AP_DISCONNECTED", 1);

        assertThat(r.result()).isEqualTo("NOT_BUILT");
        assertThat(r.description()).contains("AP ap-01 is still on sw-1 ge-0/0/1 per LLDP (mist-port-stats)");
        assertThat(hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(slack(r)).contains("NOT_BUILT", "lost the cloud, not unplugged");
    }

    @Test
    void anApThatMovedGetsItsNewPortAndItsOldPortIsSecured() throws Exception {
        run("AP_CONNECTED", 1);
        lab.move(ap(1), SW2_MAC, "ge-0/0/7");

        JenkinsfileRun r = run("AP_RESTARTED", 1);

        assertThat(r.result()).isEqualTo("SUCCESS");
        assertThat(isSecured(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(hasApProfile(lab.sw2, "ge-0/0/7")).isTrue();
        assertThat(r.description()).isEqualTo("sw-1 ge-0/0/1: secured — CHANGED\nsw-2 ge-0/0/7: ap — CHANGED");
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        List<String> before = lab.sw1.runningConfig();

        JenkinsfileRun r = run("AP_CONNECTED", 1, Map.of("MESA_DRY_RUN", "true"));

        assertThat(r.result()).isEqualTo("SUCCESS");
        assertThat(r.description()).isEqualTo("sw-1 ge-0/0/1: ap — DRY_RUN");
        assertThat(lab.sw1.runningConfig()).isEqualTo(before);
        assertThat(lab.sw1.commits()).isEmpty();
    }

    @Test
    void aFailingSwitchFailsTheRunNamingTheStage() throws Exception {
        lab.sw1.faults().commitCheckError("interface ge-0/0/1 is not licensed");

        JenkinsfileRun r = run("AP_CONNECTED", 1);

        assertThat(r.result()).isEqualTo("FAILURE");
        assertThat(r.description()).startsWith("junosApplyProfile failed at stage CHECK; switch left in BEFORE");
        assertThat(isSecured(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(slack(r)).contains("FAILURE", "junosApplyProfile failed at stage CHECK");
        assertThat(r.slackMessages().get(0).get("color")).isEqualTo("danger");
    }

    @Test
    void noSecretReachesTheBuildOrSlack() throws Exception {
        JenkinsfileRun r = run("AP_CONNECTED", 1);

        String everything = r.description() + r.slackMessages() + r.failure();
        assertThat(everything).doesNotContain("lab-mist-token", "lab-webhook-secret", "lab-switch-pw");
    }
}
