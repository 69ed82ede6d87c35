package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** What MESA must remember across a controller restart: configuration, dedup ids, port registry, audit. */
class StateSurvivesRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void configurationDedupIdsPortRegistryAndTheAuditRecordSurviveARestart() throws Throwable {
        SignedWebhook hook = new SignedWebhook().event("AP_CONNECTED", "5c5b350e55c8", "ap-lobby", 1_764_000_000L);
        sessions.then(j -> {
            SignedWebhook.configureSecret();
            MesaConfiguration c = MesaConfiguration.get();
            c.setMistOrgId(SignedWebhook.ORG);
            c.setHoldDownSeconds(90);
            c.setSiteRules(java.util.List.of(new SiteRule("HQ")));
            c.setHostKeys(java.util.List.of(new HostKeyPin("ex-lobby.example.net", "SHA256:" + "A".repeat(43))));
            WorkflowJob p = j.createProject(WorkflowJob.class, "mesa");
            p.setDefinition(new CpsFlowDefinition("echo env.MIST_AP_MAC", true));
            p.addTrigger(new MistEventTrigger());
            assertThat(SignedWebhook.json(hook.post(j))
                            .getJSONArray("events")
                            .getJSONObject(0)
                            .getString("status"))
                    .isEqualTo("dispatched");
            j.waitUntilNoActivity();
            WorkflowRun run = p.getLastBuild();
            MesaChangeAction audit = MesaChangeAction.of(run);
            audit.addDecision("mistLookupPort", "found", "ex-lobby ge-0/0/12", Map.of("source", "lldp"));
            audit.addChange(
                    "junos",
                    "ex-lobby ge-0/0/12",
                    "ap",
                    "CHANGED",
                    "[edit interfaces]\n+ ge-0/0/12 {...}",
                    "commit 42",
                    "");
            run.save();
            MesaState.get()
                    .rememberPort(
                            "5c5b350e55c8",
                            new MesaState.PortRecord("ex-lobby", "f01c2d000001", "10.0.0.2", "ge-0/0/12", "ap", 1L));
        });
        sessions.then(j -> {
            MesaConfiguration c = MesaConfiguration.get();
            assertThat(c.getMistOrgId()).isEqualTo(SignedWebhook.ORG);
            assertThat(c.getHoldDownSeconds()).isEqualTo(90);
            assertThat(c.getSiteRules()).extracting(SiteRule::getSite).containsExactly("HQ");
            assertThat(c.hostKeyFor("ex-lobby.example.net")).isEqualTo("SHA256:" + "A".repeat(43));

            JSONObject again = SignedWebhook.json(hook.post(j));
            assertThat(again.getJSONArray("events").getJSONObject(0).getString("status"))
                    .isEqualTo("duplicate");

            assertThat(MesaState.get().portOf("5c5b350e55c8").getPort()).isEqualTo("ge-0/0/12");

            WorkflowRun run =
                    j.jenkins.getItemByFullName("mesa", WorkflowJob.class).getLastBuild();
            MesaChangeAction audit = run.getAction(MesaChangeAction.class);
            assertThat(audit.getOutcome()).isEqualTo("CHANGED");
            assertThat(audit.getApMac()).isEqualTo("5c5b350e55c8");
            assertThat(audit.getDecisions())
                    .extracting(MesaChangeAction.Decision::getVerdict)
                    .containsExactly("found");
            String api = j.getJSON(run.getUrl() + "api/json").getJSONObject().toString();
            assertThat(audit.getChanges()).singleElement().satisfies(change -> {
                assertThat(change.getTarget()).isEqualTo("ex-lobby ge-0/0/12");
                assertThat(change.getCommitRef()).isEqualTo("commit 42");
            });
            assertThat(api)
                    .contains("\"outcome\":\"CHANGED\"")
                    .contains("\"commitRef\":\"commit 42\"")
                    .contains("\"verdict\":\"found\"");
            j.assertLogContains("5c5b350e55c8", run);
        });
    }
}
