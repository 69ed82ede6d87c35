package io.jenkins.plugins.mesa.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.mesa.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The client's standard RFC 6241 operations against a NETCONF server nobody here wrote: Debian's
 * yuma123 netconfd behind OpenSSH on 127.0.0.1, started by {@code mesa-lab/netconfd/run.sh start},
 * which writes the connection facts to {@code /tmp/mesa-netconfd/env} (override with env
 * {@code MESA_NETCONFD_ENV}). Skipped, with the reason shown, when that server is not there.
 *
 * <p>yuma123 drops pending edits on {@code <validate>} followed by {@code <commit>}, so no test sends a
 * separate validate (commit validates anyway).
 */
class NetconfdConformanceTest {
    private static final String IF_NS = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    private static final Duration RPC = Duration.ofSeconds(20);
    private static final NetconfTimeouts TIMEOUTS = new NetconfTimeouts(Duration.ofSeconds(20), RPC, RPC);
    private static final String IFNAME = "mesa-conf-" + UUID.randomUUID().toString().substring(0, 8);

    private static Map<String, String> env;

    /** Why the peer cannot be used, or {@code null} when it can. */
    private static String unavailable;

    @BeforeAll
    static void findServer() {
        unavailable = locateServer();
        if (unavailable != null) {
            System.err.println("NetconfdConformanceTest SKIPPED: " + unavailable);
        }
    }

    @BeforeEach
    void requireServer() {
        assumeTrue(unavailable == null, () -> unavailable);
    }

    private static String locateServer() {
        Path file = Path.of(System.getenv().getOrDefault("MESA_NETCONFD_ENV", "/tmp/mesa-netconfd/env"));
        if (!Files.isReadable(file)) {
            return "netconfd peer not available: " + file + " missing (run mesa-lab/netconfd/run.sh start)";
        }
        Map<String, String> found = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    found.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            return "netconfd peer not usable: cannot read " + file + ": " + e.getMessage();
        }
        for (String k : List.of("NETCONFD_HOST", "NETCONFD_PORT", "NETCONFD_USER", "NETCONFD_PASSWORD",
                "NETCONFD_KEY", "NETCONFD_FINGERPRINT")) {
            if (!found.containsKey(k)) {
                return "netconfd peer not usable: " + file + " has no " + k;
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(found.get("NETCONFD_HOST"), Integer.parseInt(found.get("NETCONFD_PORT"))), 2000);
        } catch (IOException | NumberFormatException e) {
            return "netconfd peer not available: " + found.get("NETCONFD_HOST") + ":" + found.get("NETCONFD_PORT")
                    + " closed (" + e.getMessage() + ")";
        }
        env = found;
        return null;
    }

    @AfterAll
    static void removeTestInterface() {
        if (env == null) {
            return;
        }
        try (NetconfSession s = open(passwordTarget(), true)) {
            s.lock("candidate", RPC);
            s.editConfig("candidate", "<interfaces xmlns=\"" + IF_NS + "\"><interface "
                    + "xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"remove\"><name>" + IFNAME
                    + "</name></interface></interfaces>", RPC);
            s.commit(RPC);
            s.unlock("candidate", RPC);
            s.closeSession(RPC);
        } catch (NetconfException e) {
            // best effort: the interface name is unique per run
        }
    }

    private static JunosTarget passwordTarget() {
        return JunosTarget.withPassword("netconfd", env.get("NETCONFD_HOST"), Integer.parseInt(env.get("NETCONFD_PORT")),
                env.get("NETCONFD_USER"), Secret.of(env.get("NETCONFD_PASSWORD")),
                HostKeyPolicy.pinned(env.get("NETCONFD_FINGERPRINT")));
    }

    private static JunosTarget keyTarget() throws IOException {
        return JunosTarget.withKey("netconfd", env.get("NETCONFD_HOST"), Integer.parseInt(env.get("NETCONFD_PORT")),
                env.get("NETCONFD_USER"), Secret.of(Files.readString(Path.of(env.get("NETCONFD_KEY")))), null,
                HostKeyPolicy.pinned(env.get("NETCONFD_FINGERPRINT")));
    }

    private static NetconfSession open(JunosTarget t, boolean offerBase11) {
        return NetconfSession.open(t, TIMEOUTS, offerBase11, WarningAllowList.of());
    }

    private static String iface(String description) {
        return "<interfaces xmlns=\"" + IF_NS + "\"><interface><name>" + IFNAME + "</name><description>" + description
                + "</description><type xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">ianaift:ethernetCsmacd"
                + "</type></interface></interfaces>";
    }

    private static String description(NetconfSession s, String datastore) {
        Element data = s.getConfig(datastore, "<interfaces xmlns=\"" + IF_NS + "\"><interface><name>" + IFNAME
                + "</name></interface></interfaces>", RPC);
        return NetconfXml.descendants(data, "description").stream().findFirst()
                .map(e -> e.getTextContent().strip()).orElse("");
    }

    @Test
    void helloNegotiatesChunkedFramingAndAdvertisesCandidateWithConfirmedCommit() {
        try (NetconfSession s = open(passwordTarget(), true)) {
            assertThat(s.chunkedFraming()).isTrue();
            assertThat(s.sessionId()).isNotEmpty();
            assertThat(s.serverCapabilities()).contains("urn:ietf:params:netconf:base:1.1",
                    "urn:ietf:params:netconf:capability:candidate:1.0",
                    "urn:ietf:params:netconf:capability:confirmed-commit:1.0");
            s.closeSession(RPC);
            assertThat(s.isOpen()).isFalse();
        }
    }

    @Test
    void lockEditCommitGetConfigUnlockWithKeyAuthAndEndOfMessageFraming() throws IOException {
        try (NetconfSession s = open(keyTarget(), false)) {
            assertThat(s.chunkedFraming()).isFalse();
            s.lock("candidate", RPC);
            s.editConfig("candidate", iface("committed by MESA"), RPC);
            s.commit(RPC);
            s.unlock("candidate", RPC);
            assertThat(description(s, "running")).isEqualTo("committed by MESA");
            s.closeSession(RPC);
        }
    }

    @Test
    void confirmedCommitAppliesAtOnceAndTheConfirmingCommitKeepsIt() {
        try (NetconfSession s = open(passwordTarget(), true)) {
            s.lock("candidate", RPC);
            s.editConfig("candidate", iface("confirmed"), RPC);
            s.commitConfirmed(Duration.ofSeconds(120), RPC);
            assertThat(description(s, "running")).isEqualTo("confirmed");
            s.commit(RPC);
            s.unlock("candidate", RPC);
            assertThat(description(s, "running")).isEqualTo("confirmed");
            s.closeSession(RPC);
        }
    }

    @Test
    void discardChangesRestoresTheCandidateFromRunning() {
        try (NetconfSession s = open(passwordTarget(), true)) {
            s.lock("candidate", RPC);
            s.editConfig("candidate", iface("baseline"), RPC);
            s.commit(RPC);
            s.editConfig("candidate", iface("never committed"), RPC);
            assertThat(description(s, "candidate")).isEqualTo("never committed");
            s.discardChanges(RPC);
            assertThat(description(s, "candidate")).isEqualTo("baseline");
            s.unlock("candidate", RPC);
            assertThat(description(s, "running")).isEqualTo("baseline");
            s.closeSession(RPC);
        }
    }

    @Test
    void secondSessionGetsATypedLockErrorWhileTheFirstHoldsTheLock() {
        try (NetconfSession a = open(passwordTarget(), true); NetconfSession b = open(passwordTarget(), true)) {
            a.lock("candidate", RPC);
            try {
                assertThatThrownBy(() -> b.lock("candidate", RPC)).isInstanceOfSatisfying(LockHeldException.class,
                        e -> assertThat(e.errors()).anySatisfy(err -> assertThat(err.tag()).isEqualTo("lock-denied")));
            } finally {
                a.unlock("candidate", RPC);
            }
        }
    }

    @Test
    void rpcErrorsFromARealServerAreTyped() {
        try (NetconfSession s = open(passwordTarget(), true)) {
            assertThatThrownBy(() -> s.unlock("candidate", RPC)).isInstanceOfSatisfying(RpcErrorException.class,
                    e -> assertThat(e.errors()).allSatisfy(err -> assertThat(err.severity()).isEqualTo("error")));
        }
    }

    @Test
    void wrongPinIsRefused() {
        String pin = env.get("NETCONFD_FINGERPRINT");
        String wrong = pin.substring(0, 7) + (pin.charAt(7) == 'A' ? 'B' : 'A') + pin.substring(8);
        JunosTarget t = JunosTarget.withPassword("netconfd", env.get("NETCONFD_HOST"),
                Integer.parseInt(env.get("NETCONFD_PORT")), env.get("NETCONFD_USER"),
                Secret.of(env.get("NETCONFD_PASSWORD")), HostKeyPolicy.pinned(wrong));
        assertThatThrownBy(() -> open(t, true)).isInstanceOfSatisfying(HostKeyRejectedException.class,
                e -> assertThat(e.presentedFingerprint()).isEqualTo(pin));
    }

    @Test
    void wrongPasswordIsRefused() {
        JunosTarget t = JunosTarget.withPassword("netconfd", env.get("NETCONFD_HOST"),
                Integer.parseInt(env.get("NETCONFD_PORT")), env.get("NETCONFD_USER"),
                Secret.of("definitely-not-the-password"), HostKeyPolicy.pinned(env.get("NETCONFD_FINGERPRINT")));
        assertThatThrownBy(() -> open(t, true)).isInstanceOf(NetconfAuthException.class)
                .hasMessageNotContaining("definitely-not-the-password");
    }
}
