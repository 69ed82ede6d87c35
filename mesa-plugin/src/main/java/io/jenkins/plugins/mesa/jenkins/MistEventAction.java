package io.jenkins.plugins.mesa.jenkins;

import hudson.model.Action;
import hudson.model.InvisibleAction;
import hudson.model.Queue;
import java.util.List;

/**
 * Keeps one queue item per Mist event. Jenkins folds a new schedule request into a waiting item of the same
 * job unless a {@link Queue.QueueAction} says the two differ; this action says they differ exactly when the
 * event ids differ. So a burst of distinct events gives one run each, and an exact re-delivery folds.
 * It also lets MESA find waiting items by AP and site (hold-down cancel, outage coalescing).
 */
public final class MistEventAction extends InvisibleAction implements Queue.QueueAction {
    private final String eventId;
    private final String type;
    private final String apMac;
    private final String siteId;

    public MistEventAction(String eventId, String type, String apMac, String siteId) {
        this.eventId = eventId;
        this.type = type;
        this.apMac = apMac;
        this.siteId = siteId;
    }

    @Override
    public boolean shouldSchedule(List<Action> actions) {
        for (Action a : actions) {
            if (a instanceof MistEventAction other) {
                return !eventId.equals(other.eventId);
            }
        }
        return true; // anything that is not the same Mist event (a manual build, another trigger) is different
    }

    public String getEventId() {
        return eventId;
    }

    public String getType() {
        return type;
    }

    public String getApMac() {
        return apMac;
    }

    public String getSiteId() {
        return siteId;
    }
}
