package io.jenkins.plugins.mesa.cso;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the job id, state and message sit in CSO's JSON, as JSON Pointers (RFC 6901), and which
 * state values end a job. CSO's job API is thinly documented; the defaults match the answers seen
 * in public CSO API collections ({@code {"output":{"job_id":…}}} from a {@code /tssm/} operation,
 * {@code {"job":{"status":"in-progress"|"success"|"failed"}}} from the job service). A state that
 * is neither succeeded nor failed counts as still running, so the deploy deadline bounds it.
 *
 * @param jobIdPointer     in the deploy answer
 * @param statePointer     in the job-status answer
 * @param messagePointer   in the job-status answer; when absent, the failed tasks of
 *                         {@code /job/summary/task_tree} are named instead
 * @param succeededStates  state values (case-insensitive) meaning the deploy is done
 * @param failedStates     state values (case-insensitive) meaning the deploy failed
 */
public record CsoJobFields(String jobIdPointer, String statePointer, String messagePointer,
                           Set<String> succeededStates, Set<String> failedStates) {

    public CsoJobFields {
        jobIdPointer = pointer("jobIdPointer", jobIdPointer);
        statePointer = pointer("statePointer", statePointer);
        messagePointer = pointer("messagePointer", messagePointer);
        succeededStates = lower(succeededStates);
        failedStates = lower(failedStates);
        if (succeededStates.isEmpty() || failedStates.isEmpty()) {
            throw new IllegalArgumentException("CSO job states: succeeded and failed must each name at least one value");
        }
        if (succeededStates.stream().anyMatch(failedStates::contains)) {
            throw new IllegalArgumentException("CSO job states: a value cannot mean both succeeded and failed");
        }
    }

    public static CsoJobFields defaults() {
        return new CsoJobFields("/output/job_id", "/job/status", "/job/message",
                Set.of("success", "succeeded", "completed"), Set.of("failed", "failure", "error", "aborted", "cancelled"));
    }

    private static String pointer(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException("CSO job field " + name + " must be a JSON Pointer such as /job/status, was: " + value);
        }
        return value;
    }

    private static Set<String> lower(Set<String> values) {
        Objects.requireNonNull(values, "states");
        return values.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
