package io.jenkins.plugins.mesa.junos;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * NETCONF sessions of this MESA process, one per switch. A caller leases a switch: the lease is
 * exclusive (so this process never runs two configuration sessions against one switch at once;
 * waiters queue in arrival order), reuses the switch's open session, and returns it on close. A
 * session unused for {@code idleClose} is closed by a background timer; a session that failed is
 * dropped and the next lease reconnects.
 */
public final class JunosSessions implements AutoCloseable {
    private final NetconfTimeouts timeouts;
    private final Duration idleClose;
    private final Duration queueWait;
    private final boolean offerBase11;
    private final WarningAllowList warnings;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "junos-session-idle");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param idleClose   close a switch's session after this long without use
     * @param queueWait   how long a change may wait for the switch to be free before failing
     * @param offerBase11 announce base:1.1 (chunked framing if the switch agrees)
     */
    public JunosSessions(NetconfTimeouts timeouts, Duration idleClose, Duration queueWait, boolean offerBase11,
                         WarningAllowList warnings) {
        this.timeouts = timeouts;
        this.idleClose = idleClose;
        this.queueWait = queueWait;
        this.offerBase11 = offerBase11;
        this.warnings = warnings;
    }

    public static JunosSessions withDefaults() {
        return new JunosSessions(NetconfTimeouts.defaults(), Duration.ofMinutes(2), Duration.ofMinutes(15), true,
                WarningAllowList.junosDefaults());
    }

    public NetconfTimeouts timeouts() {
        return timeouts;
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile NetconfSession session;
        /** Identifies the latest release; an idle timer from an older release does nothing. */
        long releases;
        java.time.Instant pendingConfirmUntil;
    }

    /** Waits (up to {@code queueWait}) for exclusive use of a switch configured with its host. */
    public Lease lease(JunosTarget target) throws SwitchBusyException {
        return lease(target, () -> {
            throw new SwitchHostException("switch-host-unknown", "switch " + target.switchName()
                    + " has no configured host");
        });
    }

    /**
     * Waits (up to {@code queueWait}) for exclusive use of the switch.
     *
     * @param address asked for the address when a new session must be opened to a switch configured
     *                without a host; may throw a {@link NetconfException}, failing the connect
     */
    public Lease lease(JunosTarget target, Supplier<String> address) throws SwitchBusyException {
        Objects.requireNonNull(address, "address");
        Slot slot = slots.computeIfAbsent(target.switchName(), n -> new Slot());
        try {
            if (!slot.lock.tryLock(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SwitchBusyException(target.switchName(), queueWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchBusyException(target.switchName(), queueWait);
        }
        return new Lease(target, address, slot);
    }

    /** Exclusive use of one switch; close it to hand the switch to the next waiter. */
    public final class Lease implements AutoCloseable {
        private final JunosTarget target;
        private final Supplier<String> address;
        private final Slot slot;
        private boolean reused;
        private boolean closed;

        private Lease(JunosTarget target, Supplier<String> address, Slot slot) {
            this.target = target;
            this.address = address;
            this.slot = slot;
        }

        public JunosTarget target() {
            return target;
        }

        /**
         * The switch's open session, connecting if there is none (connect timeout applies). A switch
         * configured without a host is connected to at the address asked for now.
         */
        public JunosRpcs connect() {
            if (slot.session != null && slot.session.isOpen()) {
                reused = true;
            } else {
                slot.session = null;
                reused = false;
                JunosTarget at = target.hostFromMist() ? target.at(address.get()) : target;
                slot.session = NetconfSession.open(at, timeouts, offerBase11, warnings);
            }
            return new JunosRpcs(slot.session, timeouts);
        }

        /**
         * Until when a confirmed commit that this process could not confirm may still be pending on
         * the switch; {@code null} when none. A later change must not commit over it, because its
         * confirmation would make the unconfirmed change permanent.
         */
        public java.time.Instant pendingConfirmUntil() {
            return slot.pendingConfirmUntil;
        }

        public void markPendingConfirm(java.time.Instant until) {
            slot.pendingConfirmUntil = until;
        }

        /** True when {@link #connect()} returned a session opened by an earlier lease (it may have gone stale). */
        public boolean reusedSession() {
            return reused;
        }

        /**
         * Closes the session without ceremony. On Junos that releases the session's lock and
         * discards its uncommitted changes; a pending confirmed commit keeps its timer.
         */
        public void dropSession() {
            if (slot.session != null) {
                slot.session.close();
                slot.session = null;
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (slot.session != null && !slot.session.isOpen()) {
                slot.session = null;
            }
            if (slot.session != null) {
                long release = ++slot.releases;
                scheduleIdleClose(slot, release);
            }
            slot.lock.unlock();
        }
    }

    private void scheduleIdleClose(Slot slot, long release) {
        try {
            timer.schedule(() -> closeIfIdle(slot, release), idleClose.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: close() closes every session.
        }
    }

    /** Closes the session if nobody used it since {@code release}; tries again later while it is leased. */
    private void closeIfIdle(Slot slot, long release) {
        if (!slot.lock.tryLock()) {
            scheduleIdleClose(slot, release);
            return;
        }
        try {
            if (slot.releases != release || slot.session == null) {
                return;
            }
            NetconfSession idle = slot.session;
            slot.session = null;
            try {
                idle.closeSession(timeouts.rpc());
            } catch (NetconfException e) {
                // The session is closed either way.
            }
        } finally {
            slot.lock.unlock();
        }
    }

    /** Open sessions right now (for tests and health output). */
    public int openSessions() {
        return (int) slots.values().stream().filter(s -> s.session != null && s.session.isOpen()).count();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (Slot slot : slots.values()) {
            slot.lock.lock();
            try {
                if (slot.session != null) {
                    try {
                        slot.session.closeSession(timeouts.rpc());
                    } catch (NetconfException e) {
                        // closed anyway
                    }
                    slot.session = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }
}
