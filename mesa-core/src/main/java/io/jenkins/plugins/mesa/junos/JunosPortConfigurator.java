package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.http.Pause;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Changes a port on a Junos switch over NETCONF, the way a careful engineer would: exclusive lock →
 * {@code load set} → "show | compare" (empty ⇒ discard, unlock, {@code UNCHANGED}) → commit check →
 * commit confirmed N minutes with a comment naming the event → read back and verify the port →
 * confirming commit → unlock. A dry run stops after the diff and discards.
 *
 * <p>Whatever fails after the load is cleaned up: the candidate is discarded and the lock released
 * (or, when the session itself is gone, the switch does both as the session ends). Once the
 * confirmed commit is in, MESA never commits anything but the confirmation; if that cannot be sent
 * or the read-back does not match, the switch rolls back by itself when the timer expires. The
 * result names the failed stage and the state the switch was left in.
 *
 * <p>Changes to one switch are serialised through {@link JunosSessions}. A switch configured without a
 * host is reached at the address Mist reports for the request's switch MAC ({@link JunosTargets#addressOf});
 * when that address cannot be found the change fails at {@code CONNECT} with the switch untouched.
 */
public final class JunosPortConfigurator implements PortConfigurator {
    private final JunosTargets targets;
    private final PortProfiles profiles;
    private final JunosSessions sessions;
    private final Settings settings;

    /**
     * Engine settings.
     *
     * @param defaultConfirmMinutes confirmed-commit window when the request says 0
     * @param lockRetry             retries of a lock held by someone else
     * @param pause                 waits between lock attempts (injected so tests do not sleep)
     * @param clock                 measures stage timings
     */
    public record Settings(int defaultConfirmMinutes, LockRetry lockRetry, Pause pause, Clock clock) {
        public Settings {
            if (defaultConfirmMinutes < 1 || defaultConfirmMinutes > 65535) {
                throw new IllegalArgumentException("confirm minutes must be 1..65535");
            }
            Objects.requireNonNull(lockRetry, "lockRetry");
            Objects.requireNonNull(pause, "pause");
            Objects.requireNonNull(clock, "clock");
        }

        public static Settings defaults() {
            return new Settings(5, LockRetry.defaults(), Pause.REAL, Clock.systemUTC());
        }
    }

    public JunosPortConfigurator(JunosTargets targets, PortProfiles profiles, JunosSessions sessions, Settings settings) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String backend() {
        return "junos";
    }

    /**
     * Applies the request. Throws {@link ProfileException} (unknown profile, missing or invalid
     * variable) before touching the switch; every other failure is a {@code FAILED} result.
     */
    @Override
    public ChangeResult apply(ChangeRequest request) {
        PortProfile profile = profiles.require(request.profile());
        List<String> statements = profile.render(request.target().port(), request.variables());
        String comment = commentFor(request);
        int confirmMinutes = request.confirmMinutes() > 0 ? request.confirmMinutes() : settings.defaultConfirmMinutes();
        String switchName = request.target().switchName();
        JunosTarget target = targets.find(switchName).orElse(null);
        if (target == null) {
            return connectFailed(comment, Duration.ZERO, "no NETCONF settings for switch " + switchName);
        }
        Instant queued = settings.clock().instant();
        try (JunosSessions.Lease lease = sessions.lease(target,
                () -> targets.addressOf(switchName, request.target().switchMac()))) {
            return new JunosChange(lease, statements, comment, confirmMinutes, request.dryRun(), settings, backend(),
                    queued).run();
        } catch (SwitchBusyException e) {
            return connectFailed(comment, Duration.between(queued, settings.clock().instant()), e.getMessage());
        }
    }

    private ChangeResult connectFailed(String comment, Duration took, String why) {
        return new ChangeResult(ChangeResult.Outcome.FAILED, backend(), "", comment, "",
                List.of(new StageTiming(Stage.CONNECT, took)), Stage.CONNECT, SwitchState.BEFORE, why);
    }

    /** The commit comment: the request's (it names the event), made safe for one line of text. */
    static String commentFor(ChangeRequest request) {
        String c = request.comment().isBlank()
                ? "MESA " + request.profile() + " on " + request.target().port()
                : request.comment();
        c = c.replaceAll("\\p{Cntrl}", " ").strip();
        return c.length() > 200 ? c.substring(0, 200) : c;
    }
}
