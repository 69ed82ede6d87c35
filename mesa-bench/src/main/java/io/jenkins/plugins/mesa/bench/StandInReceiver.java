package io.jenkins.plugins.mesa.bench;

import io.javalin.Javalin;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import io.jenkins.plugins.mesa.mist.WebhookSettings;
import java.util.concurrent.CountDownLatch;

/**
 * A minimal HTTP receiver for Mist webhooks, standing in for {@code mesa serve} until it exists: it
 * does exactly the intake part ({@link WebhookIntake}: size cap, signature, bounded parse) and
 * answers 202 with the counts, or the rejection's 4xx with its reason. It queues and acts on
 * nothing, so figures measured against it are the HTTP + intake floor, not MESA's.
 *
 * <p>Run as its own process: {@code MESA_WEBHOOK_SECRET=… java -cp benchmarks.jar
 * io.jenkins.plugins.mesa.bench.StandInReceiver [port]}; it prints {@code READY port=<n> pid=<n>}
 * once it listens on 127.0.0.1.
 */
public final class StandInReceiver implements AutoCloseable {
    /** The path the receiver answers on, as a {@code mesa serve} endpoint would. */
    public static final String PATH = "/mist/webhook";

    private final Javalin app;

    private StandInReceiver(Javalin app) {
        this.app = app;
    }

    /** Starts listening on 127.0.0.1 ({@code port} 0 picks a free one). */
    public static StandInReceiver start(WebhookSettings settings, int port) {
        WebhookIntake intake = new WebhookIntake(settings);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post(PATH, ctx -> {
                try {
                    WebhookBatch batch = intake.accept(ctx.bodyAsBytes(), ctx::header);
                    ctx.status(202).contentType("application/json")
                            .result("{\"accepted\":" + batch.events().size() + ",\"ignored\":" + batch.ignored().size() + "}");
                } catch (WebhookRejected e) {
                    ctx.status(e.httpStatus()).contentType("application/json")
                            .result("{\"reason\":\"" + e.reason() + "\"}");
                }
            });
        }).start("127.0.0.1", port);
        return new StandInReceiver(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    public static void main(String[] args) throws InterruptedException {
        String secret = System.getenv("MESA_WEBHOOK_SECRET");
        if (secret == null || secret.isEmpty()) {
            System.err.println("set MESA_WEBHOOK_SECRET to the webhook secret the load generator signs with");
            System.exit(2);
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        StandInReceiver receiver = start(WebhookSettings.of(Secret.of(secret)), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            stopped.countDown();
        }));
        System.out.println("READY port=" + receiver.port() + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        stopped.await();
    }
}
