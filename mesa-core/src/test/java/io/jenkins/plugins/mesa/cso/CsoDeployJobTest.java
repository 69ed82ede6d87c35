package io.jenkins.plugins.mesa.cso;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.jenkins.plugins.mesa.cso.CsoPortConfiguratorTest.request;
import static io.jenkins.plugins.mesa.cso.FakeCso.JOB;
import static io.jenkins.plugins.mesa.cso.FakeCso.failedJob;
import static io.jenkins.plugins.mesa.cso.FakeCso.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.SwitchState;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CsoDeployJobTest {
    private final FakeCso cso = new FakeCso().login(FakeCso.TOKEN).inventory().writes();

    @AfterEach
    void stop() {
        cso.close();
    }

    @Test
    void aFailedJobFailsTheChangeWithTheFailedTasks() {
        cso.jobAnswers(job("in-progress", 30), failedJob());

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.FAILED);
        assertThat(result.failedStage()).isEqualTo(Stage.POLL);
        assertThat(result.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(result.remoteRef()).isEqualTo(JOB);
        assertThat(result.message()).isEqualTo("deploy job " + JOB + " failed: failed tasks: Deployment Task/sw1_1");
        assertThat(result.diff()).contains("generic-access -> generic-trunk");
    }

    @Test
    void aJobMessageIsReportedWhenCsoGivesOne() {
        cso.jobAnswers("""
                {"job":{"uuid":"%s","status":"failed","message":"commit failed: port ge-0/0/4 is in use by ae0"}}"""
                .formatted(JOB));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.failedStage()).isEqualTo(Stage.POLL);
        assertThat(result.message()).endsWith("failed: commit failed: port ge-0/0/4 is in use by ae0");
    }

    @Test
    void aJobStillRunningAtTheDeadlineFailsTheChangeWithoutWaitingLonger() {
        cso.jobAnswers(job("in-progress", 10), job("in-progress", 20), job("in-progress", 90));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap")); // 60 s deadline, 25 s polls

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.FAILED);
        assertThat(result.failedStage()).isEqualTo(Stage.POLL);
        assertThat(result.leftIn()).isEqualTo(SwitchState.UNKNOWN);
        assertThat(result.message()).isEqualTo("deploy job " + JOB + " still running after the PT1M deadline: in-progress");
        assertThat(cso.pollWaits).containsExactly(Duration.ofSeconds(25), Duration.ofSeconds(25), Duration.ofSeconds(10));
        assertThat(cso.count("GET", FakeCso.JOB_PATH)).isEqualTo(3);
        assertThat(result.timings().get(4).took()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void startAndPollAreSeparateSoAPollerCanResumeAfterARestart() {
        cso.jobAnswers(job("in-progress", 50), job("success", 100));
        CsoPortConfigurator before = cso.configurator();

        CsoAssignment plan = before.plan(request("sw1.site1", "ge-0/0/4", "ap"));
        String jobId = before.startDeploy(plan);

        assertThat(jobId).isEqualTo(JOB);
        assertThat(plan.summary()).isEqualTo("sw1.site1 ge-0/0/4: port profile generic-access -> generic-trunk,"
                + " LAN segments [corp(10), ap-mgmt(11), guest(12)], native VLAN 11");
        cso.server.verify(1, postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")));
        cso.server.verify(1, postRequestedFor(urlEqualTo("/tssm/deploy-port-config-association")));
        cso.server.verify(0, getRequestedFor(urlEqualTo(FakeCso.JOB_PATH)));

        // A new instance (the controller restarted) polls with nothing but the persisted id.
        CsoPortConfigurator after = cso.configurator();
        JobState running = after.poll(jobId);
        JobState done = after.poll(jobId);

        assertThat(running).isEqualTo(new JobState(JobState.Status.RUNNING, "in-progress"));
        assertThat(running.done()).isFalse();
        assertThat(done.status()).isEqualTo(JobState.Status.SUCCEEDED);
        assertThat(done.done()).isTrue();
        assertThat(cso.pollWaits).isEmpty();
        cso.server.verify(1, postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")));
    }

    @Test
    void pollReportsAFailedJobWithItsMessage() {
        cso.jobAnswers(failedJob());

        JobState state = cso.configurator().poll(JOB);

        assertThat(state).isEqualTo(new JobState(JobState.Status.FAILED, "failed tasks: Deployment Task/sw1_1"));
    }

    @Test
    void aMalformedJobIdIsRefusedWithoutACall() {
        assertThatThrownBy(() -> cso.configurator().poll("../../tssm/port-profile"))
                .isInstanceOfSatisfying(CsoException.class, e -> assertThat(e.reason()).isEqualTo("bad-job-id"));
        assertThat(cso.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aJobAnswerWithoutStateIsATypedError() {
        cso.server.stubFor(get(FakeCso.JOB_PATH).willReturn(okJson("{\"job\":{\"uuid\":\"" + JOB + "\"}}")));

        assertThatThrownBy(() -> cso.configurator().poll(JOB))
                .isInstanceOfSatisfying(CsoException.class, e -> {
                    assertThat(e.reason()).isEqualTo("cso-bad-response");
                    assertThat(e.getMessage()).contains("no state at /job/status");
                });
    }

    @Test
    void theJobPathAndFieldsFollowTheConfiguration() {
        CsoSettings settings = cso.settings()
                .withPaths(CsoPaths.defaults().withJob("/ems-central/job/{jobId}/status"))
                .withJobFields(new CsoJobFields("/output/request/id", "/state", "/detail",
                        Set.of("DONE"), Set.of("FAILED")));
        cso.server.stubFor(post("/tssm/deploy-port-config-association").willReturn(okJson("""
                {"output":{"request":{"id":"job-77"}}}""")));
        cso.server.stubFor(get("/ems-central/job/job-77/status").willReturn(okJson("""
                {"state":"FAILED","detail":"device sw1 unreachable"}""")));

        ChangeResult result = cso.configurator(settings).apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.remoteRef()).isEqualTo("job-77");
        assertThat(result.message()).isEqualTo("deploy job job-77 failed: device sw1 unreachable");
    }
}
