package io.jenkins.plugins.mesa.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.cli.lab.LabPlan;
import io.jenkins.plugins.mesa.cli.lab.LabWorld;
import io.jenkins.plugins.mesa.cli.store.SqliteStore;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.StoreConfig;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.SimFaults;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import io.jenkins.plugins.mesa.lab.mist.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesa serve} over real HTTP, with the lab's simulated Mist cloud and a simulated EX switch on 127.0.0.1. */
class ServeEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LabWorld lab;
    private MesaConfig config;
    private MistWebhookSender sender;
    private LabPlan.Switch sw;
    private LabPlan.Ap ap;
    private JunosSimulator junos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void world() {
        lab = LabWorld.start(new LabPlan(1, 1, 3), dir);
        config = MesaConfig.load(lab.configFile());
        sender = new MistWebhookSender(lab.webhookSecret(), Duration.ofSeconds(10));
        sw = lab.plan().switchList().get(0);
        ap = lab.plan().apList().get(0);
        junos = lab.junosSwitches().get(sw.name());
        lab.world().plugAp(ap.mac(), sw.mac(), "ge-0/0/5");
    }

    @AfterEach
    void down() {
        lab.close();
    }

    /** Mist (the simulator) knows the AP's port at once: no lookup delay. */
    private static ServeEngine.Options opts() {
        return ServeEngine.Options.defaults().withLookupDelay(Duration.ZERO);
    }

    private String db() {
        return "jdbc:sqlite:" + dir.resolve("serve.db");
    }

    private byte[] connected() {
        return sender.body(List.of(lab.world().apEvent("AP_CONNECTED", ap.mac())));
    }

    private boolean trunk(String port) {
        return junos.runningConfig()
                .contains("set interfaces " + port + " unit 0 family ethernet-switching interface-mode trunk");
    }

    private static long queueDepth(String db) {
        try (SqliteStore store = new SqliteStore(db)) {
            return store.queue().depth();
        }
    }

    @Test
    void aSignedPostIsStoredThenHandled() throws Exception {
        Records records = new Records();
        try (ServeEngine engine = ServeEngine.start(config, db(),
                opts().withWorkerPaused(true).withAcceptWait(Duration.ZERO).withRecords(records))) {
            WebhookDelivery d = sender.sendBody(engine.webhookUri(), connected());
            assertThat(d.status()).isEqualTo(202);
            JsonNode answer = JSON.readTree(d.body());
            assertThat(answer.path("status").asText()).isEqualTo("accepted");
            assertThat(answer.path("events").get(0).path("ap").asText()).isEqualTo(ap.mac());
            assertThat(engine.store().queue().depth()).isEqualTo(1);
            assertThat(trunk("ge-0/0/5")).isFalse();

            engine.resumeWorker();
            AuditRecord r = records.await(x -> x.event().apMac().equals(ap.mac()) && x.outcome() == Outcome.CHANGED, WAIT);
            assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.port()).isEqualTo("ge-0/0/5"));
            assertThat(trunk("ge-0/0/5")).isTrue();
            assertThat(engine.store().queue().depth()).isZero();
        }
    }

    @Test
    void theAnswerReportsEachEventsOutcomeOnceTheWorkerTookItIn() throws Exception {
        try (ServeEngine engine = ServeEngine.start(config, db(), opts()
                .withAcceptWait(WAIT))) {
            byte[] body = connected();
            JsonNode first = JSON.readTree(sender.sendBody(engine.webhookUri(), body).body());
            assertThat(first.path("events").get(0).path("outcome").asText()).isEqualTo("queued");
            assertThat(first.path("events").get(0).path("dueAt").asText()).isNotEmpty();
            JsonNode again = JSON.readTree(sender.sendBody(engine.webhookUri(), body).body());
            assertThat(again.path("events").get(0).path("outcome").asText()).isEqualTo("duplicate");
        }
    }

    @Test
    void aBadSignatureIs401AndStoresNothing() throws Exception {
        Records records = new Records();
        try (ServeEngine engine = ServeEngine.start(config, db(), opts().withRecords(records))) {
            byte[] body = connected();
            WebhookDelivery forged = sender.sendWithSignature(engine.webhookUri(), body,
                    MistWebhookSender.signatureV2("not-the-secret", body));
            WebhookDelivery unsigned = sender.sendWithSignature(engine.webhookUri(), body, null);
            assertThat(forged.status()).isEqualTo(401);
            assertThat(JSON.readTree(forged.body()).path("reason").asText()).isEqualTo("bad-signature");
            assertThat(unsigned.status()).isEqualTo(401);
            assertThat(forged.body() + unsigned.body()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(engine.store().queue().depth()).isZero();
            assertThat(engine.store().audit().recent(10)).isEmpty();
        }
        assertThat(trunk("ge-0/0/5")).isFalse();
    }

    @Test
    void malformedTooLargeAndWrongMethodAreRefusedAndStoreNothing() throws Exception {
        try (ServeEngine engine = ServeEngine.start(config, db(), opts())) {
            WebhookDelivery malformed = sender.sendBody(engine.webhookUri(), "{\"topic\":".getBytes());
            assertThat(malformed.status()).isEqualTo(400);
            WebhookDelivery large = sender.sendBody(engine.webhookUri(), new byte[config.webhook().maxBodyBytes() + 1]);
            assertThat(large.status()).isEqualTo(413);
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(engine.webhookUri()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(engine.store().queue().depth()).isZero();
        }
    }

    @Test
    void healthReportsLivenessQueueDepthAndPendingItems() throws Exception {
        try (ServeEngine engine = ServeEngine.start(config, db(),
                opts().withWorkerPaused(true).withAcceptWait(Duration.ZERO))) {
            sender.sendBody(engine.webhookUri(), connected());
            HttpResponse<String> h = http.send(HttpRequest.newBuilder(engine.healthUri()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(h.statusCode()).isEqualTo(200);
            JsonNode health = JSON.readTree(h.body());
            assertThat(health.path("status").asText()).isEqualTo("up");
            assertThat(health.path("queueDepth").asLong()).isEqualTo(1);
            assertThat(health.path("pendingItems").asInt()).isZero();
        }
    }

    @Test
    void aRestartBetweenAcceptanceAndHandlingLosesNothingAndHandlesTheEventOnce() throws Exception {
        byte[] body = connected();
        try (ServeEngine first = ServeEngine.start(config, db(),
                opts().withWorkerPaused(true).withAcceptWait(Duration.ZERO))) {
            assertThat(sender.sendBody(first.webhookUri(), body).status()).isEqualTo(202);
        } // stopped after the 202, before the worker ran
        assertThat(queueDepth(db())).isEqualTo(1);
        assertThat(trunk("ge-0/0/5")).isFalse();

        Records records = new Records();
        try (ServeEngine second = ServeEngine.start(config, db(), opts().withRecords(records))) {
            records.await(r -> r.event().apMac().equals(ap.mac()) && r.outcome() == Outcome.CHANGED, WAIT);
            assertThat(trunk("ge-0/0/5")).isTrue();
            // Mist delivers it again after the restart: recognised, nothing done twice
            JsonNode again = JSON.readTree(sender.sendBody(second.webhookUri(), body).body());
            assertThat(again.path("events").get(0).path("outcome").asText()).isIn("duplicate", "stored");
            records.await(r -> r.outcome() == Outcome.DUPLICATE, WAIT);
            assertThat(second.store().queue().depth()).isZero();
            assertThat(second.store().audit().recent(100).stream()
                    .filter(r -> r.outcome() == Outcome.CHANGED)).hasSize(1);
        }
    }

    @Test
    void sqliteIsTheDefaultStoreAndAFreshFileNeedsNoSetup() throws Exception {
        assertThat(config.store().jdbcUrl()).startsWith("jdbc:sqlite:");
        assertThat(StoreConfig.defaults().jdbcUrl()).isEqualTo("jdbc:sqlite:mesa.db");
        Path fresh = dir.resolve("never-seen").resolve("mesa.db");
        Files.createDirectories(fresh.getParent());
        Records records = new Records();
        try (ServeEngine engine = ServeEngine.start(config, "jdbc:sqlite:" + fresh,
                opts().withRecords(records))) {
            assertThat(sender.sendBody(engine.webhookUri(), connected()).status()).isEqualTo(202);
            records.await(r -> r.outcome() == Outcome.CHANGED, WAIT);
        }
        assertThat(fresh).exists();
    }

    @Test
    void theWebhookUrlIsOnLoopbackOnly() {
        try (ServeEngine engine = ServeEngine.start(config, db(), opts())) {
            assertThat(engine.webhookUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(engine.webhookUri().getPath()).isEqualTo("/mist/webhook");
            assertThat(URI.create(engine.healthUri().toString()).getPath()).isEqualTo("/health");
        }
    }

    @Test
    void aShutdownStopsAcceptingFinishesTheChangeInFlightAndClosesTheSwitchSession() throws Exception {
        Records records = new Records();
        ServeEngine engine = ServeEngine.start(config, db(), opts().withAcceptWait(Duration.ZERO).withRecords(records));
        URI webhook = engine.webhookUri();
        SimFaults.CommitGate gate = junos.faults().holdCommits();
        assertThat(sender.sendBody(webhook, connected()).status()).isEqualTo(202);
        assertThat(gate.awaitCommitArrived(30, TimeUnit.SECONDS)).as("the change is in flight").isTrue();

        Thread closer = new Thread(engine::close, "closer");
        closer.start();
        closer.join(300);
        assertThat(closer.isAlive()).as("shutdown waits for the change in flight").isTrue();
        gate.release();
        closer.join(WAIT.toMillis());
        assertThat(closer.isAlive()).isFalse();

        assertThat(records.all()).anySatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.CHANGED));
        assertThat(trunk("ge-0/0/5")).isTrue();
        assertThat(junos.awaitActiveSessions(0, Duration.ofSeconds(10))).as("NETCONF session closed").isTrue();
        assertThatThrownBy(() -> sender.sendBody(webhook, connected())).as("no longer accepting")
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
