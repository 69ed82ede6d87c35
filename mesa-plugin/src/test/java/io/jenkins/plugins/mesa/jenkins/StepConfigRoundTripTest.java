package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Every step survives the Snippet Generator form: mandatory and optional arguments come back unchanged. */
@WithJenkins
class StepConfigRoundTripTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    private <S extends Step> void roundTrip(S step) throws Exception {
        S after = new StepConfigTester(j).configRoundTrip(step);
        j.assertEqualDataBoundBeans(step, after);
        assertThat(after).isNotSameAs(step);
    }

    @Test
    void mistLookupPort() throws Exception {
        roundTrip(new MistLookupPortStep("5c5b350e55c8", SignedWebhook.SITE));
        MistLookupPortStep s = new MistLookupPortStep("5c5b350e55c8", SignedWebhook.SITE);
        s.setOrgId(SignedWebhook.ORG);
        roundTrip(s);
    }

    @Test
    void mistCheckOutage() throws Exception {
        roundTrip(new MistCheckOutageStep(SignedWebhook.SITE));
    }

    @Test
    void mistValidateLldp() throws Exception {
        MistValidateLldpStep s = new MistValidateLldpStep("f01c2d000001", "ge-0/0/12", "5c5b350e55c8");
        s.setSiteId(SignedWebhook.SITE);
        roundTrip(s);
    }

    @Test
    void junosApplyProfile() throws Exception {
        JunosApplyProfileStep s = new JunosApplyProfileStep("ge-0/0/12", "ap");
        s.setSwitch("ex-lobby");
        s.setDryRun(true);
        s.setConfirmMinutes(3);
        s.setComment("trial");
        roundTrip(s);
    }

    @Test
    void mistApplyPortProfile() throws Exception {
        MistApplyPortProfileStep s = new MistApplyPortProfileStep("f01c2d000001", "ge-0/0/12", "secured");
        s.setDryRun(true);
        roundTrip(s);
    }

    @Test
    void csoDeploy() throws Exception {
        CsoDeployStep s = new CsoDeployStep("ex-branch-12", "ge-0/0/3", "ap");
        s.setPollSeconds(5);
        s.setTimeoutMinutes(15);
        roundTrip(s);
    }

    @Test
    void mistEvent() throws Exception {
        MistEventStep s = new MistEventStep("{\"topic\":\"device-events\",\"events\":[]}");
        s.setSignature("00ff");
        roundTrip(s);
    }
}
