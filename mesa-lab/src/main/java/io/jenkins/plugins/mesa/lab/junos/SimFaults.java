package io.jenkins.plugins.mesa.lab.junos;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Faults a test injects into one simulated switch. Every fault stays in force until cleared
 * ({@link #clear()}), so a retry meets the same fault, like a real persistent problem.
 */
public final class SimFaults {
    private volatile boolean refuseAuth;
    private volatile String foreignLockHolder;
    private volatile String loadErrorOn;
    private volatile String commitCheckError;
    private volatile String commitError;
    private volatile String commitWarning;
    private volatile String confirmWarning;
    private volatile boolean wrongMessageId;
    private final Set<SimStage> dropBefore = EnumSet.noneOf(SimStage.class);
    private final Set<SimStage> dropAfter = EnumSet.noneOf(SimStage.class);
    private volatile CommitGate commitGate;

    /** Refuse every authentication attempt (password and key). */
    public SimFaults refuseAuth(boolean refuse) {
        this.refuseAuth = refuse;
        return this;
    }

    /**
     * Another (invisible) session holds the exclusive lock; lock attempts fail with
     * "configuration database locked by:" followed by {@code holder}, e.g.
     * {@code "ops terminal p0 (pid 4242) on since 2026-11-29 01:00:00 UTC"}. {@code null} releases it.
     */
    public SimFaults lockHeldBy(String holder) {
        this.foreignLockHolder = holder;
        return this;
    }

    /** Loading a line containing {@code fragment} fails with a Junos syntax error. */
    public SimFaults loadErrorOn(String fragment) {
        this.loadErrorOn = fragment;
        return this;
    }

    /** {@code commit check} (and every commit) fails validation with this message. */
    public SimFaults commitCheckError(String message) {
        this.commitCheckError = message;
        return this;
    }

    /** Real commits (not the check) fail with this message; running stays unchanged. */
    public SimFaults commitError(String message) {
        this.commitError = message;
        return this;
    }

    /**
     * Real commits succeed but their reply also carries a warning-severity {@code rpc-error} with
     * this message, as Junos does for commit-time warnings.
     */
    public SimFaults commitWarning(String message) {
        this.commitWarning = message;
        return this;
    }

    /** Like {@link #commitWarning(String)}, but only for plain commits (the confirmation of a confirmed commit). */
    public SimFaults confirmWarning(String message) {
        this.confirmWarning = message;
        return this;
    }

    /** Replies carry a message-id that does not match the request's (a confused or hostile peer). */
    public SimFaults wrongMessageId(boolean wrong) {
        this.wrongMessageId = wrong;
        return this;
    }

    /** Drop the SSH connection when an RPC of this kind arrives, before acting on it. */
    public synchronized SimFaults dropBefore(SimStage stage) {
        dropBefore.add(stage);
        return this;
    }

    /** Act on an RPC of this kind, then drop the SSH connection instead of replying. */
    public synchronized SimFaults dropAfter(SimStage stage) {
        dropAfter.add(stage);
        return this;
    }

    /** The confirming commit never reaches the switch (the connection drops when it is sent). */
    public SimFaults confirmNeverArrives() {
        return dropBefore(SimStage.COMMIT);
    }

    /**
     * Real commits (confirmed and plain, not the check) wait at the returned gate until the test releases it: a slow
     * commit without any sleeping.
     */
    public CommitGate holdCommits() {
        CommitGate gate = new CommitGate();
        this.commitGate = gate;
        return gate;
    }

    /** Removes every fault and releases a held commit gate. */
    public synchronized SimFaults clear() {
        refuseAuth = false;
        foreignLockHolder = null;
        loadErrorOn = null;
        commitCheckError = null;
        commitError = null;
        commitWarning = null;
        confirmWarning = null;
        wrongMessageId = false;
        dropBefore.clear();
        dropAfter.clear();
        CommitGate gate = commitGate;
        commitGate = null;
        if (gate != null) {
            gate.release();
        }
        return this;
    }

    boolean refusesAuth() {
        return refuseAuth;
    }

    Optional<String> foreignLockHolder() {
        return Optional.ofNullable(foreignLockHolder);
    }

    Optional<String> loadErrorOn() {
        return Optional.ofNullable(loadErrorOn);
    }

    Optional<String> commitCheckError() {
        return Optional.ofNullable(commitCheckError);
    }

    Optional<String> commitWarning() {
        return Optional.ofNullable(commitWarning);
    }

    boolean wrongMessageId() {
        return wrongMessageId;
    }

    Optional<String> confirmWarning() {
        return Optional.ofNullable(confirmWarning);
    }

    Optional<String> commitError() {
        return Optional.ofNullable(commitError);
    }

    synchronized boolean dropsBefore(SimStage stage) {
        return dropBefore.contains(stage);
    }

    synchronized boolean dropsAfter(SimStage stage) {
        return dropAfter.contains(stage);
    }

    Optional<CommitGate> commitGate() {
        return Optional.ofNullable(commitGate);
    }

    /** Holds commits until released; lets a test observe that a commit is in progress. */
    public static final class CommitGate {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);

        void pass() {
            arrived.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits (bounded) until a commit is being held. */
        public boolean awaitCommitArrived(long timeout, TimeUnit unit) throws InterruptedException {
            return arrived.await(timeout, unit);
        }

        public void release() {
            released.countDown();
        }

        void done() {
            done.countDown();
        }

        /**
         * Waits (bounded) until the held commit has been carried out or refused after {@link #release()}:
         * without this a test could move the simulated clock before the late commit lands.
         */
        public boolean awaitCommitDone(long timeout, TimeUnit unit) throws InterruptedException {
            return done.await(timeout, unit);
        }
    }
}
