package io.jenkins.plugins.mesa.lab.mist;

import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SITE_A;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The knobs tests use to make the cloud misbehave, and the per-route request counter. */
class MistFaultsTest {
    private static final String STATS = "/api/v1/sites/" + SITE_A + "/stats";
    private static final String SITE = "/api/v1/sites/" + SITE_A;

    private MistCloudSimulator mist;
    private MistApi api;

    @BeforeEach
    void start() {
        mist = MistCloudSimulator.start(new LabFixture().world, TOKEN);
        api = new MistApi(mist.baseUri(), TOKEN);
    }

    @AfterEach
    void stop() {
        mist.close();
    }

    @Test
    void rateLimitAnswers429WithMistsBodyTheGivenNumberOfTimes() {
        mist.faults().rateLimit(2);

        MistApi.Answer first = api.get(STATS);
        MistApi.Answer second = api.get(STATS);
        MistApi.Answer third = api.get(STATS);

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.json().path("detail").asText()).isEqualTo("Too Many Request. The API Token used for the"
                + " request reached the 5000 API Calls per hour threshold");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().path("num_ap").asInt()).isEqualTo(3);
    }

    @Test
    void unavailableAnswers503OnlyOnTheChosenRoute() {
        mist.faults().unavailable(1, MistCloudSimulator.SITE_STATS);

        MistApi.Answer other = api.get(SITE);
        MistApi.Answer hit = api.get(STATS);
        MistApi.Answer after = api.get(STATS);

        assertThat(other.status()).isEqualTo(200);
        assertThat(hit.status()).isEqualTo(503);
        assertThat(hit.json().has("detail")).isTrue();
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void faultsQueueUpInTheOrderTheyWereArmed() {
        mist.faults().unavailable(1).rateLimit(1);

        assertThat(api.get(STATS).status()).isEqualTo(503);
        assertThat(api.get(STATS).status()).isEqualTo(429);
        assertThat(api.get(STATS).status()).isEqualTo(200);
    }

    @Test
    void faultsComeAfterAuthenticationLikeMistsPerTokenLimit() {
        mist.faults().rateLimit(1);

        assertThat(api.getWithAuthorization(STATS, "Token wrong").status()).isEqualTo(401);
        assertThat(api.get(STATS).status()).isEqualTo(429);
    }

    @Test
    void aDelayDrivesAClientIntoItsTimeoutUntilReleased() throws Exception {
        mist.faults().delay(Duration.ofSeconds(30));

        assertThatThrownBy(() -> api.getWithTimeout(STATS, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);

        mist.faults().releaseDelayed();
        assertThat(api.getWithTimeout(STATS, Duration.ofSeconds(20)).status()).isEqualTo(200);
    }

    @Test
    void requestsAreCountedPerRouteFaultedOnesIncluded() {
        mist.faults().rateLimit(1);
        api.get(STATS);
        api.get(STATS);
        api.get(SITE);
        api.get("/api/v1/sites/" + SITE_A + "/stats/devices?type=all");
        api.getWithAuthorization(STATS, null);

        assertThat(mist.requestCount(MistCloudSimulator.SITE_STATS)).isEqualTo(2);
        assertThat(mist.requestCount(MistCloudSimulator.SITE)).isEqualTo(1);
        assertThat(mist.requestCount(MistCloudSimulator.DEVICE_STATS_LIST)).isEqualTo(1);
        assertThat(mist.requestCount(MistCloudSimulator.DEVICE_STATS)).isZero();
        assertThat(mist.totalRequests()).isEqualTo(5);
        assertThat(mist.requestCounts()).containsEntry(MistCloudSimulator.SITE_STATS, 2);

        mist.resetCounts();
        assertThat(mist.totalRequests()).isZero();
        assertThat(mist.requestCount(MistCloudSimulator.SITE_STATS)).isZero();
    }

    @Test
    void aListenerHearsEveryAnsweredRequestWithItsStatus() throws Exception {
        BlockingQueue<MistRequest> heard = new LinkedBlockingQueue<>();
        mist.onRequest(heard::add);

        api.get(STATS + "?x=1");
        api.getWithAuthorization(STATS, null);

        MistRequest ok = heard.poll(10, TimeUnit.SECONDS);
        MistRequest denied = heard.poll(10, TimeUnit.SECONDS);
        assertThat(ok).isEqualTo(new MistRequest("GET", STATS, "x=1", 200));
        assertThat(denied).isEqualTo(new MistRequest("GET", STATS, "", 401));
        assertThat(ok.toString()).isEqualTo("GET " + STATS + "?x=1 -> 200");
    }

    @Test
    void resetClearsArmedFaults() {
        mist.faults().unavailable(5);

        mist.faults().reset();

        assertThat(api.get(STATS).status()).isEqualTo(200);
    }
}
