package io.jenkins.plugins.mesa.cli.serve;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.cli.store.EventQueue;
import io.jenkins.plugins.mesa.cli.store.QueuedBody;
import io.jenkins.plugins.mesa.cli.store.StoreCorruptException;
import io.jenkins.plugins.mesa.flow.Disposition;
import io.jenkins.plugins.mesa.flow.EventFlow;
import io.jenkins.plugins.mesa.flow.PendingEvents;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.IgnoredEvent;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that drives the {@link EventFlow} of {@code mesa serve}: it drains the durable {@link EventQueue}
 * into {@link EventFlow#accept} (marking each body done only after all its events were accepted), then runs
 * {@link EventFlow#runDue()} and schedules itself for {@link EventFlow#nextDue()}. It wakes up when a body is
 * queued or when the next item falls due, never on a fixed tick. Both flow entry points run on this thread, so a
 * slow change never races an intake. Per-switch serialisation of changes is the back-ends' own.
 *
 * <p>A failure of the store or of the flow itself is logged and retried with doubling backoff (1 s … 60 s); the
 * claimed body is released, so nothing accepted is lost.
 */
public final class IntakeWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeWorker.class);
    private static final int RECENT = 256;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** What became of one webhook event when the flow took it in. */
    public record EventOutcome(String eventId, String type, String ap, String apName, String status,
                               Instant dueAt) {
    }

    /** What became of one queued body: its events' outcomes and the events it carried that MESA ignores. */
    public record Accepted(long queueId, List<EventOutcome> events, List<IgnoredEvent> ignored) {
        public Accepted {
            events = List.copyOf(events);
            ignored = List.copyOf(ignored);
        }
    }

    private final EventQueue queue;
    private final WebhookIntake intake;
    private final EventFlow flow;
    private final PendingEvents pending;
    private final String orgId;
    private final Clock clock;
    private final Consumer<AuditRecord> records;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Map<Long, CompletableFuture<Accepted>> waiting = new HashMap<>();
    private final Map<Long, Accepted> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Accepted> eldest) {
            return size() > RECENT;
        }
    };

    private volatile boolean paused;
    private volatile boolean closing;
    private ScheduledFuture<?> timer; // worker thread only
    private int failures; // worker thread only

    /**
     * @param records told about every audit record the flow writes, on the worker thread (the lab's timeline);
     *                must return promptly
     */
    public IntakeWorker(EventQueue queue, WebhookIntake intake, EventFlow flow, PendingEvents pending, String orgId,
                        Clock clock, Consumer<AuditRecord> records) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = Objects.requireNonNull(records, "records");
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mesa-worker");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts the worker: it drains what an earlier process left in the queue and resumes the pending items. A
     * paused worker does nothing until {@link #resume()} (tests: stop a server between acceptance and handling).
     */
    public void start(boolean startPaused) {
        this.paused = startPaused;
        wake();
    }

    public void resume() {
        paused = false;
        wake();
    }

    /** Something was queued (or the worker was resumed): drain and run what is due, soon, on the worker thread. */
    public void wake() {
        if (paused || closing) {
            return;
        }
        if (!wakeQueued.getAndSet(true)) {
            try {
                executor.execute(this::cycle);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakeQueued.set(false); // shutting down
            }
        }
    }

    /**
     * What the flow made of a queued body, waiting at most {@code wait} for the worker to take it in; empty when it
     * has not yet (the body is safe in the queue either way).
     */
    public Optional<Accepted> awaitAccepted(long queueId, Duration wait) {
        CompletableFuture<Accepted> f;
        synchronized (waiting) {
            Accepted done = recent.get(queueId);
            if (done != null) {
                return Optional.of(done);
            }
            if (wait.isZero() || wait.isNegative()) {
                return Optional.empty();
            }
            f = waiting.computeIfAbsent(queueId, k -> new CompletableFuture<>());
        }
        try {
            return Optional.of(f.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            synchronized (waiting) {
                waiting.remove(queueId, f);
            }
        }
    }

    /** Items the flow holds (hold-downs, lookups waiting for Mist, retries). */
    public int pendingItems() {
        return pending.all().size();
    }

    /** Whether the worker is paused (not draining). */
    public boolean paused() {
        return paused;
    }

    // ------------------------------------------------------------------ the worker thread

    private void cycle() {
        wakeQueued.set(false);
        if (closing) {
            return;
        }
        try {
            drain();
            publish(flow.runDue());
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 6));
            backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
            LOG.error("worker cycle failed ({} in a row); trying again in {} s", failures, backoff.toSeconds(), e);
            scheduleAt(clock.instant().plus(backoff));
            return;
        }
        flow.nextDue().ifPresent(this::scheduleAt);
    }

    private void drain() {
        while (!closing && !paused) {
            Optional<QueuedBody> next;
            try {
                next = queue.claimNext();
            } catch (StoreCorruptException e) {
                // the queue sets the unreadable row aside for this process; the bodies behind it still flow
                LOG.error("a queued webhook body is unreadable and was set aside: {}", e.getMessage());
                continue;
            }
            if (next.isEmpty()) {
                return;
            }
            QueuedBody body = next.get();
            boolean done = false;
            try {
                Accepted accepted = acceptBody(body);
                queue.markDone(body.id());
                done = true;
                complete(accepted);
            } finally {
                if (!done) {
                    queue.release(body.id());
                }
            }
        }
    }

    private Accepted acceptBody(QueuedBody body) {
        WebhookBatch batch;
        try {
            batch = intake.accept(body.body(), body::header);
        } catch (WebhookRejected r) {
            // It passed at the endpoint; only a changed secret or limit makes it fail now. Keeping it would
            // block the queue for good.
            LOG.warn("queued body {} no longer passes the webhook checks ({}: {}); dropped", body.id(), r.reason(),
                    r.getMessage());
            return new Accepted(body.id(), List.of(), List.of());
        }
        List<EventOutcome> outcomes = new ArrayList<>();
        List<IgnoredEvent> ignored = new ArrayList<>(batch.ignored());
        for (int i = 0; i < batch.events().size(); i++) {
            ApEvent e = batch.events().get(i);
            if (!e.orgId().isEmpty() && !e.orgId().equalsIgnoreCase(orgId)) {
                LOG.warn("event {} is for another Mist org; ignored", e.eventId());
                outcomes.add(new EventOutcome(e.eventId(), e.type(), e.ap().value(), e.apName(), "other-org", null));
                continue;
            }
            Disposition d = flow.accept(e);
            publish(d.written());
            outcomes.add(new EventOutcome(e.eventId(), e.type(), e.ap().value(), e.apName(),
                    d.status().name().toLowerCase(java.util.Locale.ROOT), d.dueAt()));
        }
        return new Accepted(body.id(), outcomes, ignored);
    }

    private void complete(Accepted accepted) {
        CompletableFuture<Accepted> f;
        synchronized (waiting) {
            recent.put(accepted.queueId(), accepted);
            f = waiting.remove(accepted.queueId());
        }
        if (f != null) {
            f.complete(accepted);
        }
    }

    private void publish(List<AuditRecord> written) {
        for (AuditRecord r : written) {
            try {
                records.accept(r);
            } catch (RuntimeException e) {
                LOG.warn("audit record listener failed for {} ({})", r.id(), e.getClass().getName());
            }
        }
    }

    private void scheduleAt(Instant due) {
        if (closing) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        try {
            timer = executor.schedule(() -> {
                if (!wakeQueued.getAndSet(true)) {
                    cycle();
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    /**
     * Stops the worker: no new cycle starts; the one running (an in-flight change) is given {@code grace} to end.
     * Queued bodies and pending items stay in the store for the next start.
     *
     * @return true when the worker stopped within the grace period
     */
    public boolean stop(Duration grace) {
        closing = true;
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("the worker did not finish within {} s; interrupting it", grace.toSeconds());
            executor.shutdownNow();
            return executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
