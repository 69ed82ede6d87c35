package io.jenkins.plugins.mesa.cso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.jenkins.plugins.mesa.cso.CsoPortConfiguratorTest.request;
import static io.jenkins.plugins.mesa.cso.FakeCso.PASSWORD;
import static io.jenkins.plugins.mesa.cso.FakeCso.TOKEN;
import static io.jenkins.plugins.mesa.cso.FakeCso.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.mesa.change.ChangeResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CsoSecretsTest {
    private final FakeCso cso = new FakeCso().inventory().writes();

    @AfterEach
    void stop() {
        cso.close();
    }

    @Test
    void neitherThePasswordNorTheTokenAppearInLogsResultsOrErrors() {
        List<String> seen = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs()) {
            // A successful change and a failed job.
            cso.login(TOKEN).jobAnswers(job("success", 100));
            CsoPortConfigurator configurator = cso.configurator();
            seen.add(configurator.apply(request("sw1", "ge-0/0/4", "ap")).toString());
            seen.add(configurator.apply(request("sw1", "ge-0/0/4", "ap").asDryRun()).toString());
            cso.jobAnswers(FakeCso.failedJob());
            seen.add(configurator.apply(request("sw1", "ge-0/0/4", "ap")).toString());

            // CSO echoing the request (password included) in an error body.
            cso.server.stubFor(post("/tssm/apply-port-config-association").willReturn(aResponse().withStatus(422)
                    .withBody("{\"error\":\"bad input\",\"echo\":{\"password\":\"" + PASSWORD + "\"}}")));
            ChangeResult echoed = configurator.apply(request("sw1", "ge-0/0/4", "ap"));
            assertThat(echoed.message()).contains("HTTP 422", "****");
            seen.add(echoed.toString());

            // Token refused twice, then credentials refused.
            cso.server.stubFor(get("/data-view-central/device").willReturn(aResponse().withStatus(401)));
            seen.add(configurator.apply(request("sw1", "ge-0/0/4", "ap")).toString());
            seen.add(catchThrowable(() -> configurator.poll("x")).getMessage());
            cso.server.stubFor(post("/v3/auth/tokens").willReturn(aResponse().withStatus(401)
                    .withBody("{\"error\":{\"message\":\"Invalid password " + PASSWORD + "\"}}")));
            CsoPortConfigurator fresh = cso.configurator();
            seen.add(fresh.apply(request("sw1", "ge-0/0/4", "ap")).toString());
            Throwable refused = catchThrowable(() -> fresh.plan(request("sw1", "ge-0/0/4", "ap")));
            assertThat(refused).isInstanceOf(CsoException.class);
            seen.add(refused.getMessage());
            seen.add(cso.settings().toString());
            seen.add(logs.text());
        }

        assertThat(seen.get(seen.size() - 1)).contains("CSO login as user 'mesa-svc'", "refused");
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD).doesNotContain(TOKEN));
    }
}
