package io.jenkins.plugins.mesa.junos;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which {@code rpc-error}s of severity warning an RPC may return and still count as a success.
 * Any warning not matched here fails the RPC, like an error.
 */
public record WarningAllowList(List<Pattern> patterns) {

    public WarningAllowList {
        patterns = List.copyOf(patterns);
    }

    /**
     * Warnings Junos gives in normal operation: a {@code delete} of an absent statement (which is
     * what makes profile deletes idempotent), and an empty statement.
     */
    public static WarningAllowList junosDefaults() {
        return of("statement not found", "statement has no contents; ignored");
    }

    /** Each text is matched literally, anywhere in the warning message. */
    public static WarningAllowList of(String... literals) {
        return new WarningAllowList(java.util.Arrays.stream(literals)
                .map(s -> Pattern.compile(Pattern.quote(s))).toList());
    }

    public boolean allows(RpcError warning) {
        return warning.isWarning() && patterns.stream().anyMatch(p -> p.matcher(warning.message()).find());
    }
}
