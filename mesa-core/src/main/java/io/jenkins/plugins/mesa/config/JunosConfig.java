package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.http.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Junos NETCONF back-end ({@code junos:}). Profiles are carried as written; the Junos engine
 * validates their templates (variables, braces) when it is built from this configuration.
 *
 * @param confirmMinutes  confirmed-commit window: the switch rolls back by itself unless MESA confirms in time
 * @param timeouts        connect, per-RPC, commit and idle-session limits
 * @param lockRetry       how a configuration lock held by someone else is retried
 * @param allowedWarnings rpc-error warnings (matched literally, anywhere in the message) that do not fail a change
 * @param profiles        profile name ({@code ap}, {@code secured}, custom) → statements and variable defaults
 */
public record JunosConfig(int confirmMinutes, Timeouts timeouts, RetryPolicy lockRetry, List<String> allowedWarnings,
                          Map<String, Profile> profiles) {
    public static final int DEFAULT_CONFIRM_MINUTES = 5;
    /** Warnings Junos gives in normal operation: deleting an absent statement, an empty statement. */
    public static final List<String> DEFAULT_ALLOWED_WARNINGS =
            List.of("statement not found", "statement has no contents; ignored");
    public static final RetryPolicy DEFAULT_LOCK_RETRY =
            new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(30));
    static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");

    public JunosConfig {
        if (confirmMinutes < 1 || confirmMinutes > 65535) {
            throw new IllegalArgumentException("junos.confirmMinutes must be 1..65535");
        }
        Objects.requireNonNull(timeouts, "junos.timeouts");
        Objects.requireNonNull(lockRetry, "junos.lockRetry");
        allowedWarnings = Copies.list(allowedWarnings);
        profiles = Copies.map(profiles);
    }

    /** Defaults with no profiles (a configuration that uses the junos back-end must define {@code ap} and {@code secured}). */
    public static JunosConfig defaults() {
        return new JunosConfig(DEFAULT_CONFIRM_MINUTES, Timeouts.defaults(), DEFAULT_LOCK_RETRY,
                DEFAULT_ALLOWED_WARNINGS, Map.of());
    }

    /**
     * NETCONF time limits.
     *
     * @param connect TCP connect + SSH handshake + NETCONF hello
     * @param rpc     each ordinary RPC
     * @param commit  a commit (it validates the whole configuration: slow on a real EX)
     * @param idle    an idle session is closed after this long
     */
    public record Timeouts(Duration connect, Duration rpc, Duration commit, Duration idle) {
        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(rpc, "rpc");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(idle, "idle");
        }

        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(180),
                    Duration.ofSeconds(60));
        }
    }

    /**
     * One port profile.
     *
     * @param statements Junos {@code set}/{@code delete} templates with {@code {interface}} and other variables
     * @param variables  default values of the profile's variables (e.g. {@code native_vlan}, {@code vlans})
     */
    public record Profile(List<String> statements, Map<String, String> variables) {
        public Profile {
            statements = Copies.list(statements);
            variables = Copies.map(variables);
            if (statements.isEmpty()) {
                throw new IllegalArgumentException("a Junos profile needs at least one statement");
            }
        }
    }

    static JunosConfig read(Section s) {
        JunosConfig d = defaults();
        int confirm = s.integer("confirmMinutes", d.confirmMinutes(), 1, 65535);
        Section t = s.section("timeouts");
        Timeouts td = Timeouts.defaults();
        Duration max = Duration.ofHours(1);
        Timeouts timeouts = new Timeouts(
                t.duration("connect", td.connect(), HttpTimeouts.MIN, max),
                t.duration("rpc", td.rpc(), HttpTimeouts.MIN, max),
                t.duration("commit", td.commit(), HttpTimeouts.MIN, max),
                t.duration("idle", td.idle(), Duration.ZERO, Duration.ofDays(1)));
        t.finish();
        RetryPolicy lockRetry = Retries.read(s.section("lockRetry"), DEFAULT_LOCK_RETRY);
        List<String> warnings = s.textList("allowedWarnings", DEFAULT_ALLOWED_WARNINGS);
        Map<String, Profile> profiles = new LinkedHashMap<>();
        s.sectionMap("profiles").forEach((name, p) -> {
            List<String> statements = p.textList("statements", List.of());
            Map<String, String> variables = p.textMap("variables", Map.of());
            boolean given = p.has("statements");
            p.finish();
            if (!PROFILE_NAME.matcher(name).matches()) {
                p.reading().error(p.line(), p.path(), "profile names are letters, digits, _ and - (up to 64)");
            } else if (!given) {
                p.missing("statements", "the Junos set/delete statements of the profile");
            } else if (statements.isEmpty()) {
                p.error("statements", "needs at least one statement");
            } else {
                profiles.put(name, new Profile(statements, variables));
            }
        });
        s.finish();
        return new JunosConfig(confirm, timeouts, lockRetry, warnings, profiles);
    }
}
