package io.jenkins.plugins.mesa.bench;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * HTTP load generator for MESA's webhook intake, run as its own process: a fixed number of
 * connections, each a closed loop (send a signed body, wait for the answer, send the next) for a
 * bounded time after an unrecorded warm-up. Reports accepted events/s, p50/p90/p99/max latency
 * (HdrHistogram, µs resolution) and the target's RSS and thread count from {@code /proc/<pid>} at
 * the start, after warm-up and at the end.
 *
 * <p>Each connection is its own {@link HttpClient} used by one thread, so the number of TCP
 * connections is exactly {@code --connections} (one shared client would open as many as it likes).
 * Closed loop means latency is what a sender that waits for each answer sees, as Mist does; it
 * does not model an open-rate arrival and so hides queueing beyond the connection count.
 *
 * <pre>
 * MESA_WEBHOOK_SECRET=… java -cp mesa-bench/target/benchmarks.jar io.jenkins.plugins.mesa.bench.IntakeLoad \
 *     --url http://127.0.0.1:8080/mist/webhook --pid 12345 --connections 64 --duration 20 \
 *     [--warmup 5] [--events-per-body 1] [--label "mesa serve"] [--markdown results.md]
 * </pre>
 * {@code --requests N} instead of a duration sends exactly N requests per connection, all recorded.
 * The secret comes from the environment, not an argument, so it never shows in {@code ps}.
 */
public final class IntakeLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long P99_TARGET_MICROS = 10_000;

    private final Options options;
    private final DeviceEventBodies bodies;
    private volatile boolean recording;
    private volatile boolean stopping;

    IntakeLoad(Options options, Secret secret) {
        this.options = options;
        this.bodies = new DeviceEventBodies(secret, options.eventsPerBody(), options.firstSequence());
    }

    /**
     * Command-line options.
     *
     * @param url           the webhook endpoint
     * @param pid           the receiving process, for RSS and threads; 0 to skip
     * @param connections   concurrent connections (and sender threads)
     * @param warmup        unrecorded time before measuring
     * @param duration      measured time
     * @param requestsPerConnection when positive, each connection sends exactly this many requests, all recorded,
     *                      and the time options are ignored (a run of known size, for tests)
     * @param eventsPerBody events in each body
     * @param firstSequence first event number (event ids derive from it)
     * @param label         what is being measured, for the report
     * @param markdown      file to append the report's table row to; {@code null} for none
     */
    record Options(URI url, long pid, int connections, Duration warmup, Duration duration, long requestsPerConnection,
                   int eventsPerBody, long firstSequence, String label, Path markdown) {

        static Options parse(String[] args) {
            Map<String, String> a = new TreeMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                a.put(args[i].substring(2), args[++i]);
            }
            if (!a.containsKey("url")) {
                throw new IllegalArgumentException("--url is required");
            }
            Options o = new Options(URI.create(a.remove("url")),
                    Long.parseLong(a.getOrDefault("pid", "0")),
                    Integer.parseInt(a.getOrDefault("connections", "4")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup", "5"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration", "20"))),
                    Long.parseLong(a.getOrDefault("requests", "0")),
                    Integer.parseInt(a.getOrDefault("events-per-body", "1")),
                    Long.parseLong(a.getOrDefault("first-sequence", Long.toString(System.currentTimeMillis() * 1000))),
                    a.getOrDefault("label", "target"),
                    a.containsKey("markdown") ? Path.of(a.get("markdown")) : null);
            a.keySet().removeAll(List.of("pid", "connections", "warmup", "duration", "requests", "events-per-body",
                    "first-sequence", "label", "markdown"));
            if (!a.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + a.keySet());
            }
            if (o.connections < 1 || o.duration.isZero() || o.duration.isNegative()) {
                throw new IllegalArgumentException("--connections and --duration must be positive");
            }
            return o;
        }
    }

    /** What one connection saw while recording. */
    private static final class Tally {
        final Histogram latencyMicros = new Histogram(REQUEST_TIMEOUT.toMillis() * 1000, 3);
        long requests;
        long acceptedEvents;
        final Map<Integer, Long> refusedByStatus = new TreeMap<>();
        long errors;
        String firstError;
    }

    /** The whole run. */
    record Result(Options options, Duration measured, long requests, long acceptedEvents, Histogram latencyMicros,
                  Map<Integer, Long> refusedByStatus, long errors, String firstError,
                  ProcessSample atStart, ProcessSample afterWarmup, ProcessSample atEnd) {

        double eventsPerSecond() {
            return acceptedEvents / (measured.toNanos() / 1e9);
        }

        double requestsPerSecond() {
            return requests / (measured.toNanos() / 1e9);
        }

        long p(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile);
        }
    }

    Result run() throws InterruptedException {
        ProcessSample atStart = sample();
        ExecutorService senders = Executors.newFixedThreadPool(options.connections(), r -> {
            Thread t = new Thread(r, "intake-load");
            t.setDaemon(true);
            return t;
        });
        List<Future<Tally>> running = new ArrayList<>();
        boolean counted = options.requestsPerConnection() > 0;
        ProcessSample afterWarmup = counted ? atStart : null;
        recording = counted;
        long started = System.nanoTime();
        long windowEnd = 0;
        for (int i = 0; i < options.connections(); i++) {
            running.add(senders.submit(this::connectionLoop));
        }
        if (!counted) {
            // the run's own bounds, not a wait for something: warm-up unrecorded, then the measured window
            Thread.sleep(options.warmup().toMillis());
            afterWarmup = sample();
            started = System.nanoTime();
            recording = true;
            Thread.sleep(options.duration().toMillis());
            recording = false;
            windowEnd = System.nanoTime();
            stopping = true;
        }
        Histogram all = new Histogram(REQUEST_TIMEOUT.toMillis() * 1000, 3);
        long requests = 0;
        long accepted = 0;
        long errors = 0;
        String firstError = null;
        Map<Integer, Long> refused = new TreeMap<>();
        for (Future<Tally> f : running) {
            Tally t;
            try {
                t = f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a sender thread failed", e.getCause());
            }
            all.add(t.latencyMicros);
            requests += t.requests;
            accepted += t.acceptedEvents;
            errors += t.errors;
            firstError = firstError != null ? firstError : t.firstError;
            t.refusedByStatus.forEach((k, v) -> refused.merge(k, v, Long::sum));
        }
        long measuredNanos = (counted ? System.nanoTime() : windowEnd) - started;
        senders.shutdown();
        ProcessSample atEnd = sample();
        return new Result(options, Duration.ofNanos(measuredNanos), requests, accepted, all, refused, errors,
                firstError, atStart, afterWarmup, atEnd);
    }

    private Tally connectionLoop() {
        Tally tally = new Tally();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long limit = options.requestsPerConnection();
        for (long sent = 0; limit > 0 ? sent < limit : !stopping; sent++) {
            SignedBody body = bodies.next();
            HttpRequest request = HttpRequest.newBuilder(options.url())
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Mist-webhook")
                    .header(WebhookSignature.V2_HEADER, body.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
                    .build();
            boolean record = recording;
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                long micros = (System.nanoTime() - t0) / 1000;
                if (!record || !recording) {
                    continue; // straddles the window's edge: neither in nor out, so left out
                }
                tally.requests++;
                tally.latencyMicros.recordValue(Math.min(micros, tally.latencyMicros.getHighestTrackableValue()));
                if (response.statusCode() / 100 == 2) {
                    tally.acceptedEvents += body.events();
                } else {
                    tally.refusedByStatus.merge(response.statusCode(), 1L, Long::sum);
                }
            } catch (IOException e) {
                if (record) {
                    tally.errors++;
                    tally.firstError = tally.firstError != null ? tally.firstError : e.toString();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return tally;
    }

    private ProcessSample sample() {
        return options.pid() > 0 ? ProcessSample.of(options.pid()) : null;
    }

    static String report(Result r) {
        StringBuilder sb = new StringBuilder();
        Options o = r.options();
        sb.append(String.format(Locale.ROOT, "%s: %d connections, %d event(s)/body, %s measured after %ss warm-up%n",
                o.label(), o.connections(), o.eventsPerBody(), seconds(r.measured()), o.warmup().toSeconds()));
        sb.append(String.format(Locale.ROOT, "  requests %d (%.0f/s), accepted events %d (%.0f/s)%n",
                r.requests(), r.requestsPerSecond(), r.acceptedEvents(), r.eventsPerSecond()));
        sb.append(String.format(Locale.ROOT, "  latency p50 %s  p90 %s  p99 %s  max %s  (p99 target <= 10 ms: %s)%n",
                ms(r.p(50)), ms(r.p(90)), ms(r.p(99)), ms(r.latencyMicros().getMaxValue()),
                r.p(99) <= P99_TARGET_MICROS ? "met" : "MISSED"));
        sb.append(String.format(Locale.ROOT, "  refused %s, transport errors %d%s%n", r.refusedByStatus(), r.errors(),
                r.firstError() == null ? "" : " (first: " + r.firstError() + ")"));
        if (r.atStart() != null) {
            sb.append(String.format(Locale.ROOT, "  target RSS/threads: start %s; after warm-up %s; end %s%n",
                    r.atStart().describe(), r.afterWarmup().describe(), r.atEnd().describe()));
        }
        return sb.toString();
    }

    /** The header of the markdown table {@link #markdownRow} fills. */
    static String markdownHeader() {
        return "| target | conns | events/body | measured | accepted events/s | p50 | p90 | p99 | max | refused / errors "
                + "| RSS start → after warm-up → end | threads start → end |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n";
    }

    static String markdownRow(Result r) {
        Options o = r.options();
        String rss = r.atStart() == null ? "n/a" : String.format(Locale.ROOT, "%.0f → %.0f → %.0f MiB",
                r.atStart().rssKiB() / 1024.0, r.afterWarmup().rssKiB() / 1024.0, r.atEnd().rssKiB() / 1024.0);
        String threads = r.atStart() == null ? "n/a" : r.atStart().threads() + " → " + r.atEnd().threads();
        long refused = r.refusedByStatus().values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "| %s | %d | %d | %s | %.0f | %s | %s | %s%s | %s | %d / %d | %s | %s |%n",
                o.label(), o.connections(), o.eventsPerBody(), seconds(r.measured()), r.eventsPerSecond(),
                ms(r.p(50)), ms(r.p(90)), ms(r.p(99)), r.p(99) <= P99_TARGET_MICROS ? "" : " (target 10 ms missed)",
                ms(r.latencyMicros().getMaxValue()), refused, r.errors(), rss, threads);
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("IntakeLoad: " + e.getMessage());
            System.err.println("usage: MESA_WEBHOOK_SECRET=... IntakeLoad --url URL [--pid PID] [--connections 4] "
                    + "[--duration 20] [--warmup 5] [--requests N] [--events-per-body 1] [--label TEXT] [--markdown FILE]");
            System.exit(2);
            return;
        }
        String secret = System.getenv("MESA_WEBHOOK_SECRET");
        if (secret == null || secret.isEmpty()) {
            System.err.println("IntakeLoad: set MESA_WEBHOOK_SECRET to the receiver's webhook secret");
            System.exit(2);
        }
        Result result = new IntakeLoad(options, Secret.of(secret)).run();
        System.out.print(report(result));
        if (options.markdown() != null) {
            String row = markdownRow(result);
            Files.writeString(options.markdown(), Files.exists(options.markdown()) ? row : markdownHeader() + row, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        // a run where nothing was accepted measured nothing: fail loudly instead of printing zeros
        System.exit(result.acceptedEvents() > 0 ? 0 : 1);
    }
}
