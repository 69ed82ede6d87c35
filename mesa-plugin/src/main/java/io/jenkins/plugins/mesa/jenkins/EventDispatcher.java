package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.Queue;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Turns accepted AP events into queue items: one per event and subscribed job, never merged. Applies dedup,
 * the hold-down (a disconnect waits in the queue for the hold-down; a connect for the same AP cancels it) and
 * outage coalescing (when a site outage is declared, its waiting disconnects are replaced by one outage run).
 *
 * <p>Must be called as SYSTEM: it looks at every job to find the subscribed ones.
 */
final class EventDispatcher {
    private static final Logger LOGGER = Logger.getLogger(EventDispatcher.class.getName());

    private final MesaConfiguration config;
    private final EventGate gate;

    EventDispatcher(MesaConfiguration config, EventGate gate) {
        this.config = config;
        this.gate = gate;
    }

    /** Handles each event in order and says what happened to it. */
    List<EventOutcome> dispatch(List<ApEvent> events) {
        List<EventOutcome> outcomes = new ArrayList<>(events.size());
        for (ApEvent e : events) {
            outcomes.add(dispatch(e));
        }
        return outcomes;
    }

    private EventOutcome dispatch(ApEvent e) {
        if (!gate.firstDelivery(e.eventId(), Duration.ofMinutes(config.getDedupWindowMinutes()))) {
            LOGGER.fine(() -> "MESA: duplicate delivery of event " + e.eventId());
            return EventOutcome.of(e, EventOutcome.DUPLICATE, List.of());
        }
        EventGate.OutageStatus outage = null;
        if (e.kind() == ApEvent.Kind.DISCONNECTED) {
            outage = gate.recordDisconnect(
                    e.siteId(),
                    e.ap().value(),
                    new EventGate.OutageRule(
                            Duration.ofSeconds(config.getOutageWindowSeconds()), config.getOutageThresholdCount()));
        } else {
            gate.recordReconnect(e.siteId(), e.ap().value());
        }
        List<JobOutcome> jobs = new ArrayList<>();
        for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
            MistEventTrigger trigger = ParameterizedJobMixIn.getTrigger(job, MistEventTrigger.class);
            if (trigger != null) {
                jobs.add(dispatchToJob(e, outage, job, trigger));
            }
        }
        if (jobs.isEmpty()) {
            LOGGER.info(() -> "MESA: no job subscribes to Mist events (event " + e.eventId() + ")");
            return EventOutcome.of(e, EventOutcome.NO_SUBSCRIBED_JOB, List.of());
        }
        String status = outage != null && outage.outage() ? EventOutcome.OUTAGE : EventOutcome.DISPATCHED;
        return EventOutcome.of(e, status, jobs);
    }

    private JobOutcome dispatchToJob(
            ApEvent e, @CheckForNull EventGate.OutageStatus outage, Job<?, ?> job, MistEventTrigger trigger) {
        List<Long> cancelled = new ArrayList<>();
        if (e.kind() != ApEvent.Kind.DISCONNECTED) {
            // The AP is back: a revert still waiting out its hold-down is moot, whatever this job's filters say.
            cancelled.addAll(cancelQueued(
                            job,
                            a -> "AP_DISCONNECTED".equals(a.getType())
                                    && a.getApMac().equals(e.ap().value()))
                    .ids());
        }
        String rejection = trigger.rejection(e);
        if (rejection != null) {
            return new JobOutcome(JobOutcome.FILTERED, null, cancelled, rejection);
        }
        Queue.Item same = queued(job, a -> a.getEventId().equals(e.eventId()));
        if (same != null) {
            return new JobOutcome(JobOutcome.DUPLICATE, same.getId(), cancelled, "already queued");
        }
        if (outage != null && outage.outage() && trigger.isCoalesceOutages()) {
            return coalesce(e, outage, job);
        }
        MistEventCause cause = MistEventCause.of(e);
        cancelled.forEach(cause::addCancelled);
        int quietPeriod = e.kind() == ApEvent.Kind.DISCONNECTED ? config.getHoldDownSeconds() : 0;
        return schedule(
                job,
                quietPeriod,
                cause,
                new MistEventAction(e.eventId(), e.type(), e.ap().value(), e.siteId()),
                cancelled);
    }

    /** The site is in an outage: fold this disconnect into the site's one outage run. */
    private JobOutcome coalesce(ApEvent e, EventGate.OutageStatus outage, Job<?, ?> job) {
        Queue.Item outageItem = queued(
                job,
                a -> MistEventCause.SITE_OUTAGE.equals(a.getType())
                        && a.getSiteId().equals(e.siteId()));
        Cancelled waiting = cancelQueued(
                job, a -> "AP_DISCONNECTED".equals(a.getType()) && a.getSiteId().equals(e.siteId()));
        if (outageItem != null) {
            MistEventCause cause = outageCause(outageItem);
            if (cause != null) {
                cause.addCoalescedAp(e.ap().value());
                waiting.macs().forEach(cause::addCoalescedAp);
                waiting.ids().forEach(cause::addCancelled);
            }
            return new JobOutcome(JobOutcome.COALESCED, outageItem.getId(), waiting.ids(), "site outage run waiting");
        }
        if (!outage.newlyDeclared() && waiting.ids().isEmpty()) {
            // This burst's outage run has already started; it is the record of the outage.
            return new JobOutcome(JobOutcome.COALESCED, null, List.of(), "site outage run already started");
        }
        List<String> aps = new ArrayList<>(outage.aps());
        waiting.macs().stream().filter(m -> !aps.contains(m)).forEach(aps::add);
        MistEventCause cause = MistEventCause.outage(e, outage.declaredAtMillis(), aps);
        waiting.ids().forEach(cause::addCancelled);
        MistEventAction key = new MistEventAction(cause.getEventId(), MistEventCause.SITE_OUTAGE, "", e.siteId());
        JobOutcome scheduled = schedule(job, config.getHoldDownSeconds(), cause, key, waiting.ids());
        LOGGER.info(() -> "MESA: site outage at " + e.siteId() + " (" + aps.size() + " APs); "
                + waiting.ids().size() + " waiting disconnect runs replaced by one outage run");
        return scheduled.status().equals(JobOutcome.SCHEDULED)
                ? new JobOutcome(JobOutcome.OUTAGE_SCHEDULED, scheduled.queueId(), waiting.ids(), "site outage")
                : scheduled;
    }

    private static JobOutcome schedule(
            Job<?, ?> job, int quietPeriod, MistEventCause cause, MistEventAction key, List<Long> cancelled) {
        Queue.Item item = ParameterizedJobMixIn.scheduleBuild2(job, quietPeriod, new CauseAction(cause), key);
        if (item == null) {
            return new JobOutcome(JobOutcome.NOT_BUILDABLE, null, cancelled, "job disabled or not buildable");
        }
        return new JobOutcome(JobOutcome.SCHEDULED, item.getId(), cancelled, null);
    }

    @CheckForNull
    private static MistEventCause outageCause(Queue.Item item) {
        CauseAction ca = item.getAction(CauseAction.class);
        return ca == null ? null : ca.findCause(MistEventCause.class);
    }

    @CheckForNull
    private static Queue.Item queued(Job<?, ?> job, Predicate<MistEventAction> which) {
        if (!(job instanceof Queue.Task task)) {
            return null;
        }
        for (Queue.Item item : Jenkins.get().getQueue().getItems(task)) {
            MistEventAction a = item.getAction(MistEventAction.class);
            if (a != null && which.test(a)) {
                return item;
            }
        }
        return null;
    }

    /** Cancels the job's queued (not yet started) items that match; returns their ids and AP MACs. */
    private static Cancelled cancelQueued(Job<?, ?> job, Predicate<MistEventAction> which) {
        List<Long> ids = new ArrayList<>();
        List<String> macs = new ArrayList<>();
        if (job instanceof Queue.Task task) {
            Queue queue = Jenkins.get().getQueue();
            for (Queue.Item item : queue.getItems(task)) {
                MistEventAction a = item.getAction(MistEventAction.class);
                if (a != null && which.test(a) && queue.cancel(item)) {
                    ids.add(item.getId());
                    macs.add(a.getApMac());
                    LOGGER.info(() -> "MESA: cancelled waiting " + a.getType() + " run for AP " + a.getApMac()
                            + " (queue item " + item.getId() + ")");
                }
            }
        }
        return new Cancelled(ids, macs);
    }

    private record Cancelled(List<Long> ids, List<String> macs) {}
}
