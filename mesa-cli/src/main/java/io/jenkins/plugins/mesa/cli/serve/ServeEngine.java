package io.jenkins.plugins.mesa.cli.serve;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.cli.store.SqliteStore;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.runtime.MesaRuntime;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mesa serve} as an object: the durable store, the runtime (Mist client, back-ends, flow, notifier), the
 * one worker thread and the webhook endpoint, started in that order and stopped in reverse. {@code mesa lab} runs
 * the same engine in-process against its simulators.
 */
public final class ServeEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServeEngine.class);

    /**
     * How to run the engine.
     *
     * @param workerPaused start with the worker paused: webhooks are stored but not handled (tests)
     * @param acceptWait   how long a 202 waits for the worker to report the events' outcomes
     * @param records      told about every audit record the flow writes (the lab's timeline)
     * @param clock        the clock of the flow, the queue and the scheduler
     * @param lookupDelay  wait after AP_CONNECTED before asking Mist; null for {@code guards.lookupDelay} (the
     *                     lab's Mist knows at once)
     */
    public record Options(boolean workerPaused, Duration acceptWait, Consumer<AuditRecord> records, Clock clock,
                          Duration lookupDelay) {
        public Options {
            Objects.requireNonNull(acceptWait, "acceptWait");
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(clock, "clock");
        }

        public static Options defaults() {
            return new Options(false, Duration.ofSeconds(2), r -> { }, Clock.systemUTC(), null);
        }

        public Options withWorkerPaused(boolean paused) {
            return new Options(paused, acceptWait, records, clock, lookupDelay);
        }

        public Options withAcceptWait(Duration wait) {
            return new Options(workerPaused, wait, records, clock, lookupDelay);
        }

        public Options withRecords(Consumer<AuditRecord> listener) {
            return new Options(workerPaused, acceptWait, listener, clock, lookupDelay);
        }

        public Options withLookupDelay(Duration d) {
            return new Options(workerPaused, acceptWait, records, clock, d);
        }
    }

    private final MesaConfig config;
    private final SqliteStore store;
    private final MesaRuntime runtime;
    private final IntakeWorker worker;
    private final WebhookEndpoint endpoint;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ServeEngine(MesaConfig config, SqliteStore store, MesaRuntime runtime, IntakeWorker worker,
                        WebhookEndpoint endpoint) {
        this.config = config;
        this.store = store;
        this.runtime = runtime;
        this.worker = worker;
        this.endpoint = endpoint;
    }

    /**
     * Opens the store, builds the runtime and starts worker and endpoint.
     *
     * @param jdbcUrl the store; {@code config.store().jdbcUrl()} unless overridden by {@code --db}. It is opened
     *                with {@code store.username} and {@code store.password} when the configuration gives them
     */
    public static ServeEngine start(MesaConfig config, String jdbcUrl, Options options) {
        SqliteStore store = new SqliteStore(jdbcUrl, config.store().username(), config.store().password());
        MesaRuntime runtime = null;
        IntakeWorker worker = null;
        try {
            runtime = MesaRuntime.create(config, store.stores(), options.clock(),
                    MesaRuntime.Options.defaults().withLookupDelay(options.lookupDelay()));
            WebhookIntake intake = runtime.intake();
            worker = new IntakeWorker(store.queue(), intake, runtime.flow(), store.stores().pending(),
                    config.mist().orgId(), options.clock(), options.records());
            worker.start(options.workerPaused());
            WebhookEndpoint endpoint = new WebhookEndpoint(config.server(), config.webhook().path(),
                    config.webhook().maxBodyBytes(), intake, store.queue(), worker, options.clock(),
                    options.acceptWait()).start();
            LOG.info("mesa serve: store {}, webhook {}", store.name(), endpoint.webhookUri());
            return new ServeEngine(config, store, runtime, worker, endpoint);
        } catch (RuntimeException e) {
            if (worker != null) {
                worker.stop(Duration.ofSeconds(5));
            }
            if (runtime != null) {
                runtime.close();
            }
            store.close();
            throw e;
        }
    }

    public URI webhookUri() {
        return endpoint.webhookUri();
    }

    public URI healthUri() {
        return endpoint.baseUri().resolve(WebhookEndpoint.HEALTH_PATH);
    }

    public SqliteStore store() {
        return store;
    }

    public MesaRuntime runtime() {
        return runtime;
    }

    /** Lets a worker started paused begin handling. */
    public void resumeWorker() {
        worker.resume();
    }

    public MesaConfig config() {
        return config;
    }

    /**
     * Graceful shutdown: stop accepting webhooks, let the in-flight change finish (up to
     * {@code server.shutdownGrace}), close switch sessions and the store. Accepted bodies and pending items stay
     * in the store for the next start.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        LOG.info("mesa serve: shutting down");
        try {
            endpoint.close();
        } finally {
            try {
                worker.stop(config.server().shutdownGrace());
            } finally {
                try {
                    runtime.close();
                } finally {
                    store.close();
                }
            }
        }
    }
}
