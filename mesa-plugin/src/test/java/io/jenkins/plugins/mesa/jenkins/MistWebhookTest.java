package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Action;
import hudson.model.Queue;
import java.util.List;
import java.util.stream.Collectors;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The webhook endpoint and the trigger, end to end: signed POSTs in, queue items and runs out. */
@WithJenkins
class MistWebhookTest {
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String ECHO_EVENT =
            "echo \"MESA-EVENT ${env.MIST_EVENT_TYPE} ${env.MIST_AP_MAC} ${env.MIST_AP_NAME} ${env.MIST_SITE_NAME} "
                    + "${env.MIST_EVENT_ID} outage=[${env.MIST_OUTAGE_APS}]\"";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        SignedWebhook.configureSecret();
    }

    private WorkflowJob subscribedJob(String name, MistEventTrigger trigger) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(ECHO_EVENT, true));
        p.addTrigger(trigger);
        return p;
    }

    private static List<String> statuses(JSONObject response) {
        JSONArray events = response.getJSONArray("events");
        return events.stream().map(e -> ((JSONObject) e).getString("status")).collect(Collectors.toList());
    }

    @Test
    void aPostWithoutCrumbStartsOneRunPerEventEvenForFiveEventsInOnePost() throws Exception {
        WorkflowJob p = subscribedJob("mesa", new MistEventTrigger());
        SignedWebhook hook = new SignedWebhook();
        for (int i = 0; i < 5; i++) {
            hook.event("AP_CONNECTED", "5c5b350e55c" + i, "ap-lobby-" + i, 1_764_000_000L + i);
        }

        WebResponse rsp = hook.post(j);

        assertThat(rsp.getStatusCode()).isEqualTo(202);
        JSONObject body = SignedWebhook.json(rsp);
        assertThat(statuses(body)).containsOnly("dispatched").hasSize(5);
        j.waitUntilNoActivity();
        assertThat(p.getBuilds()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            String mac = "5c5b350e55c" + i;
            assertThat(p.getBuilds())
                    .as("one run for %s", mac)
                    .filteredOn(b -> b.getCause(MistEventCause.class).getApMac().equals(mac))
                    .hasSize(1);
        }
        WorkflowRun any = p.getLastBuild();
        j.assertLogContains("MESA-EVENT AP_CONNECTED", any);
        j.assertLogContains(" HQ ", any);
    }

    @Test
    void anExactReDeliveryIsFoldedAndStartsNoSecondRun() throws Exception {
        WorkflowJob p = subscribedJob("mesa", new MistEventTrigger());
        SignedWebhook hook = new SignedWebhook().event("AP_CONNECTED", "5c5b350e55c8", "ap-lobby", 1_764_000_000L);

        WebResponse first = hook.post(j);
        WebResponse second = hook.post(j);

        assertThat(statuses(SignedWebhook.json(first))).containsExactly("dispatched");
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(statuses(SignedWebhook.json(second))).containsExactly("duplicate");
        j.waitUntilNoActivity();
        assertThat(p.getBuilds()).hasSize(1);
    }

    @Test
    void aBadSignatureIs401AndQueuesNothing() throws Exception {
        subscribedJob("mesa", new MistEventTrigger());
        String body = new SignedWebhook()
                .event("AP_CONNECTED", "5c5b350e55c8", "ap-lobby", 1_764_000_000L)
                .body();

        WebResponse wrongKey = SignedWebhook.post(j, body, SignedWebhook.sign("not-the-secret", body.getBytes()));
        WebResponse missing = SignedWebhook.post(j, body, null);

        assertThat(wrongKey.getStatusCode()).isEqualTo(401);
        assertThat(missing.getStatusCode()).isEqualTo(401);
        assertThat(SignedWebhook.json(wrongKey).getString("status")).isEqualTo("rejected");
        assertThat(wrongKey.getContentAsString()).doesNotContain("Exception").doesNotContain(SignedWebhook.SECRET);
        assertThat(Queue.getInstance().getItems()).isEmpty();
    }

    @Test
    void withoutAConfiguredSecretEveryWebhookIs403AndAdministratorsAreTold() throws Exception {
        subscribedJob("mesa", new MistEventTrigger());
        MesaConfiguration.get().setWebhookSecretCredentialsId("");
        SignedWebhook hook = new SignedWebhook().event("AP_CONNECTED", "5c5b350e55c8", "ap-lobby", 1_764_000_000L);

        WebResponse rsp = hook.post(j);

        assertThat(rsp.getStatusCode()).isEqualTo(403);
        assertThat(SignedWebhook.json(rsp).getString("reason")).isEqualTo("no-webhook-secret");
        assertThat(Queue.getInstance().getItems()).isEmpty();
        assertThat(j.jenkins
                        .getAdministrativeMonitor(WebhookSecretMonitor.class.getName())
                        .isActivated())
                .isTrue();
    }

    @Test
    void anOversizedBodyIs413AndMalformedJsonIs400() throws Exception {
        subscribedJob("mesa", new MistEventTrigger());
        MesaConfiguration.get().setMaxWebhookKilobytes(1);
        String big = "{\"topic\":\"device-events\",\"events\":[],\"pad\":\"" + "x".repeat(2048) + "\"}";
        String broken = "{\"topic\":\"device-events\",\"events\":[";

        WebResponse tooLarge = SignedWebhook.post(j, big, SignedWebhook.sign(SignedWebhook.SECRET, big.getBytes()));
        WebResponse malformed =
                SignedWebhook.post(j, broken, SignedWebhook.sign(SignedWebhook.SECRET, broken.getBytes()));

        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(malformed.getContentAsString()).doesNotContain("at io.jenkins");
        assertThat(Queue.getInstance().getItems()).isEmpty();
    }

    @Test
    void filtersSelectWhichJobsRunAndTheResponseNamesNoJob() throws Exception {
        MistEventTrigger connectsAtHq = new MistEventTrigger();
        connectsAtHq.setEventTypes("AP_CONNECTED");
        connectsAtHq.setSites("HQ");
        WorkflowJob hq = subscribedJob("hq-connects", connectsAtHq);
        MistEventTrigger lobbyAps = new MistEventTrigger();
        lobbyAps.setApNamePattern("ap-lobby-.*");
        WorkflowJob lobby = subscribedJob("lobby-aps", lobbyAps);
        SignedWebhook hook = new SignedWebhook()
                .event("AP_CONNECTED", "5c5b350e55c1", "ap-lobby-1", 1_764_000_001L)
                .event("AP_CONNECTED", "5c5b350e55c2", "ap-kitchen", "site-2", "Branch 12", 1_764_000_002L)
                .event("AP_RESTARTED", "5c5b350e55c3", "ap-office", 1_764_000_003L)
                .event("SW_PORT_DOWN", "5c5b350e55c4", "ex-core", 1_764_000_004L);

        WebResponse rsp = hook.post(j);

        JSONObject body = SignedWebhook.json(rsp);
        assertThat(body.getJSONArray("ignored").size()).isEqualTo(1);
        assertThat(rsp.getContentAsString()).doesNotContain("hq-connects").doesNotContain("lobby-aps");
        j.waitUntilNoActivity();
        assertThat(hq.getBuilds())
                .extracting(b -> b.getCause(MistEventCause.class).getApMac())
                .containsExactly("5c5b350e55c1");
        assertThat(lobby.getBuilds())
                .extracting(b -> b.getCause(MistEventCause.class).getApMac())
                .containsExactly("5c5b350e55c1");
    }

    @Test
    void aConnectInsideTheHoldDownCancelsTheWaitingDisconnect() throws Exception {
        MesaConfiguration.get().setHoldDownSeconds(3600);
        WorkflowJob p = subscribedJob("mesa", new MistEventTrigger());

        JSONObject down = SignedWebhook.json(new SignedWebhook()
                .event("AP_DISCONNECTED", "5c5b350e55c8", "ap-lobby", 1_764_000_000L)
                .post(j));
        long waitingId = down.getJSONArray("events")
                .getJSONObject(0)
                .getJSONArray("runs")
                .getJSONObject(0)
                .getLong("queueId");
        assertThat(Queue.getInstance().getItem(waitingId)).isInstanceOf(Queue.WaitingItem.class);

        JSONObject up = SignedWebhook.json(new SignedWebhook()
                .event("AP_CONNECTED", "5c5b350e55c8", "ap-lobby", 1_764_000_030L)
                .post(j));

        JSONObject run =
                up.getJSONArray("events").getJSONObject(0).getJSONArray("runs").getJSONObject(0);
        assertThat(run.getString("status")).isEqualTo("scheduled");
        JSONArray cancelled = run.getJSONArray("cancelledQueueIds");
        assertThat(cancelled.size()).isEqualTo(1);
        assertThat(cancelled.getLong(0)).isEqualTo(waitingId);
        j.waitUntilNoActivity();
        assertThat(p.getBuilds()).hasSize(1);
        MistEventCause cause = p.getLastBuild().getCause(MistEventCause.class);
        assertThat(cause.getType()).isEqualTo("AP_CONNECTED");
        assertThat(cause.getCancelledQueueIds()).containsExactly(waitingId);
    }

    @Test
    void aSiteOutageReplacesTheWaitingDisconnectsByOneRunListingTheAps() throws Exception {
        MesaConfiguration.get().setHoldDownSeconds(3600);
        MesaConfiguration.get().setOutageThresholdCount(3);
        WorkflowJob p = subscribedJob("mesa", new MistEventTrigger());
        SignedWebhook burst = new SignedWebhook();
        for (int i = 1; i <= 5; i++) {
            burst.event("AP_DISCONNECTED", "5c5b350e55c" + i, "ap-" + i, 1_764_000_000L + i);
        }

        JSONObject body = SignedWebhook.json(burst.post(j));

        assertThat(statuses(body))
                .containsExactly("dispatched", "dispatched", "site-outage", "site-outage", "site-outage");
        List<Queue.Item> queued = Queue.getInstance().getItems(p);
        assertThat(queued).hasSize(1);
        MistEventAction key = queued.get(0).getAction(MistEventAction.class);
        assertThat(key.getType()).isEqualTo(MistEventCause.SITE_OUTAGE);
        // Release the outage run now instead of after the hold-down: re-scheduling the same key shortens its wait.
        Queue.getInstance()
                .schedule2(
                        p,
                        0,
                        List.<Action>of(new MistEventAction(key.getEventId(), key.getType(), "", key.getSiteId())));
        j.waitUntilNoActivity();
        assertThat(p.getBuilds()).hasSize(1);
        WorkflowRun run = p.getLastBuild();
        MistEventCause cause = run.getCause(MistEventCause.class);
        assertThat(cause.getType()).isEqualTo(MistEventCause.SITE_OUTAGE);
        assertThat(cause.getCoalescedAps())
                .containsExactly("5c5b350e55c1", "5c5b350e55c2", "5c5b350e55c3", "5c5b350e55c4", "5c5b350e55c5");
        assertThat(cause.getCancelledQueueIds()).hasSize(2);
        j.assertLogContains("outage=[5c5b350e55c1,5c5b350e55c2,5c5b350e55c3,5c5b350e55c4,5c5b350e55c5]", run);
    }

    @Test
    void aJobThatOptsOutOfCoalescingGetsOneRunPerDisconnect() throws Exception {
        MesaConfiguration.get().setHoldDownSeconds(0);
        MesaConfiguration.get().setOutageThresholdCount(2);
        MistEventTrigger everyDisconnect = new MistEventTrigger();
        everyDisconnect.setCoalesceOutages(false);
        WorkflowJob p = subscribedJob("mesa", everyDisconnect);
        SignedWebhook burst = new SignedWebhook();
        for (int i = 1; i <= 3; i++) {
            burst.event("AP_DISCONNECTED", "5c5b350e55c" + i, "ap-" + i, 1_764_000_000L + i);
        }

        burst.post(j);

        j.waitUntilNoActivity();
        assertThat(p.getBuilds())
                .hasSize(3)
                .allSatisfy(b ->
                        assertThat(b.getCause(MistEventCause.class).getType()).isEqualTo("AP_DISCONNECTED"));
    }

    @Test
    void anEventNoJobSubscribesToIsReportedAsSuch() throws Exception {
        JSONObject body = SignedWebhook.json(new SignedWebhook()
                .event("AP_CONNECTED", "5c5b350e55c8", "ap-lobby", 1_764_000_000L)
                .post(j));

        assertThat(statuses(body)).containsExactly("no-subscribed-job");
    }

    @Test
    void theCauseIsExportedInTheRestApi() throws Exception {
        WorkflowJob p = subscribedJob("mesa", new MistEventTrigger());
        new SignedWebhook()
                .event("AP_CONNECTED", "5c5b350e55c8", "ap-lobby", 1_764_000_000L)
                .post(j);
        j.waitUntilNoActivity();

        JSONObject api = j.getJSON(
                        p.getLastBuild().getUrl() + "api/json?tree=actions[causes[apMac,type,siteName,eventTime]]")
                .getJSONObject();

        assertThat(api.toString())
                .contains("\"apMac\":\"5c5b350e55c8\"")
                .contains("\"type\":\"AP_CONNECTED\"")
                .contains("\"eventTime\":\"2025-11-24T");
    }
}
