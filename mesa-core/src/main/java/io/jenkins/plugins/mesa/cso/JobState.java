package io.jenkins.plugins.mesa.cso;

import java.util.Objects;

/**
 * The state of a CSO deploy job at one poll.
 *
 * @param status  running, or how it ended
 * @param message CSO's message for the job, the failed tasks, or the raw state; never a secret
 */
public record JobState(Status status, String message) {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public JobState {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    /** True once the job has ended, successfully or not. */
    public boolean done() {
        return status != Status.RUNNING;
    }
}
