package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.jenkins.plugins.mesa.lab.mist.ApSpec;
import io.jenkins.plugins.mesa.lab.mist.MistCloudSimulator;
import io.jenkins.plugins.mesa.lab.mist.MistWorld;
import io.jenkins.plugins.mesa.lab.mist.SwitchSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The steps in sandboxed Pipelines against the mesa-lab Mist cloud simulator on 127.0.0.1 (a Mist-managed
 * switch, so no NETCONF peer is needed), and the repository's reference Jenkinsfile end to end from a signed
 * webhook. Runs once {@link CoreFacade} builds the real mesa-core facade.
 */
@WithJenkins
@EnabledIf("io.jenkins.plugins.mesa.jenkins.FacadeWired#facadeWired")
class StepsAgainstLabTest {
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String TOKEN = "mist-token-for-tests";
    private static final String SWITCH_MAC = "f01c2d000001";
    private static final String AP_MAC = "5c5b350e55c8";

    private JenkinsRule j;
    private MistWorld world;
    private MistCloudSimulator mist;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        world = new MistWorld()
                .addSite(SignedWebhook.ORG, SignedWebhook.SITE, "HQ")
                .addSwitch(SwitchSpec.of(SignedWebhook.SITE, SWITCH_MAC, "ex-lobby", "127.0.0.1", 8)
                        .withManaged(true))
                .addAp(ApSpec.of(SignedWebhook.SITE, AP_MAC, "ap-lobby"));
        world.configurePortUsage(SWITCH_MAC, "ge-0/0/3", "secured");
        world.plugAp(AP_MAC, SWITCH_MAC, "ge-0/0/3");
        mist = MistCloudSimulator.start(world, TOKEN);
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "mist-token", "", hudson.util.Secret.fromString(TOKEN)));
        SignedWebhook.configureSecret();
        MesaConfiguration c = MesaConfiguration.get();
        c.setMistCloud(mist.baseUri().toString());
        c.setMistOrgId(SignedWebhook.ORG);
        c.setMistTokenCredentialsId("mist-token");
        c.setDefaultBackend(ChangeBackend.MIST);
    }

    @AfterEach
    void tearDown() {
        mist.close();
    }

    @Test
    void lookupGuardsAndChangeInTheSandboxWithoutANode() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "steps");
        p.setDefinition(new CpsFlowDefinition(
                "def where = mistLookupPort(mac: '" + AP_MAC + "', siteId: '" + SignedWebhook.SITE + "')\n"
                        + "echo \"WHERE ${where.switchName} ${where.port} managed=${where.mistManaged}\"\n"
                        + "def lldp = mistValidateLldp(switchMac: where.switchMac, port: where.port, apMac: '"
                        + AP_MAC + "', siteId: '" + SignedWebhook.SITE + "')\n"
                        + "echo \"PRESENT ${lldp.apPresent}\"\n"
                        + "def outage = mistCheckOutage(siteId: '" + SignedWebhook.SITE + "')\n"
                        + "echo \"OUTAGE ${outage.outage}\"\n"
                        + "def r = mistApplyPortProfile(switchMac: where.switchMac, port: where.port, profile: 'ap')\n"
                        + "echo \"OUTCOME ${r.outcome}\"\n",
                true));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("WHERE ex-lobby ge-0/0/3 managed=true", b);
        j.assertLogContains("PRESENT true", b);
        j.assertLogContains("OUTAGE false", b);
        j.assertLogContains("OUTCOME CHANGED", b);
        j.assertLogNotContains(TOKEN, b);
        assertThat(world.portUsage(SWITCH_MAC, "ge-0/0/3")).isEqualTo("ap");
        MesaChangeAction audit = b.getAction(MesaChangeAction.class);
        assertThat(audit.getOutcome()).isEqualTo("CHANGED");
        assertThat(audit.getDecisions())
                .extracting(MesaChangeAction.Decision::getStep)
                .containsExactly("mistLookupPort", "mistValidateLldp", "mistCheckOutage", "mistApplyPortProfile");
    }

    @Test
    void mistEventVerifiesAndParsesARawBody() throws Exception {
        SignedWebhook hook = new SignedWebhook().event("AP_DISCONNECTED", AP_MAC, "ap-lobby", 1_764_000_000L);
        String body = hook.body();
        String signature = SignedWebhook.sign(SignedWebhook.SECRET, body.getBytes(StandardCharsets.UTF_8));
        WorkflowJob p = j.createProject(WorkflowJob.class, "gwt-style");
        p.setDefinition(new CpsFlowDefinition(
                "def e = mistEvent(payload: '" + body + "', signature: '" + signature + "')\n"
                        + "echo \"EVENT ${e.events[0].type} ${e.events[0].apMac} ${e.events[0].siteName}\"\n"
                        + "mistEvent(payload: '" + body + "', signature: '00" + signature.substring(2) + "')\n",
                true));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("EVENT AP_DISCONNECTED " + AP_MAC + " HQ", b);
        j.assertLogContains("mistEvent failed", b);
        j.assertLogNotContains(SignedWebhook.SECRET, b);
        assertThat(b.getAction(MesaChangeAction.class).getApMac()).isEqualTo(AP_MAC);
    }

    @Test
    void theReferenceJenkinsfileRunsGreenOnAWebhook() throws Exception {
        String jenkinsfile = Files.readString(Path.of("..", "Jenkinsfile"));
        WorkflowJob p = j.createProject(WorkflowJob.class, "mesa");
        p.setDefinition(new CpsFlowDefinition(jenkinsfile, true));
        j.buildAndAssertStatus(Result.FAILURE, p); // the first, event-less run registers the mistEvents trigger
        world.unplugAp(AP_MAC);
        world.plugAp(AP_MAC, SWITCH_MAC, "ge-0/0/3");

        new SignedWebhook()
                .event("AP_CONNECTED", AP_MAC, "ap-lobby", 1_764_000_100L)
                .post(j);
        j.waitUntilNoActivity();

        WorkflowRun b = p.getLastBuild();
        assertThat(b.getNumber()).isEqualTo(2);
        j.assertBuildStatusSuccess(b);
        assertThat(world.portUsage(SWITCH_MAC, "ge-0/0/3")).isEqualTo("ap");
        assertThat(b.getAction(MesaChangeAction.class).getOutcome()).isIn("CHANGED", "UNCHANGED");
    }
}
