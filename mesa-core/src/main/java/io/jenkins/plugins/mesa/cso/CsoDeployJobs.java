package io.jenkins.plugins.mesa.cso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes to CSO (the original's calls C5 and C6) and reads the deploy job: associate the port
 * profile and LAN segments with the port, start the deploy, read the job's state. Every answer is
 * checked — the original ignored them all.
 */
final class CsoDeployJobs {
    private static final Pattern JOB_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._:-]{0,127}");
    private static final Set<String> REJECTED = Set.of("failed", "failure", "error");
    private static final int TASKS_NAMED = 5;

    private final CsoSettings settings;
    private final CsoClient client;
    private final ObjectMapper json;

    CsoDeployJobs(CsoSettings settings, CsoClient client, ObjectMapper json) {
        this.settings = settings;
        this.client = client;
        this.json = json;
    }

    /** C5: associates the port profile and LAN segments with the port (nothing reaches the switch yet). */
    void assign(CsoAssignment a) {
        ObjectNode entry = association(a);
        entry.put("port_configuration", a.portProfileUuid());
        entry.put("configuration_type", "profile");
        ArrayNode segments = entry.putArray("lan_segment");
        a.segments().forEach(s -> segments.add(s.uuid()));
        if (a.nativeSegment() == null) {
            entry.putNull("native_lan");
        } else {
            entry.put("native_lan", a.nativeSegment().uuid());
        }
        checkAccepted(client.post(settings.paths().apply(), wrap(entry)), settings.paths().apply());
    }

    /** C6: deploys the port's association; returns the deploy job's id. */
    String start(CsoAssignment a) {
        String path = settings.paths().deploy();
        JsonNode answer = client.post(path, wrap(association(a)));
        checkAccepted(answer, path);
        String pointer = settings.jobFields().jobIdPointer();
        String jobId = answer.at(pointer).asText("").trim();
        if (jobId.isEmpty()) {
            throw new CsoException("cso-bad-response", "CSO POST " + path + " answered without a job id at " + pointer
                    + client.excerpt(answer));
        }
        return checkJobId(jobId);
    }

    /** One read of the job's state. */
    JobState poll(String jobId) {
        String path = settings.paths().job().replace("{jobId}", URLEncoder.encode(checkJobId(jobId), StandardCharsets.UTF_8));
        JsonNode answer = client.get(path);
        CsoJobFields fields = settings.jobFields();
        String state = answer.at(fields.statePointer()).asText("").trim();
        if (state.isEmpty()) {
            throw new CsoException("cso-bad-response", "CSO job " + jobId + ": no state at " + fields.statePointer()
                    + client.excerpt(answer));
        }
        String key = state.toLowerCase(Locale.ROOT);
        String message = answer.at(fields.messagePointer()).asText("").trim();
        if (fields.succeededStates().contains(key)) {
            return new JobState(JobState.Status.SUCCEEDED, message.isEmpty() ? state : message);
        }
        if (fields.failedStates().contains(key)) {
            if (message.isEmpty()) {
                message = failedTasks(answer, jobId);
            }
            return new JobState(JobState.Status.FAILED, message.isEmpty() ? state : message);
        }
        return new JobState(JobState.Status.RUNNING, message.isEmpty() ? state : message);
    }

    static String checkJobId(String jobId) {
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new CsoException("bad-job-id", "not a CSO job id: " + printable(jobId));
        }
        return jobId;
    }

    private ObjectNode association(CsoAssignment a) {
        ObjectNode entry = json.createObjectNode();
        entry.put("device_uuid", a.deviceUuid());
        entry.put("port_name", a.target().port().value());
        return entry;
    }

    private ObjectNode wrap(ObjectNode entry) {
        ObjectNode root = json.createObjectNode();
        root.putObject("input").putArray("port_config_association").add(entry);
        return root;
    }

    /** A 2xx answer can still say the operation failed; CSO's {@code /tssm/} operations report it in {@code output}. */
    private void checkAccepted(JsonNode answer, String path) {
        for (String field : List.of("status", "result")) {
            String value = answer.path("output").path(field).asText("").trim().toLowerCase(Locale.ROOT);
            if (REJECTED.contains(value)) {
                throw new CsoException("cso-rejected", "CSO POST " + path + " answered " + field + " " + value
                        + client.excerpt(answer));
            }
        }
    }

    /** The failed leaf tasks of a job's {@code summary.task_tree}, as CSO's job service reports them. */
    private static String failedTasks(JsonNode answer, String jobId) {
        List<String> failed = new ArrayList<>();
        collectFailed(answer.path("job").path("summary").path("task_tree"), failed);
        if (failed.isEmpty()) {
            return "";
        }
        List<String> shown = failed.stream().limit(TASKS_NAMED)
                .map(p -> p.startsWith(jobId + "/") ? p.substring(jobId.length() + 1) : p).toList();
        return "failed tasks: " + String.join("; ", shown)
                + (failed.size() > TASKS_NAMED ? " and " + (failed.size() - TASKS_NAMED) + " more" : "");
    }

    private static void collectFailed(JsonNode task, List<String> out) {
        JsonNode children = task.path("children");
        if (children.isArray() && !children.isEmpty()) {
            children.forEach(c -> collectFailed(c, out));
        } else if ("failed".equalsIgnoreCase(task.path("task_status").asText()) && task.hasNonNull("path")) {
            out.add(task.path("path").asText());
        }
    }

    private static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
