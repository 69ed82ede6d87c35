package io.jenkins.plugins.mesa.lab.junos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * A simulated Juniper EX switch that speaks NETCONF over SSH (Apache MINA SSHD) on an ephemeral
 * 127.0.0.1 port. It keeps a running and a shared candidate configuration as set statements and
 * answers the Junos XML RPCs a configuration client uses (lock, load set, compare rollback 0,
 * commit check / confirmed / plain, discard, get-configuration, LLDP neighbours, close-session).
 * Tests inject faults through {@link #faults()} and drive the confirmed-commit timer through a
 * {@link SimTime.Manual}.
 *
 * <p>It shares no code with MESA's NETCONF client: its framing, XML handling and configuration
 * model are its own, so a protocol bug on one side shows up on the other.
 */
public final class JunosSimulator implements AutoCloseable {
    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final String hostname;
    private final SimTime time;
    private final boolean offerBase11;
    private final SimFaults faults = new SimFaults();
    private final Map<String, String> passwords;
    private final Map<String, List<PublicKey>> authorizedKeys;
    private final KeyPair hostKey;
    private final SshServer server;
    private final AtomicInteger sessionIds = new AtomicInteger(3000);
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final Map<Integer, NetconfSubsystem> sessions = new ConcurrentHashMap<>();

    // Guarded by this.
    private SetConfig running;
    private SetConfig candidate;
    private NetconfSubsystem lockHolder;
    private PendingConfirm pending;
    private final List<CommitRecord> commits = new ArrayList<>();
    private List<LldpNeighbor> lldp = List.of();

    private record PendingConfirm(SetConfig rollbackTo, SetConfig confirmedConfig, Instant deadline, SimTime.Timer timer) {
    }

    private JunosSimulator(Builder b) throws IOException {
        this.hostname = b.hostname;
        this.time = b.time;
        this.offerBase11 = b.offerBase11;
        this.passwords = Map.copyOf(b.passwords);
        this.authorizedKeys = Map.copyOf(b.authorizedKeys);
        this.running = new SetConfig();
        for (String line : b.initialConfig) {
            SetConfig.LineResult r = running.apply(line);
            if (r.isError()) {
                throw new IllegalArgumentException("initial config line rejected: " + r.message() + ": " + line);
            }
        }
        this.candidate = running.copy();
        this.hostKey = generateHostKey();
        this.server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) ->
                !faults.refusesAuth() && password != null && password.equals(passwords.get(user)));
        server.setPublickeyAuthenticator((user, key, session) ->
                !faults.refusesAuth() && authorizedKeys.getOrDefault(user, List.of()).stream()
                        .anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setSubsystemFactories(List.of(new SubsystemFactory() {
            @Override
            public String getName() {
                return "netconf";
            }

            @Override
            public Command createSubsystem(ChannelSession channel) {
                return new NetconfSubsystem(JunosSimulator.this, sessionIds.incrementAndGet());
            }
        }));
        server.start();
    }

    private static KeyPair generateHostKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a host key", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures and starts a simulated switch. */
    public static final class Builder {
        private String hostname = "ex-sim";
        private SimTime time = SimTime.system();
        private boolean offerBase11;
        private final Map<String, String> passwords = new ConcurrentHashMap<>();
        private final Map<String, List<PublicKey>> authorizedKeys = new ConcurrentHashMap<>();
        private List<String> initialConfig = List.of();

        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        public Builder time(SimTime time) {
            this.time = time;
            return this;
        }

        /** Offer base:1.1 in the hello, so a client that also offers it switches to chunked framing. */
        public Builder offerBase11(boolean offer) {
            this.offerBase11 = offer;
            return this;
        }

        public Builder user(String user, String password) {
            passwords.put(user, password);
            return this;
        }

        public Builder authorizedKey(String user, PublicKey key) {
            authorizedKeys.computeIfAbsent(user, u -> new ArrayList<>()).add(key);
            return this;
        }

        /** Initial running (and candidate) configuration as set statements. */
        public Builder initialConfig(List<String> setLines) {
            this.initialConfig = List.copyOf(setLines);
            return this;
        }

        public JunosSimulator start() {
            try {
                return new JunosSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String hostname() {
        return hostname;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:<base64>}. */
    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic());
    }

    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    public SimFaults faults() {
        return faults;
    }

    public SimTime time() {
        return time;
    }

    boolean offersBase11() {
        return offerBase11;
    }

    // ---- test-visible state ----

    public synchronized List<String> runningConfig() {
        return running.asSetLines();
    }

    public synchronized List<String> candidateConfig() {
        return candidate.asSetLines();
    }

    /** True when the shared candidate holds uncommitted changes. */
    public synchronized boolean candidateDirty() {
        return !candidate.sameAs(running);
    }

    /** The session holding the exclusive lock, as Junos names it; empty when unlocked. */
    public synchronized Optional<String> lockHolder() {
        if (lockHolder != null) {
            return Optional.of(lockHolder.holderText());
        }
        return faults.foreignLockHolder();
    }

    /** The deadline of a pending confirmed commit; empty when none is pending. */
    public synchronized Optional<Instant> pendingConfirmDeadline() {
        return Optional.ofNullable(pending).map(PendingConfirm::deadline);
    }

    public synchronized List<CommitRecord> commits() {
        return List.copyOf(commits);
    }

    public synchronized void setLldpNeighbors(List<LldpNeighbor> neighbors) {
        this.lldp = List.copyOf(neighbors);
    }

    /** Replaces the running and candidate configuration (test set-up), cancelling any pending confirm. */
    public synchronized void resetConfig(List<String> setLines) {
        SetConfig c = new SetConfig();
        for (String line : setLines) {
            SetConfig.LineResult r = c.apply(line);
            if (r.isError()) {
                throw new IllegalArgumentException(r.message() + ": " + line);
            }
        }
        if (pending != null) {
            pending.timer().cancel();
            pending = null;
        }
        running = c;
        candidate = c.copy();
    }

    /** SSH sessions that opened the netconf subsystem since start (to check session reuse). */
    public int sessionsOpened() {
        return sessionsOpened.get();
    }

    /**
     * Waits (bounded) until no session holds the lock and the candidate is clean: a closed client
     * session is noticed by the server asynchronously. Returns false on timeout.
     */
    public synchronized boolean awaitUnlockedAndClean(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lockHolder != null || !candidate.sameAs(running)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Netconf sessions currently open. */
    public int activeSessions() {
        return sessions.size();
    }

    @Override
    public void close() {
        faults.clear();
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- operations used by the netconf sessions ----

    synchronized void sessionOpened(NetconfSubsystem s) {
        sessionsOpened.incrementAndGet();
        sessions.put(s.sessionId(), s);
        notifyAll();
    }

    /**
     * Drops every open SSH connection, as a switch reboot or its idle timeout would. Locks are
     * released and uncommitted changes discarded; a pending confirmed commit keeps its timer.
     */
    public void disconnectAll() {
        List.copyOf(sessions.values()).forEach(NetconfSubsystem::disconnect);
    }

    /** Waits (bounded) until exactly {@code count} netconf sessions are open. Returns false on timeout. */
    public synchronized boolean awaitActiveSessions(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.size() != count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** A session ended (closed or lost): Junos releases its lock and discards its uncommitted changes. */
    synchronized void sessionEnded(NetconfSubsystem s) {
        sessions.remove(s.sessionId());
        if (lockHolder == s) {
            lockHolder = null;
            candidate = running.copy();
        }
        notifyAll();
    }

    String since() {
        return SINCE.format(time.now());
    }

    /** {@code null} when allowed to write the candidate, otherwise the "locked by" text. */
    private String lockedAgainst(NetconfSubsystem s) {
        if (lockHolder != null && lockHolder != s) {
            return lockHolder.holderText();
        }
        if (lockHolder == null && faults.foreignLockHolder().isPresent()) {
            return faults.foreignLockHolder().get();
        }
        return null;
    }

    /** Result of a simulator operation: an error message or success with text. */
    record Outcome(boolean ok, String tag, String message, String text, List<SetConfig.LineResult> lines) {
        static Outcome success(String text) {
            return new Outcome(true, "", "", text, List.of());
        }

        static Outcome error(String tag, String message) {
            return new Outcome(false, tag, message, "", List.of());
        }
    }

    synchronized Outcome lock(NetconfSubsystem s) {
        String holder = lockedAgainst(s);
        if (holder != null) {
            return Outcome.error("lock-denied", "configuration database locked by:\n" + holder);
        }
        if (lockHolder == null && !candidate.sameAs(running)) {
            return Outcome.error("lock-denied", "configuration database modified");
        }
        lockHolder = s;
        return Outcome.success("");
    }

    synchronized Outcome unlock(NetconfSubsystem s) {
        if (lockHolder != s) {
            return Outcome.error("operation-failed", "configuration database not locked");
        }
        lockHolder = null;
        candidate = running.copy();
        notifyAll();
        return Outcome.success("");
    }

    synchronized Outcome load(NetconfSubsystem s, String setText) {
        String holder = lockedAgainst(s);
        if (holder != null) {
            return Outcome.error("lock-denied", "configuration database locked by:\n" + holder);
        }
        List<SetConfig.LineResult> results = new ArrayList<>();
        String errorOn = faults.loadErrorOn().orElse(null);
        for (String line : setText.split("\n")) {
            if (errorOn != null && line.contains(errorOn)) {
                results.add(new SetConfig.LineResult("error", "syntax error", line.strip()));
                continue;
            }
            SetConfig.LineResult r = candidate.apply(line);
            if (!r.severity().isEmpty()) {
                results.add(r);
            }
        }
        boolean ok = results.stream().noneMatch(SetConfig.LineResult::isError);
        return new Outcome(ok, ok ? "" : "invalid-value", "", "", results);
    }

    synchronized Outcome discard(NetconfSubsystem s) {
        String holder = lockedAgainst(s);
        if (holder != null) {
            return Outcome.error("lock-denied", "configuration database locked by:\n" + holder);
        }
        candidate = running.copy();
        notifyAll();
        return Outcome.success("");
    }

    synchronized Outcome compareRollback0() {
        return Outcome.success(candidate.diffFrom(running));
    }

    /** Reads a configuration in {@code set} or {@code text} format, optionally below a prefix. */
    synchronized Outcome read(boolean committed, String format, String prefix) {
        SetConfig c = committed ? running : candidate;
        if ("set".equals(format)) {
            List<String> lines = prefix == null ? c.asSetLines() : c.under(prefix);
            return Outcome.success(String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
        }
        return Outcome.success(c.asText(prefix));
    }

    /** Commit check, as a real commit would validate. Called outside the monitor (it may be held). */
    Outcome check(NetconfSubsystem s) {
        synchronized (this) {
            String holder = lockedAgainst(s);
            if (holder != null) {
                return Outcome.error("lock-denied", "configuration database locked by:\n" + holder);
            }
            return faults.commitCheckError().map(m -> Outcome.error("operation-failed", m))
                    .orElse(Outcome.success(""));
        }
    }

    /**
     * Commits the candidate. {@code confirmTimeout} non-null makes it a confirmed commit that rolls
     * back unless confirmed in time; a plain commit confirms a pending one.
     */
    Outcome commit(NetconfSubsystem s, String user, String comment, Duration confirmTimeout) {
        Optional<SimFaults.CommitGate> gate = faults.commitGate();
        gate.ifPresent(SimFaults.CommitGate::pass);
        try {
            return commitNow(s, user, comment, confirmTimeout);
        } finally {
            gate.ifPresent(SimFaults.CommitGate::done);
        }
    }

    private Outcome commitNow(NetconfSubsystem s, String user, String comment, Duration confirmTimeout) {
        synchronized (this) {
            String holder = lockedAgainst(s);
            if (holder != null) {
                return Outcome.error("lock-denied", "configuration database locked by:\n" + holder);
            }
            Optional<String> err = faults.commitCheckError().or(faults::commitError);
            if (err.isPresent()) {
                return Outcome.error("operation-failed", err.get());
            }
            SetConfig before = running;
            running = candidate.copy();
            String text;
            if (confirmTimeout != null) {
                SetConfig rollbackTo = pending != null ? pending.rollbackTo() : before;
                if (pending != null) {
                    pending.timer().cancel();
                }
                Instant deadline = time.now().plus(confirmTimeout);
                SimTime.Timer timer = time.schedule(confirmTimeout, this::confirmExpired);
                pending = new PendingConfirm(rollbackTo, running.copy(), deadline, timer);
                long minutes = Math.max(1, confirmTimeout.toMinutes());
                text = "commit confirmed will be automatically rolled back in " + minutes + " minutes unless confirmed";
            } else {
                if (pending != null) {
                    pending.timer().cancel();
                    pending = null;
                }
                text = "";
            }
            commits.add(new CommitRecord(commits.size() + 1, time.now(), user, comment, confirmTimeout != null));
            notifyAll();
            return Outcome.success(text);
        }
    }

    private synchronized void confirmExpired() {
        if (pending == null) {
            return;
        }
        PendingConfirm p = pending;
        pending = null;
        boolean candidateUntouched = candidate.sameAs(running) || candidate.sameAs(p.confirmedConfig());
        running = p.rollbackTo().copy();
        if (lockHolder == null || candidateUntouched) {
            candidate = running.copy();
        }
        commits.add(new CommitRecord(commits.size() + 1, time.now(), "root",
                "automatic rollback: commit confirmed was not confirmed", false));
        notifyAll();
    }

    synchronized List<LldpNeighbor> lldpNeighbors() {
        return lldp;
    }
}
