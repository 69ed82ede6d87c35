package io.jenkins.plugins.mesa.jenkins;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * What happened to one AP event of a webhook delivery, as reported in the webhook's JSON response. Job names
 * are deliberately absent: the caller is unauthenticated and learns only queue ids.
 */
record EventOutcome(String eventId, String type, String apMac, String status, List<JobOutcome> jobs) {
    static final String DISPATCHED = "dispatched";
    static final String OUTAGE = "site-outage";
    static final String DUPLICATE = "duplicate";
    static final String NO_SUBSCRIBED_JOB = "no-subscribed-job";

    static EventOutcome of(ApEvent e, String status, List<JobOutcome> jobs) {
        return new EventOutcome(e.eventId(), e.type(), e.ap().value(), status, List.copyOf(jobs));
    }

    /** True when at least one run was queued for this event. */
    boolean scheduledAny() {
        return jobs.stream()
                .anyMatch(
                        j -> JobOutcome.SCHEDULED.equals(j.status()) || JobOutcome.OUTAGE_SCHEDULED.equals(j.status()));
    }

    JSONObject toJson() {
        JSONObject o = new JSONObject();
        o.put("eventId", eventId);
        o.put("type", type);
        o.put("apMac", apMac);
        o.put("status", status);
        JSONArray runs = new JSONArray();
        for (JobOutcome j : jobs) {
            runs.add(j.toJson());
        }
        o.put("runs", runs);
        return o;
    }
}
