package io.jenkins.plugins.mesa.jenkins;

import hudson.AbortException;
import java.util.Map;

/**
 * Reports the result of a port change the same way for every back-end: one console line (plus the diff),
 * the run's audit record, and a failed change fails the step with its stage and the switch's resulting state.
 */
final class ChangeReport {
    private ChangeReport() {}

    static void record(
            StepRuntime rt, String stepName, String backend, String target, String profile, Map<String, Object> r)
            throws AbortException {
        String outcome = String.valueOf(
                r.getOrDefault("outcome", Boolean.TRUE.equals(r.get("changed")) ? "CHANGED" : "UNCHANGED"));
        boolean failed = Boolean.TRUE.equals(r.get("failed")) || "FAILED".equals(outcome);
        String diff = text(r.get("diff"));
        String ref = text(r.get("remoteRef"));
        String reason = failed
                ? "failed at " + text(r.get("failedStage")) + ", switch left " + text(r.get("leftIn")) + ": "
                        + text(r.get("message"))
                : "";
        rt.log(target + " → profile " + profile + ": " + outcome + (ref.isEmpty() ? "" : " (" + ref + ")")
                + (failed ? " — " + reason : ""));
        if (!diff.isBlank()) {
            rt.log("diff:\n" + diff);
        }
        MesaChangeAction audit = rt.audit();
        audit.addChange(backend, target, profile, outcome, diff, ref, reason);
        audit.addDecision(
                stepName, outcome.toLowerCase(java.util.Locale.ROOT), failed ? reason : target + " " + outcome, r);
        rt.save();
        if (failed) {
            throw new AbortException(stepName + ": " + target + " " + reason);
        }
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
