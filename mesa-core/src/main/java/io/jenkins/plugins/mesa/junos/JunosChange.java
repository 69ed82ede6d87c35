package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.ChangeResult.Outcome;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One port change on one leased switch: the stage sequence and every failure path. */
final class JunosChange {
    private static final Logger LOG = LoggerFactory.getLogger(JunosChange.class);

    private final JunosSessions.Lease lease;
    private final List<String> statements;
    private final String comment;
    private final int confirmMinutes;
    private final boolean dryRun;
    private final JunosPortConfigurator.Settings settings;
    private final String backend;
    private final Instant queued;
    private final List<StageTiming> timings = new ArrayList<>();
    private JunosRpcs rpcs;
    private String diff = "";
    private String switchName = "";
    private Stage current = Stage.CONNECT;

    JunosChange(JunosSessions.Lease lease, List<String> statements, String comment, int confirmMinutes, boolean dryRun,
                JunosPortConfigurator.Settings settings, String backend, Instant queued) {
        this.lease = lease;
        this.statements = statements;
        this.comment = comment;
        this.confirmMinutes = confirmMinutes;
        this.dryRun = dryRun;
        this.settings = settings;
        this.backend = backend;
        this.queued = queued;
        this.switchName = lease.target().switchName();
    }

    /**
     * Runs the change. An unexpected exception (a bug, not a switch answer) still leaves the switch
     * consistent: the session is closed, which makes Junos discard the candidate and release the lock.
     */
    ChangeResult run() {
        try {
            return runStages();
        } catch (RuntimeException e) {
            LOG.error("{}: unexpected error at {}", switchName, current, e);
            lease.dropSession();
            boolean committed = current.compareTo(Stage.COMMIT) >= 0;
            return failed(current, committed ? SwitchState.UNKNOWN : SwitchState.BEFORE,
                    "internal error at " + current + " (" + e.getClass().getSimpleName() + "); session closed"
                            + (committed ? ", a confirmed commit may roll back within " + confirmMinutes + " min" : ""));
        }
    }

    private ChangeResult runStages() {
        Instant pendingUntil = lease.pendingConfirmUntil();
        if (!dryRun && pendingUntil != null && now().isBefore(pendingUntil)) {
            timed(Stage.LOCK, queued);
            return failed(Stage.LOCK, SwitchState.BEFORE, "an earlier change left a confirmed commit that may still be "
                    + "pending on this switch until " + pendingUntil + "; refusing to commit over it, since confirming "
                    + "would make that unverified change permanent");
        }
        // CONNECT (includes the wait for the switch to be free)
        try {
            rpcs = lease.connect();
        } catch (NetconfException e) {
            timed(Stage.CONNECT, queued);
            return failed(Stage.CONNECT, SwitchState.BEFORE, e.getMessage());
        }
        timed(Stage.CONNECT, queued);

        // LOCK
        Instant start = begin(Stage.LOCK);
        try {
            lockWithRetry();
        } catch (LockHeldException e) {
            timed(Stage.LOCK, start);
            return failed(Stage.LOCK, SwitchState.BEFORE, "configuration lock held by another session after "
                    + settings.lockRetry().attempts() + " attempts: " + oneLine(e.holder()));
        } catch (NetconfException e) {
            timed(Stage.LOCK, start);
            dropIfBroken();
            return failed(Stage.LOCK, SwitchState.BEFORE, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timed(Stage.LOCK, start);
            return failed(Stage.LOCK, SwitchState.BEFORE, "interrupted while waiting to retry the lock");
        }
        timed(Stage.LOCK, start);

        // LOAD
        start = begin(Stage.LOAD);
        try {
            rpcs.loadSet(statements);
        } catch (NetconfException e) {
            timed(Stage.LOAD, start);
            return abandon(Stage.LOAD, SwitchState.BEFORE, "load failed: " + e.getMessage());
        }
        timed(Stage.LOAD, start);

        // DIFF
        start = begin(Stage.DIFF);
        try {
            diff = rpcs.compareRollback0();
        } catch (NetconfException e) {
            timed(Stage.DIFF, start);
            return abandon(Stage.DIFF, SwitchState.BEFORE, "diff failed: " + e.getMessage());
        }
        timed(Stage.DIFF, start);
        if (diff.isEmpty() || dryRun) {
            String cleanup = release(true);
            Outcome outcome = diff.isEmpty() ? Outcome.UNCHANGED : Outcome.DRY_RUN;
            String what = diff.isEmpty() ? "port already in the requested profile; nothing committed"
                    : "dry run: candidate discarded, nothing committed";
            return result(outcome, null, diff.isEmpty() ? SwitchState.AFTER : SwitchState.BEFORE, what + cleanup);
        }

        // CHECK
        start = begin(Stage.CHECK);
        try {
            rpcs.commitCheck();
        } catch (NetconfException e) {
            timed(Stage.CHECK, start);
            return abandon(Stage.CHECK, SwitchState.BEFORE, "commit check failed: " + e.getMessage());
        }
        timed(Stage.CHECK, start);

        // COMMIT (confirmed)
        start = begin(Stage.COMMIT);
        try {
            rpcs.commitConfirmed(confirmMinutes, comment);
        } catch (NetconfException e) {
            timed(Stage.COMMIT, start);
            if (sessionOpen() && e instanceof RpcErrorException re) {
                if (warningsOnly(re)) {
                    return abandon(Stage.COMMIT, SwitchState.ROLLBACK_PENDING, "commit applied with warnings not on "
                            + "the allow-list (" + e.getMessage() + "); not confirmed, the switch rolls back within "
                            + confirmMinutes + " min");
                }
                return abandon(Stage.COMMIT, SwitchState.BEFORE, "commit refused: " + e.getMessage());
            }
            lease.dropSession();
            return failed(Stage.COMMIT, SwitchState.ROLLBACK_PENDING, "no answer to the confirmed commit ("
                    + e.getMessage() + "); if the switch applied it, it rolls back by itself within "
                    + confirmMinutes + " min");
        }
        timed(Stage.COMMIT, start);

        // VERIFY
        start = begin(Stage.VERIFY);
        List<String> mismatches;
        try {
            mismatches = ProfileCheck.mismatches(statements, rpcs.committedSetStatements());
        } catch (NetconfException e) {
            timed(Stage.VERIFY, start);
            return abandon(Stage.VERIFY, SwitchState.ROLLBACK_PENDING, "cannot read back the configuration ("
                    + e.getMessage() + "); not confirmed, the switch rolls back within " + confirmMinutes + " min");
        }
        timed(Stage.VERIFY, start);
        if (!mismatches.isEmpty()) {
            return abandon(Stage.VERIFY, SwitchState.ROLLBACK_PENDING, "committed configuration does not match the profile ("
                    + String.join("; ", mismatches.subList(0, Math.min(5, mismatches.size())))
                    + "); not confirmed, the switch rolls back within " + confirmMinutes + " min");
        }

        // CONFIRM
        start = begin(Stage.CONFIRM);
        try {
            rpcs.commit(comment);
        } catch (NetconfException e) {
            timed(Stage.CONFIRM, start);
            if (sessionOpen() && e instanceof RpcErrorException re) {
                if (warningsOnly(re)) {
                    return abandon(Stage.CONFIRM, SwitchState.AFTER, "confirmed, but the switch answered with "
                            + "warnings not on the allow-list: " + e.getMessage());
                }
                return abandon(Stage.CONFIRM, SwitchState.ROLLBACK_PENDING, "confirming commit refused ("
                        + e.getMessage() + "); the switch rolls back within " + confirmMinutes + " min");
            }
            lease.dropSession();
            return failed(Stage.CONFIRM, SwitchState.UNKNOWN, "no answer to the confirming commit (" + e.getMessage()
                    + "); the new configuration stays if the confirmation arrived, otherwise the switch rolls back within "
                    + confirmMinutes + " min");
        }
        timed(Stage.CONFIRM, start);

        // UNLOCK
        start = begin(Stage.UNLOCK);
        String note = "";
        try {
            rpcs.unlockConfiguration();
        } catch (NetconfException e) {
            lease.dropSession();
            note = "; unlock failed (" + e.getMessage() + "), session closed to release the lock";
        }
        timed(Stage.UNLOCK, start);
        return result(Outcome.CHANGED, null, SwitchState.AFTER, "committed and confirmed on " + switchName + note);
    }

    private void lockWithRetry() throws InterruptedException {
        LockRetry retry = settings.lockRetry();
        for (int attempt = 1; ; attempt++) {
            try {
                rpcs.lockConfiguration();
                return;
            } catch (SessionLostException | NetconfTimeoutException e) {
                if (attempt == 1 && lease.reusedSession()) {
                    // The pooled session went stale while idle; one fresh connection is worth a try.
                    LOG.debug("{}: reused session lost, reconnecting", switchName);
                    lease.dropSession();
                    rpcs = lease.connect();
                    attempt = 0;
                    continue;
                }
                throw e;
            } catch (LockHeldException e) {
                if (attempt >= retry.attempts()) {
                    throw e;
                }
                Duration wait = retry.delayBefore(attempt + 1);
                LOG.info("{}: configuration locked by another session, retry {} of {} in {} s", switchName,
                        attempt + 1, retry.attempts(), wait.toSeconds());
                settings.pause().pause(wait);
            }
        }
    }

    /** Cleans up after a failure once the lock is held, then reports the failure. */
    private ChangeResult abandon(Stage stage, SwitchState state, String why) {
        return failed(stage, state, why + release(false));
    }

    /**
     * Discards the candidate and unlocks. If that is impossible, closes the session, which makes
     * Junos do both. Returns a note for the result message.
     */
    private String release(boolean quiet) {
        Instant start = now();
        String note;
        if (!sessionOpen()) {
            lease.dropSession();
            note = "; session lost, so the switch discarded the candidate and released the lock";
        } else {
            try {
                rpcs.discardChanges();
                rpcs.unlockConfiguration();
                note = quiet ? "" : "; candidate discarded and lock released";
            } catch (NetconfException e) {
                lease.dropSession();
                note = "; cleanup failed (" + e.getMessage() + "), session closed so the switch discards and unlocks";
            }
        }
        timed(Stage.UNLOCK, start);
        return note;
    }

    /** Junos commits despite warnings, so a commit answered with warnings only did happen. */
    private static boolean warningsOnly(RpcErrorException e) {
        return !e.errors().isEmpty() && e.errors().stream().allMatch(RpcError::isWarning);
    }

    private boolean sessionOpen() {
        return rpcs != null && rpcs.session().isOpen();
    }

    private void dropIfBroken() {
        if (!sessionOpen()) {
            lease.dropSession();
        }
    }

    private ChangeResult failed(Stage stage, SwitchState state, String message) {
        if (state == SwitchState.ROLLBACK_PENDING || state == SwitchState.UNKNOWN) {
            lease.markPendingConfirm(now().plus(Duration.ofMinutes(confirmMinutes)));
        }
        LOG.warn("{}: port change failed at {} ({}): {}", switchName, stage, state, message);
        return result(Outcome.FAILED, stage, state, message);
    }

    private ChangeResult result(Outcome outcome, Stage failedStage, SwitchState state, String message) {
        return new ChangeResult(outcome, backend, diff, comment, "", timings, failedStage, state, message);
    }

    private Instant now() {
        return settings.clock().instant();
    }

    private Instant begin(Stage stage) {
        current = stage;
        return now();
    }

    private void timed(Stage stage, Instant start) {
        timings.add(new StageTiming(stage, Duration.between(start, now())));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
