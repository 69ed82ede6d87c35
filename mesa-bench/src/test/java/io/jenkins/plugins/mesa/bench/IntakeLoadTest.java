package io.jenkins.plugins.mesa.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator and its stand-in receiver, over real HTTP on 127.0.0.1. */
class IntakeLoadTest {
    private static final Secret SECRET = Secret.of("load-test-secret-c41d");

    private StandInReceiver receiver;
    private URI url;

    @BeforeEach
    void start() {
        receiver = StandInReceiver.start(WebhookSettings.of(SECRET), 0);
        url = URI.create("http://127.0.0.1:" + receiver.port() + StandInReceiver.PATH);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** A run of known size (requests per connection), so nothing depends on how fast this machine is. */
    private IntakeLoad.Options options(int connections, int requestsEach, int eventsPerBody) {
        return new IntakeLoad.Options(url, ProcessHandle.current().pid(), connections, Duration.ZERO, Duration.ZERO,
                requestsEach, eventsPerBody, 0, "stand-in receiver", null);
    }

    @Test
    void signedBodiesAreAcceptedAndCountedWithLatencyAndProcessFigures() throws Exception {
        IntakeLoad.Result r = new IntakeLoad(options(2, 40, 5), SECRET).run();

        assertThat(r.requests()).isEqualTo(80);
        assertThat(r.acceptedEvents()).isEqualTo(400);
        assertThat(r.refusedByStatus()).isEmpty();
        assertThat(r.errors()).isZero();
        assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.requests());
        assertThat(r.p(99)).isGreaterThanOrEqualTo(r.p(50)).isPositive();
        assertThat(r.atStart().threads()).isPositive();
        assertThat(r.atEnd().rssKiB()).isPositive();
        assertThat(IntakeLoad.report(r)).contains("stand-in receiver: 2 connections, 5 event(s)/body")
                .contains("refused {}, transport errors 0");
        assertThat(IntakeLoad.markdownRow(r)).startsWith("| stand-in receiver | 2 | 5 |");
    }

    @Test
    void aReceiverWithAnotherSecretRefusesEverythingAndTheReportSaysSo() throws Exception {
        IntakeLoad.Result r = new IntakeLoad(options(1, 10, 1), Secret.of("not-the-receivers-secret")).run();

        assertThat(r.acceptedEvents()).isZero();
        assertThat(r.refusedByStatus()).containsExactly(org.assertj.core.api.Assertions.entry(401, 10L));
        assertThat(IntakeLoad.report(r)).contains("refused {401=").doesNotContain("not-the-receivers-secret")
                .doesNotContain(SECRET.reveal());
    }

    @Test
    void everyEventOfEveryBodyHasItsOwnEventId() {
        DeviceEventBodies bodies = new DeviceEventBodies(SECRET, 50, 0);
        WebhookIntake intake = new WebhookIntake(WebhookSettings.of(SECRET));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SignedBody b = bodies.next();
            WebhookBatch batch = intake.accept(b.body(), b.headers());
            assertThat(batch.events()).hasSize(50);
            assertThat(batch.ignored()).isEmpty();
            batch.events().forEach(e -> ids.add(e.eventId()));
        }
        assertThat(ids).hasSize(150).doesNotHaveDuplicates();
    }

    @Test
    void bothKindsOfEventAlternate() {
        SignedBody b = new DeviceEventBodies(SECRET, 4, 0).next();
        WebhookBatch batch = new WebhookIntake(WebhookSettings.of(SECRET)).accept(b.body(), b.headers());
        assertThat(batch.events()).extracting(ApEvent::kind).containsExactly(ApEvent.Kind.DISCONNECTED,
                ApEvent.Kind.CONNECTED, ApEvent.Kind.DISCONNECTED, ApEvent.Kind.CONNECTED);
    }

    @Test
    void optionsAreCheckedAndTheSecretIsNotOneOfThem() {
        IntakeLoad.Options o = IntakeLoad.Options.parse(new String[] {"--url", "http://127.0.0.1:1/x", "--connections",
            "64", "--duration", "20", "--pid", "42", "--label", "mesa serve"});
        assertThat(o.connections()).isEqualTo(64);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.pid()).isEqualTo(42);
        assertThat(o.requestsPerConnection()).isZero();
        assertThatThrownBy(() -> IntakeLoad.Options.parse(new String[] {"--url", "http://x", "--secret", "s"}))
                .hasMessageContaining("unknown options [secret]");
        assertThatThrownBy(() -> IntakeLoad.Options.parse(new String[] {"--connections", "4"}))
                .hasMessageContaining("--url is required");
    }

    @Test
    void processFiguresComeFromProcStatus() {
        ProcessSample s = ProcessSample.parse("Name:\tjava\nVmPeak:\t 9 kB\nVmRSS:\t  204800 kB\nThreads:\t31\n");
        assertThat(s).isEqualTo(new ProcessSample(204800, 31));
        assertThat(s.describe()).isEqualTo("200.0 MiB, 31 threads");
        assertThat(ProcessSample.of(ProcessHandle.current().pid()).threads()).isPositive();
        assertThatThrownBy(() -> ProcessSample.of(Long.MAX_VALUE)).hasMessageContaining("process gone");
    }
}
