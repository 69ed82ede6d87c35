package io.jenkins.plugins.mesa.change;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one port change, identical in shape for every back-end.
 *
 * @param outcome     changed, unchanged (already in the profile), dry-run, or failed
 * @param backend     which back-end did it ({@code junos}, {@code cso}, {@code mist})
 * @param diff        human-readable before→after (Junos "show | compare" text, or a summary);
 *                    empty when unchanged
 * @param comment     the commit comment / change reference text that was used
 * @param remoteRef   reference to the change on the remote side (commit id, CSO job id, Mist
 *                    device id); empty when none
 * @param timings     per-stage durations, in the order the stages ran
 * @param failedStage the stage that failed, or {@code null} unless {@code outcome == FAILED}
 * @param leftIn      what the switch was left with
 * @param message     one line for humans: why it failed, or what happened
 */
public record ChangeResult(Outcome outcome, String backend, String diff, String comment, String remoteRef,
                           List<StageTiming> timings, Stage failedStage, SwitchState leftIn, String message) {

    public enum Outcome { CHANGED, UNCHANGED, DRY_RUN, FAILED }

    public ChangeResult {
        timings = List.copyOf(timings == null ? List.of() : timings);
        diff = diff == null ? "" : diff;
        comment = comment == null ? "" : comment;
        remoteRef = remoteRef == null ? "" : remoteRef;
        message = message == null ? "" : message;
        if ((outcome == Outcome.FAILED) != (failedStage != null)) {
            throw new IllegalArgumentException("failedStage must be set exactly when the outcome is FAILED");
        }
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }

    public Duration total() {
        return timings.stream().map(StageTiming::took).reduce(Duration.ZERO, Duration::plus);
    }
}
