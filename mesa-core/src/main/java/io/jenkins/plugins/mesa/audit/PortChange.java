package io.jenkins.plugins.mesa.audit;

import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.SwitchPort;

/**
 * One port change the flow asked a back-end for, and what came of it.
 *
 * @param purpose why: {@code secure} (revert to the secured profile), {@code ap} (AP profile) or
 *                {@code secure-old-port} (the AP moved away from it)
 */
public record PortChange(String purpose, String switchName, String switchMac, String port, String backend,
                         String profile, ChangeResult result) {

    public static PortChange of(String purpose, SwitchPort target, String backend, String profile,
                                ChangeResult result) {
        return new PortChange(purpose, target.switchName(),
                target.switchMac() == null ? "" : target.switchMac().value(), target.port().value(), backend,
                profile, result);
    }

    /** One sentence. */
    public String describe() {
        String where = switchName + " " + port + " to profile " + profile + " via " + backend;
        return switch (result.outcome()) {
            case CHANGED -> "Changed " + where + ref() + took() + ".";
            case UNCHANGED -> "Left " + switchName + " " + port + " as it was: already in profile " + profile
                    + " (" + backend + ").";
            case DRY_RUN -> "Dry run: would change " + where + ".";
            case FAILED -> "Failed to change " + where + " at stage " + result.failedStage() + ", switch left "
                    + result.leftIn() + (result.message().isEmpty() ? "" : ": " + result.message()) + ".";
        };
    }

    private String ref() {
        return result.remoteRef().isEmpty() ? "" : " (ref " + result.remoteRef() + ")";
    }

    private String took() {
        return result.timings().isEmpty() ? "" : " in " + result.total().toMillis() + " ms";
    }
}
