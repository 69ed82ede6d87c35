package io.jenkins.plugins.mesa.lab.junos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's notion of time, which drives the confirmed-commit timer. Tests use
 * {@link #manual(Instant)} and {@link Manual#advance(Duration)} so that nothing ever sleeps; the
 * interactive lab uses {@link #system()}.
 */
public abstract class SimTime {

    /** A scheduled task that can be cancelled. */
    public interface Timer {
        void cancel();
    }

    public abstract Instant now();

    abstract Timer schedule(Duration delay, Runnable task);

    /** Wall-clock time with a real scheduler (for the interactive lab). */
    public static SimTime system() {
        return new SystemTime();
    }

    /** Time that moves only when a test calls {@link Manual#advance(Duration)}. */
    public static Manual manual(Instant start) {
        return new Manual(start);
    }

    /** Manually advanced time; due tasks run on the advancing thread. */
    public static final class Manual extends SimTime {
        private Instant now;
        private final List<Task> tasks = new ArrayList<>();

        private Manual(Instant start) {
            this.now = start;
        }

        private static final class Task implements Timer {
            final Instant due;
            final Runnable action;
            volatile boolean cancelled;

            Task(Instant due, Runnable action) {
                this.due = due;
                this.action = action;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        }

        @Override
        public synchronized Instant now() {
            return now;
        }

        @Override
        synchronized Timer schedule(Duration delay, Runnable task) {
            Task t = new Task(now.plus(delay), task);
            tasks.add(t);
            return t;
        }

        /** Moves time forward and runs every task that falls due, in deadline order. */
        public void advance(Duration by) {
            List<Task> due = new ArrayList<>();
            synchronized (this) {
                now = now.plus(by);
                for (Task t : tasks) {
                    if (!t.due.isAfter(now)) {
                        due.add(t);
                    }
                }
                tasks.removeAll(due);
            }
            due.sort(Comparator.comparing(t -> t.due));
            for (Task t : due) {
                if (!t.cancelled) {
                    t.action.run();
                }
            }
        }
    }

    private static final class SystemTime extends SimTime {
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "junos-sim-timer");
            t.setDaemon(true);
            return t;
        });

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        Timer schedule(Duration delay, Runnable task) {
            ScheduledFuture<?> f = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }
    }
}
