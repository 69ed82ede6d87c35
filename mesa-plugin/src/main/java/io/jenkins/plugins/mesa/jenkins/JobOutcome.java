package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/** What one subscribed job did with one event: a queue id when something is queued, and cancelled items. */
record JobOutcome(
        String status,
        @CheckForNull Long queueId,
        List<Long> cancelledQueueIds,
        @CheckForNull String detail) {
    static final String SCHEDULED = "scheduled";
    static final String OUTAGE_SCHEDULED = "outage-scheduled";
    static final String COALESCED = "coalesced";
    static final String DUPLICATE = "duplicate";
    static final String FILTERED = "filtered";
    static final String NOT_BUILDABLE = "not-buildable";

    JobOutcome {
        cancelledQueueIds = List.copyOf(cancelledQueueIds);
    }

    JSONObject toJson() {
        JSONObject o = new JSONObject();
        o.put("status", status);
        if (queueId != null) {
            o.put("queueId", queueId);
        }
        if (!cancelledQueueIds.isEmpty()) {
            JSONArray ids = new JSONArray();
            ids.addAll(cancelledQueueIds);
            o.put("cancelledQueueIds", ids);
        }
        if (detail != null) {
            o.put("detail", detail);
        }
        return o;
    }
}
