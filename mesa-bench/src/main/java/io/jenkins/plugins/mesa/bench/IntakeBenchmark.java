package io.jenkins.plugins.mesa.bench;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookSettings;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot pure path of the webhook intake: size check, HMAC-SHA256 verification over the raw
 * body and the bounded parse into a {@link WebhookBatch}, for a 1-event and a 50-event body; plus
 * the signature check alone, to show how the time splits. Single-threaded; the figures are per
 * call. Run through {@code mesa-bench/run.sh} (or {@code java -jar mesa-bench/target/benchmarks.jar Intake}).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS) // run.sh overrides: ops/s for throughput, µs/op for average time
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class IntakeBenchmark {
    private static final Secret SECRET = Secret.of("bench-webhook-secret-7f3a");

    @Param({"1", "50"})
    public int events;

    private WebhookIntake intake;
    private WebhookSettings settings;
    private SignedBody body;

    @Setup
    public void prepare() {
        settings = WebhookSettings.of(SECRET);
        intake = new WebhookIntake(settings);
        body = new DeviceEventBodies(SECRET, events, 0).next();
        // a benchmark of a path that rejects would measure the wrong thing
        if (intake.accept(body.body(), body.headers()).events().size() != events) {
            throw new IllegalStateException("benchmark body not accepted in full");
        }
    }

    /** What {@code mesa serve} does per request before queueing: verify, then parse. */
    @Benchmark
    public WebhookBatch verifyAndParse() {
        return intake.accept(body.body(), body.headers());
    }

    /** The HMAC-SHA256 check alone (hex decode plus constant-time compare included). */
    @Benchmark
    public SignedBody verifySignatureOnly() {
        WebhookSignature.verify(body.body(), body.signature(), null, settings);
        return body;
    }
}
