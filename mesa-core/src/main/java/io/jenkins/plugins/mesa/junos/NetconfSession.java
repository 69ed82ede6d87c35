package io.jenkins.plugins.mesa.junos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One NETCONF session over SSH (sshj, subsystem {@code netconf}) to one switch. Exchanges hellos,
 * picks the framing (chunked only when both sides announced base:1.1), sends one RPC at a time and
 * matches each reply by message-id. Any timeout, framing error or lost stream closes the session,
 * because a late or misaligned reply could otherwise be taken for the answer to a later RPC.
 *
 * <p>Besides the generic {@link #rpc(String, Duration)}, it offers the standard RFC 6241
 * operations; Junos-specific RPCs live in {@link JunosRpcs}.
 */
public final class NetconfSession implements AutoCloseable {
    static final String BASE_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    static final String BASE10 = "urn:ietf:params:netconf:base:1.0";
    static final String BASE11 = "urn:ietf:params:netconf:base:1.1";
    private static final Logger LOG = LoggerFactory.getLogger(NetconfSession.class);
    private static final Object END_OF_STREAM = new Object();
    private static final Pattern OPERATION = Pattern.compile("<\\s*([A-Za-z_][\\w.:-]*)");

    private final String switchName;
    private final SSHClient ssh;
    private final Session session;
    private final Session.Subsystem subsystem;
    private final InputStream in;
    private final OutputStream out;
    private final WarningAllowList warnings;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final CountDownLatch framingChosen = new CountDownLatch(1);
    private volatile boolean chunked;
    private volatile boolean closed;
    private volatile boolean streamEnded;
    private Set<String> serverCapabilities = Set.of();
    private String sessionId = "";
    private long nextMessageId = 1;

    private NetconfSession(String switchName, SSHClient ssh, Session session, Session.Subsystem subsystem,
                           WarningAllowList warnings) {
        this.switchName = switchName;
        this.ssh = ssh;
        this.session = session;
        this.subsystem = subsystem;
        this.in = subsystem.getInputStream();
        this.out = subsystem.getOutputStream();
        this.warnings = warnings;
    }

    /**
     * Connects, authenticates, verifies the host key and exchanges hellos, all within
     * {@code timeouts.connect()}.
     *
     * @param offerBase11 announce base:1.1 so that a server that also announces it uses chunked framing
     */
    public static NetconfSession open(JunosTarget target, NetconfTimeouts timeouts, boolean offerBase11,
                                      WarningAllowList warnings) {
        long deadline = System.nanoTime() + timeouts.connect().toNanos();
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeouts.connect().toMillis());
        SSHClient ssh = new SSHClient();
        HostKeyPolicy.RecordingVerifier verifier = new HostKeyPolicy.RecordingVerifier(target.hostKey());
        ssh.addHostKeyVerifier(verifier);
        ssh.setConnectTimeout(timeoutMs);
        ssh.getTransport().setTimeoutMs(timeoutMs);
        ssh.getConnection().setTimeoutMs(timeoutMs);
        String where = target.switchName() + " (" + target.host() + ":" + target.port() + ")";
        try {
            try {
                ssh.connect(target.host(), target.port());
            } catch (TransportException e) {
                if (verifier.rejection() != null) {
                    throw new HostKeyRejectedException("refusing " + where + ": " + verifier.rejection(),
                            verifier.presented(), e);
                }
                throw NetconfException.connectFailed("cannot connect to " + where + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw NetconfException.connectFailed("cannot connect to " + where + ": " + e.getMessage(), e);
            }
            try {
                if (target.password() != null) {
                    ssh.authPassword(target.username(), target.password().reveal().toCharArray());
                } else {
                    KeyProvider key;
                    try {
                        key = ssh.loadKeys(target.privateKey().reveal(), null,
                                target.keyPassphrase() == null ? null
                                        : PasswordUtils.createOneOff(target.keyPassphrase().reveal().toCharArray()));
                        key.getPublic(); // parses now, so a bad key is reported as such and not as a refusal
                    } catch (IOException | RuntimeException e) {
                        throw new NetconfAuthException("the private key configured for " + where
                                + " cannot be read (" + e.getClass().getSimpleName() + ")", null);
                    }
                    ssh.authPublickey(target.username(), key);
                }
            } catch (UserAuthException e) {
                throw new NetconfAuthException(where + " refused " + (target.password() != null ? "password" : "key")
                        + " authentication for user " + target.username(), null);
            } catch (IOException e) {
                throw NetconfException.connectFailed("authentication with " + where + " failed: "
                        + e.getClass().getSimpleName(), null);
            }
            Session session;
            Session.Subsystem subsystem;
            try {
                session = ssh.startSession();
                subsystem = session.startSubsystem("netconf");
            } catch (IOException e) {
                throw NetconfException.connectFailed(where + " refused the netconf subsystem: " + e.getMessage(), e);
            }
            NetconfSession s = new NetconfSession(target.switchName(), ssh, session, subsystem, warnings);
            s.hello(offerBase11, deadline);
            return s;
        } catch (RuntimeException e) {
            closeQuietly(ssh);
            throw e;
        }
    }

    private void hello(boolean offerBase11, long deadlineNanos) {
        Thread reader = new Thread(this::readLoop, "netconf-" + switchName);
        reader.setDaemon(true);
        reader.start();
        String hello = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><hello xmlns=\"" + BASE_NS + "\"><capabilities>"
                + "<capability>" + BASE10 + "</capability>"
                + (offerBase11 ? "<capability>" + BASE11 + "</capability>" : "")
                + "</capabilities></hello>";
        try {
            NetconfFraming.write(out, hello.getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            close();
            throw new SessionLostException(switchName + ": session lost while sending hello", e);
        }
        byte[] serverHello = take("hello", Math.max(1, deadlineNanos - System.nanoTime()));
        Document doc = NetconfXml.parse(serverHello);
        Element root = doc.getDocumentElement();
        if (!"hello".equals(root.getLocalName())) {
            close();
            throw NetconfException.protocol(switchName + ": expected <hello>, got <" + root.getLocalName() + ">");
        }
        Set<String> caps = new LinkedHashSet<>();
        for (Element c : NetconfXml.descendants(root, "capability")) {
            caps.add(c.getTextContent().strip());
        }
        if (!caps.contains(BASE10) && !caps.contains(BASE11)) {
            close();
            throw NetconfException.protocol(switchName + ": server hello announces no NETCONF base capability");
        }
        serverCapabilities = Set.copyOf(caps);
        sessionId = NetconfXml.descendants(root, "session-id").stream().findFirst()
                .map(e -> e.getTextContent().strip()).orElse("");
        chunked = offerBase11 && caps.contains(BASE11);
        framingChosen.countDown();
        LOG.debug("{}: NETCONF session {} open, framing {}", switchName, sessionId, chunked ? "chunked" : "end-of-message");
    }

    private void readLoop() {
        try {
            byte[] hello = NetconfFraming.read(in, false);
            if (hello == null) {
                inbox.add(END_OF_STREAM);
                return;
            }
            inbox.add(hello);
            framingChosen.await();
            while (!closed) {
                byte[] message = NetconfFraming.read(in, chunked);
                if (message == null) {
                    inbox.add(END_OF_STREAM);
                    return;
                }
                inbox.add(message);
            }
        } catch (IOException e) {
            inbox.add(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inbox.add(END_OF_STREAM);
        } finally {
            streamEnded = true;
        }
    }

    private byte[] take(String what, long timeoutNanos) {
        Object item;
        try {
            item = inbox.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new SessionLostException(switchName + ": interrupted waiting for " + what, e);
        }
        if (item == null) {
            close();
            throw new NetconfTimeoutException(switchName + ": no reply to " + what + " within "
                    + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
        }
        if (item instanceof byte[] bytes) {
            return bytes;
        }
        close();
        Throwable cause = item instanceof Throwable t ? t : null;
        throw new SessionLostException(switchName + ": session lost waiting for " + what
                + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }

    /**
     * Sends one operation (the XML inside {@code <rpc>}) and returns the matching reply without
     * judging its rpc-errors.
     */
    public synchronized RpcReply rpc(String operationXml, Duration timeout) {
        String op = operationName(operationXml);
        if (closed) {
            throw new SessionLostException(switchName + ": session already closed, cannot send " + op, null);
        }
        String id = Long.toString(nextMessageId++);
        String message = "<rpc xmlns=\"" + BASE_NS + "\" message-id=\"" + id + "\">" + operationXml + "</rpc>";
        try {
            NetconfFraming.write(out, message.getBytes(StandardCharsets.UTF_8), chunked);
        } catch (IOException e) {
            close();
            throw new SessionLostException(switchName + ": session lost sending " + op, e);
        }
        byte[] reply = take(op, timeout.toNanos());
        Element root;
        try {
            root = NetconfXml.parse(reply).getDocumentElement();
        } catch (NetconfException e) {
            close();
            throw e;
        }
        if (!"rpc-reply".equals(root.getLocalName())) {
            close();
            throw NetconfException.protocol(switchName + ": expected <rpc-reply> to " + op + ", got <"
                    + root.getLocalName() + ">");
        }
        String replyId = root.getAttribute("message-id");
        if (!id.equals(replyId)) {
            close();
            throw NetconfException.protocol(switchName + ": reply message-id '" + replyId + "' does not match '" + id + "'");
        }
        return new RpcReply(root);
    }

    /** Sends an operation and fails on any error or non-allowed warning. */
    public RpcReply call(String operationXml, Duration timeout) {
        return rpc(operationXml, timeout).requireSuccess(operationName(operationXml), warnings);
    }

    static String operationName(String xml) {
        Matcher m = OPERATION.matcher(xml);
        return m.find() ? m.group(1) : "rpc";
    }

    // ---- standard RFC 6241 operations ----

    public void lock(String datastore, Duration timeout) {
        call("<lock><target><" + datastore + "/></target></lock>", timeout);
    }

    public void unlock(String datastore, Duration timeout) {
        call("<unlock><target><" + datastore + "/></target></unlock>", timeout);
    }

    /** {@code edit-config} with merge semantics; {@code configXml} is the content of {@code <config>}. */
    public void editConfig(String datastore, String configXml, Duration timeout) {
        call("<edit-config><target><" + datastore + "/></target><default-operation>merge</default-operation>"
                + "<config>" + configXml + "</config></edit-config>", timeout);
    }

    /** {@code get-config}; {@code subtreeFilter} may be {@code null}. Returns the {@code <data>} element. */
    public Element getConfig(String datastore, String subtreeFilter, Duration timeout) {
        RpcReply r = call("<get-config><source><" + datastore + "/></source>"
                + (subtreeFilter == null ? "" : "<filter type=\"subtree\">" + subtreeFilter + "</filter>")
                + "</get-config>", timeout);
        return r.find("data").orElseThrow(() -> NetconfException.protocol(switchName + ": get-config reply without <data>"));
    }

    public void commit(Duration timeout) {
        call("<commit/>", timeout);
    }

    /** RFC 6241 confirmed commit; the server reverts unless a plain commit follows within {@code confirmTimeout}. */
    public void commitConfirmed(Duration confirmTimeout, Duration timeout) {
        call("<commit><confirmed/><confirm-timeout>" + Math.max(1, confirmTimeout.toSeconds())
                + "</confirm-timeout></commit>", timeout);
    }

    public void discardChanges(Duration timeout) {
        call("<discard-changes/>", timeout);
    }

    /** Polite end: {@code close-session}, then the SSH connection is closed whatever the answer. */
    public void closeSession(Duration timeout) {
        try {
            if (!closed) {
                call("<close-session/>", timeout);
            }
        } finally {
            close();
        }
    }

    public boolean isOpen() {
        return !closed && !streamEnded && subsystem.isOpen() && ssh.isConnected();
    }

    public boolean chunkedFraming() {
        return chunked;
    }

    public Set<String> serverCapabilities() {
        return serverCapabilities;
    }

    public String sessionId() {
        return sessionId;
    }

    public String switchName() {
        return switchName;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        framingChosen.countDown();
        try {
            subsystem.close();
        } catch (IOException | RuntimeException e) {
            LOG.trace("closing subsystem", e);
        }
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            LOG.trace("closing session", e);
        }
        closeQuietly(ssh);
    }

    private static void closeQuietly(SSHClient ssh) {
        try {
            ssh.disconnect();
        } catch (IOException | RuntimeException e) {
            LOG.trace("disconnect", e);
        }
    }
}
