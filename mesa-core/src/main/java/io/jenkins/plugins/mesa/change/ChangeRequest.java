package io.jenkins.plugins.mesa.change;

import java.util.Map;
import java.util.Objects;

/**
 * Apply one named profile to one switch port.
 *
 * @param target         the switch port
 * @param profile        profile name: {@code ap}, {@code secured} or a configured custom name; each
 *                       back-end maps the name to its own representation (Junos statements, Mist
 *                       port usage, CSO port profile + LAN segments)
 * @param variables      values for the profile's named variables (validated by the back-end)
 * @param dryRun         compute and report the difference, change nothing
 * @param comment        commit comment / change reference text (names the event)
 * @param confirmMinutes Junos confirmed-commit window; 0 means the back-end's configured default
 */
public record ChangeRequest(SwitchPort target, String profile, Map<String, String> variables,
                            boolean dryRun, String comment, int confirmMinutes) {
    public ChangeRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(profile, "profile");
        variables = Map.copyOf(variables == null ? Map.of() : variables);
        comment = comment == null ? "" : comment;
        if (confirmMinutes < 0 || confirmMinutes > 65535) {
            throw new IllegalArgumentException("confirmMinutes must be 0..65535, was " + confirmMinutes);
        }
    }

    public static ChangeRequest of(SwitchPort target, String profile, String comment) {
        return new ChangeRequest(target, profile, Map.of(), false, comment, 0);
    }

    public ChangeRequest asDryRun() {
        return new ChangeRequest(target, profile, variables, true, comment, confirmMinutes);
    }
}
