package io.jenkins.plugins.mesa.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What the steps do before they reach mesa-core: they run outside {@code node}, in the sandbox, and a step's
 * {@code credentialsId} is resolved in the run's context; a wrong one fails the step with a one-line reason.
 */
@WithJenkins
class StepsWithoutFacadeTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.buildAndAssertStatus(expected, p);
    }

    @Test
    void anUnknownCredentialsIdFailsTheStepNamingTheId() throws Exception {
        WorkflowRun b = run("mistCheckOutage(siteId: 'site-1', credentialsId: 'no-such-token')", Result.FAILURE);

        j.assertLogContains("mistCheckOutage: could not find credentials entry with ID 'no-such-token'", b);
        j.assertLogNotContains("Required context", b);
    }

    @Test
    void aCredentialOfTheWrongKindFailsTheStep() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, "cso-login", "", "mesa", "cso-password-for-tests"));

        WorkflowRun b = run(
                "mistLookupPort(mac: '5c5b350e55c8', siteId: 'site-1', credentialsId: 'cso-login')", Result.FAILURE);

        j.assertLogContains("credential 'cso-login' is not a Secret text credential (Mist API token)", b);
        j.assertLogNotContains("cso-password-for-tests", b);
    }
}
