package io.jenkins.plugins.mesa.cli.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.jenkins.plugins.mesa.cli.store.EventQueue;
import io.jenkins.plugins.mesa.cli.store.StoreException;
import io.jenkins.plugins.mesa.config.ServerConfig;
import io.jenkins.plugins.mesa.mist.IgnoredEvent;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) side of {@code mesa serve}. On the webhook path, POST only (405 otherwise): the body is read up to
 * the size cap (413 beyond), checked by {@link WebhookIntake} — size, then the signature over the raw bytes before
 * any parsing (401, nothing stored), then the shape (400) —, stored durably in the {@link EventQueue}, and only then
 * answered 202 with a small JSON of each event's outcome as far as the worker has decided it within a short wait.
 * A store failure answers 503 (Mist delivers again). {@code GET /health} reports liveness, queue depth and pending
 * items. No answer ever carries a stack trace or a secret.
 */
public final class WebhookEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String HEALTH_PATH = "/health";

    private final ServerConfig server;
    private final String path;
    private final int maxBodyBytes;
    private final WebhookIntake intake;
    private final EventQueue queue;
    private final IntakeWorker worker;
    private final Clock clock;
    private final Duration acceptWait;
    private final Javalin app;
    private volatile boolean stopping;

    /**
     * @param acceptWait how long a 202 waits for the worker to take the body in, to report each event's outcome;
     *                   zero answers at once with the events as "queued"
     */
    public WebhookEndpoint(ServerConfig server, String path, int maxBodyBytes, WebhookIntake intake,
                           EventQueue queue, IntakeWorker worker, Clock clock, Duration acceptWait) {
        this.server = Objects.requireNonNull(server, "server");
        this.path = Objects.requireNonNull(path, "path");
        this.maxBodyBytes = maxBodyBytes;
        this.intake = Objects.requireNonNull(intake, "intake");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.acceptWait = Objects.requireNonNull(acceptWait, "acceptWait");
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = new QueuedThreadPool(32, 4, 60_000);
            ((QueuedThreadPool) config.jetty.threadPool).setName("mesa-http");
            // Javalin's own cap applies to its body helpers; the webhook handler reads with its own limit.
            config.http.maxRequestSize = maxBodyBytes;
            config.http.prefer405over404 = true;
            server.tls().ifPresent(tls -> config.jetty.addConnector((jetty, httpConfig) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
                ssl.setKeyStorePassword(tls.password().reveal());
                ssl.setKeyStoreType(tls.type());
                HttpConfiguration https = new HttpConfiguration(httpConfig);
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false); // webhooks arrive by IP as often as by name
                https.addCustomizer(secure);
                ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(https));
                connector.setHost(server.bind());
                connector.setPort(server.port());
                return connector;
            }));
            config.routes.post(path, this::webhook);
            config.routes.get(HEALTH_PATH, this::health);
            config.routes.error(405, ctx -> error(ctx, 405, "method-not-allowed", "only POST is accepted here"));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || !ctx.result().startsWith("{")) {
                    error(ctx, 404, "not-found", "no such path");
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal-error", "the request could not be handled");
            });
        });
    }

    /** Starts listening on the configured address and port (0 = a free port). */
    public WebhookEndpoint start() {
        if (server.tls().isPresent()) {
            app.start();
        } else {
            app.start(server.bind(), server.port());
        }
        LOG.info("listening on {}", webhookUri());
        return this;
    }

    /** The port actually listened on. */
    public int port() {
        return app.port();
    }

    /** {@code http(s)://host:port}. */
    public URI baseUri() {
        String host = server.bind().contains(":") ? "[" + server.bind() + "]" : server.bind();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return URI.create((server.tls().isPresent() ? "https" : "http") + "://" + host + ":" + port());
    }

    public URI webhookUri() {
        return baseUri().resolve(path);
    }

    /** Stops accepting: new webhooks get 503 while in-flight requests finish, then the listener closes. */
    @Override
    public void close() {
        stopping = true;
        app.stop();
    }

    // ------------------------------------------------------------------ handlers

    private void webhook(Context ctx) throws IOException {
        if (stopping) {
            error(ctx, 503, "stopping", "the server is shutting down; deliver again later");
            return;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            error(ctx, 413, "too-large", "body of " + declared + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
            return;
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        WebhookBatch batch;
        try {
            batch = intake.accept(body, ctx::header); // size, then signature over the raw bytes, then the parse
        } catch (WebhookRejected r) {
            LOG.info("webhook refused: {} ({})", r.reason(), r.httpStatus());
            error(ctx, r.httpStatus(), r.reason(), r.getMessage());
            return;
        }
        long id;
        try {
            id = queue.enqueue(body, signatureHeaders(ctx), clock.instant());
        } catch (StoreException e) {
            LOG.error("could not store a webhook body: {}", e.getMessage());
            error(ctx, 503, "store-unavailable", "the event could not be stored; deliver again later");
            return;
        }
        worker.wake();
        Optional<IntakeWorker.Accepted> accepted = worker.awaitAccepted(id, acceptWait);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", "accepted");
        answer.put("queued", id);
        ArrayNode events = answer.putArray("events");
        if (accepted.isPresent()) {
            for (IntakeWorker.EventOutcome o : accepted.get().events()) {
                ObjectNode e = events.addObject();
                e.put("type", o.type());
                e.put("ap", o.ap());
                e.put("eventId", o.eventId());
                e.put("outcome", o.status());
                if (o.dueAt() != null) {
                    e.put("dueAt", o.dueAt().toString());
                }
            }
        } else {
            batch.events().forEach(ev -> events.addObject().put("type", ev.type()).put("ap", ev.ap().value())
                    .put("eventId", ev.eventId()).put("outcome", "stored"));
        }
        ArrayNode ignored = answer.putArray("ignored");
        for (IgnoredEvent i : batch.ignored()) {
            ignored.addObject().put("index", i.index()).put("type", i.type()).put("reason", i.why());
        }
        ctx.status(202).contentType("application/json").result(answer.toString());
    }

    private void health(Context ctx) {
        ObjectNode h = JSON.createObjectNode();
        int status = 200;
        try {
            h.put("status", stopping ? "stopping" : "up");
            h.put("queueDepth", queue.depth());
            h.put("pendingItems", worker.pendingItems());
            h.put("workerPaused", worker.paused());
        } catch (StoreException e) {
            h.put("status", "store-unavailable");
            status = 503;
        }
        if (stopping) {
            status = 503;
        }
        ctx.status(status).contentType("application/json").result(h.toString());
    }

    private static Map<String, String> signatureHeaders(Context ctx) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String name : new String[] {WebhookSignature.V2_HEADER, WebhookSignature.LEGACY_HEADER}) {
            String v = ctx.header(name);
            if (v != null) {
                h.put(name, v);
            }
        }
        return h;
    }

    private static void error(Context ctx, int status, String reason, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("status", "rejected");
        e.put("reason", reason);
        e.put("message", message);
        ctx.status(status).contentType("application/json").result(e.toString());
    }
}
