package io.jenkins.plugins.mesa.runtime;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Notifier;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.audit.PortChange;
import io.jenkins.plugins.mesa.guard.Decision;
import io.jenkins.plugins.mesa.notify.ChatChannel;
import io.jenkins.plugins.mesa.notify.Notice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the configured chat channels (Slack, Teams) about each audit record, as a {@link Notice}.
 * {@link #publish} only queues (bounded; a full queue drops the notice with a log line) and returns at
 * once, so a slow or failing chat service never holds up or undoes a change; one background thread
 * sends, each channel with its own timeout. Duplicates are not announced: they are noise.
 */
public final class ChatNotifier implements Notifier, AutoCloseable {
    static final int QUEUE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ChatNotifier.class);

    private final List<ChatChannel> channels;
    private final ThreadPoolExecutor sender;

    public ChatNotifier(List<ChatChannel> channels) {
        this.channels = List.copyOf(channels);
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "mesa-chat-notifier");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void publish(AuditRecord record) {
        if (channels.isEmpty() || record.outcome() == Outcome.DUPLICATE) {
            return;
        }
        Notice notice = notice(record);
        try {
            sender.execute(() -> channels.forEach(c -> c.send(notice)));
        } catch (RejectedExecutionException e) {
            LOG.warn("chat notification for audit record {} dropped: queue full or notifier closed", record.id());
        }
    }

    /** The notice for one record: the outcome in the title, each decision and change as a line. */
    public static Notice notice(AuditRecord r) {
        String where = r.changes().isEmpty() ? ""
                : ": " + String.join(", ", r.changes().stream()
                        .map(c -> c.switchName() + " " + c.port() + " → " + c.profile()).toList());
        String title = r.event().type() + " " + r.event().apLabel() + " at " + r.event().siteLabel() + where
                + " (" + r.outcome().text() + (r.reason().isEmpty() ? "" : ", " + r.reason()) + ")";
        List<String> lines = new ArrayList<>();
        if (!r.coalesced().isEmpty()) {
            lines.add((r.coalesced().size() + 1) + " disconnects of one burst");
        }
        for (Decision d : r.decisions()) {
            lines.add(d.guard() + ": " + d.explanation());
        }
        for (PortChange c : r.changes()) {
            lines.add(c.describe());
        }
        return new Notice(level(r.outcome()), title, lines, "");
    }

    private static Notice.Level level(Outcome o) {
        return switch (o) {
            case CHANGED -> Notice.Level.CHANGED;
            case FAILED -> Notice.Level.FAILED;
            case SKIPPED_OUTAGE -> Notice.Level.WARNING;
            default -> Notice.Level.INFO;
        };
    }

    /** Sends what is queued, waiting at most {@code grace}; whatever is left then is dropped. */
    public void close(Duration grace) {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(Objects.requireNonNull(grace).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} chat notifications not sent before shutdown", sender.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
