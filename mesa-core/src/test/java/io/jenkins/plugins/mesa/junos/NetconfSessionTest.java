package io.jenkins.plugins.mesa.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.LldpNeighbor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NETCONF client against the simulator over real SSH: auth, host keys, framing, RPC errors. */
class NetconfSessionTest {
    private static SimulatedSwitch eom;
    private static SimulatedSwitch chunked;
    private static final Duration RPC = Duration.ofSeconds(20);

    @BeforeAll
    static void start() {
        eom = new SimulatedSwitch("ex-eom", false, List.of("set system host-name ex-eom"));
        chunked = new SimulatedSwitch("ex-chunked", true, List.of("set system host-name ex-chunked"));
    }

    @AfterAll
    static void stop() {
        eom.close();
        chunked.close();
    }

    private static NetconfSession open(JunosTarget t, boolean offer11) {
        return NetconfSession.open(t, SimulatedSwitch.fastTimeouts(), offer11, WarningAllowList.junosDefaults());
    }

    @Test
    void junosDefaultIsEndOfMessageFramingEvenWhenClientOffersBase11() {
        try (NetconfSession s = open(eom.passwordTarget(), true)) {
            assertThat(s.chunkedFraming()).isFalse();
            assertThat(s.serverCapabilities()).contains("urn:ietf:params:netconf:capability:confirmed-commit:1.0");
            assertThat(new JunosRpcs(s, SimulatedSwitch.fastTimeouts()).committedSetStatements())
                    .containsExactly("set system host-name ex-eom");
        }
    }

    @Test
    void chunkedFramingWhenBothSidesAnnounceBase11AndUtf8ChunkSizesAreBytes() {
        try (NetconfSession s = open(chunked.keyTarget(), true)) {
            assertThat(s.chunkedFraming()).isTrue();
            JunosRpcs rpcs = new JunosRpcs(s, SimulatedSwitch.fastTimeouts());
            rpcs.lockConfiguration();
            rpcs.loadSet(List.of("set interfaces ge-0/0/1 description \"Zürich café ✓ AP\""));
            assertThat(rpcs.compareRollback0()).contains("+   description \"Zürich café ✓ AP\";");
            rpcs.discardChanges();
            rpcs.unlockConfiguration();
        }
    }

    @Test
    void clientThatOffersOnlyBase10StaysOnEndOfMessage() {
        try (NetconfSession s = open(chunked.passwordTarget(), false)) {
            assertThat(s.chunkedFraming()).isFalse();
            assertThat(new JunosRpcs(s, SimulatedSwitch.fastTimeouts()).committedSetStatements()).isNotEmpty();
        }
    }

    @Test
    void largeRepliesSpanManyChunks() {
        try (NetconfSession s = open(chunked.passwordTarget(), true)) {
            JunosRpcs rpcs = new JunosRpcs(s, SimulatedSwitch.fastTimeouts());
            rpcs.lockConfiguration();
            List<String> many = java.util.stream.IntStream.range(0, 48)
                    .mapToObj(i -> "set interfaces ge-0/0/" + i + " description \"port " + i + " with a fairly long description\"")
                    .toList();
            rpcs.loadSet(many);
            String diff = rpcs.compareRollback0();
            assertThat(diff.length()).isGreaterThan(4096);
            assertThat(diff).contains("port 47 with");
            rpcs.discardChanges();
            rpcs.unlockConfiguration();
        }
    }

    @Test
    void wrongPinIsRefusedWithTypedErrorNamingThePresentedKey() {
        JunosTarget t = JunosTarget.withPassword("ex-eom", eom.sim.host(), eom.sim.port(), SimulatedSwitch.USER,
                Secret.of(SimulatedSwitch.PASSWORD), HostKeyPolicy.pinned(chunked.sim.hostKeyFingerprint()));
        assertThatThrownBy(() -> open(t, true))
                .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("host-key-rejected");
                    assertThat(e.presentedFingerprint()).isEqualTo(eom.sim.hostKeyFingerprint());
                    assertThat(e.getMessage()).contains("not the pinned").contains(chunked.sim.hostKeyFingerprint());
                });
    }

    @Test
    void hostMissingFromKnownHostsIsRefused(@TempDir Path dir) throws Exception {
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "");
        JunosTarget t = JunosTarget.withPassword("ex-eom", eom.sim.host(), eom.sim.port(), SimulatedSwitch.USER,
                Secret.of(SimulatedSwitch.PASSWORD), HostKeyPolicy.knownHosts(kh));
        assertThatThrownBy(() -> open(t, true)).isInstanceOf(HostKeyRejectedException.class)
                .hasMessageContaining("unknown host");
    }

    @Test
    void changedKeyInKnownHostsIsRefusedAndTheRightOneAccepted(@TempDir Path dir) throws Exception {
        Path kh = dir.resolve("known_hosts");
        String hostPattern = "[127.0.0.1]:" + eom.sim.port();
        Files.writeString(kh, hostPattern + " " + openSshLine(chunked.sim.hostPublicKey()) + "\n");
        JunosTarget wrong = JunosTarget.withPassword("ex-eom", eom.sim.host(), eom.sim.port(), SimulatedSwitch.USER,
                Secret.of(SimulatedSwitch.PASSWORD), HostKeyPolicy.knownHosts(kh));
        assertThatThrownBy(() -> open(wrong, true)).isInstanceOf(HostKeyRejectedException.class)
                .hasMessageContaining("changed key");

        Files.writeString(kh, hostPattern + " " + openSshLine(eom.sim.hostPublicKey()) + "\n");
        try (NetconfSession s = open(wrong, true)) {
            assertThat(s.isOpen()).isTrue();
        }
    }

    private static String openSshLine(java.security.PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return "ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(blob);
    }

    @Test
    void wrongPasswordIsAnAuthErrorThatDoesNotLeakThePassword() {
        JunosTarget t = JunosTarget.withPassword("ex-eom", eom.sim.host(), eom.sim.port(), SimulatedSwitch.USER,
                Secret.of("wrong-Pa55word"), HostKeyPolicy.pinned(eom.sim.hostKeyFingerprint()));
        assertThatThrownBy(() -> open(t, true))
                .isInstanceOf(NetconfAuthException.class)
                .hasMessageContaining("refused password authentication for user mesa")
                .hasMessageNotContaining("wrong-Pa55word");
        assertThat(t.toString()).doesNotContain("wrong-Pa55word");
    }

    @Test
    void refusedAuthForKeysToo() {
        eom.sim.faults().refuseAuth(true);
        try {
            assertThatThrownBy(() -> open(eom.keyTarget(), true)).isInstanceOf(NetconfAuthException.class)
                    .hasMessageContaining("key authentication");
        } finally {
            eom.sim.faults().clear();
        }
    }

    @Test
    void closedPortIsAConnectError() throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        JunosTarget t = JunosTarget.withPassword("gone", "127.0.0.1", port, "u", Secret.of("p"),
                HostKeyPolicy.pinned(eom.sim.hostKeyFingerprint()));
        assertThatThrownBy(() -> open(t, true)).isInstanceOfSatisfying(NetconfException.class,
                e -> assertThat(e.reason()).isEqualTo("connect-failed"));
    }

    @Test
    void rpcErrorsBecomeTypedErrorsWithSeverityTagAndMessage() {
        try (NetconfSession s = open(eom.passwordTarget(), true)) {
            assertThatThrownBy(() -> s.call("<get-bogus-information/>", RPC))
                    .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                        assertThat(e.errors()).singleElement().satisfies(err -> {
                            assertThat(err.severity()).isEqualTo("error");
                            assertThat(err.tag()).isEqualTo("operation-not-supported");
                            assertThat(err.message()).isEqualTo("syntax error");
                            assertThat(err.badElement()).isEqualTo("get-bogus-information");
                        });
                        assertThat(e.reason()).isEqualTo("rpc-error");
                    });
            // the session survives an rpc-error
            assertThat(new JunosRpcs(s, SimulatedSwitch.fastTimeouts()).committedSetStatements()).isNotEmpty();
        }
    }

    @Test
    void loadErrorsFailButAllowListedWarningsPass() {
        try (NetconfSession s = open(eom.passwordTarget(), true)) {
            JunosRpcs rpcs = new JunosRpcs(s, SimulatedSwitch.fastTimeouts());
            rpcs.lockConfiguration();
            rpcs.loadSet(List.of("delete protocols dot1x authenticator interface ge-0/0/9"));
            assertThatThrownBy(() -> rpcs.loadSet(List.of("set interfaces eth0 description x")))
                    .isInstanceOfSatisfying(RpcErrorException.class, e ->
                            assertThat(e.errors()).extracting(RpcError::badElement)
                                    .containsExactly("set interfaces eth0 description x"));
            rpcs.discardChanges();
            rpcs.unlockConfiguration();
        }
        try (NetconfSession strict = NetconfSession.open(eom.passwordTarget(), SimulatedSwitch.fastTimeouts(), true,
                WarningAllowList.of())) {
            JunosRpcs rpcs = new JunosRpcs(strict, SimulatedSwitch.fastTimeouts());
            rpcs.lockConfiguration();
            assertThatThrownBy(() -> rpcs.loadSet(List.of("delete protocols dot1x authenticator interface ge-0/0/9")))
                    .isInstanceOf(RpcErrorException.class).hasMessageContaining("warning")
                    .hasMessageContaining("statement not found");
            rpcs.unlockConfiguration();
        }
    }

    @Test
    void lockHeldElsewhereIsReportedWithTheHolderText() {
        try (NetconfSession a = open(eom.passwordTarget(), true); NetconfSession b = open(eom.passwordTarget(), true)) {
            JunosRpcs holder = new JunosRpcs(a, SimulatedSwitch.fastTimeouts());
            holder.lockConfiguration();
            assertThatThrownBy(() -> new JunosRpcs(b, SimulatedSwitch.fastTimeouts()).lockConfiguration())
                    .isInstanceOfSatisfying(LockHeldException.class, e -> {
                        assertThat(e.reason()).isEqualTo("lock-held");
                        assertThat(e.holder()).contains("configuration database locked by")
                                .contains("mesa terminal").contains("pid " + a.sessionId());
                    });
            holder.unlockConfiguration();
        }
    }

    @Test
    void lldpNeighboursAreRead() {
        eom.sim.setLldpNeighbors(List.of(new LldpNeighbor("ge-0/0/10", "5c:5b:35:0e:55:c8", "eth0", "ap-1")));
        try (NetconfSession s = open(eom.passwordTarget(), true)) {
            assertThat(new JunosRpcs(s, SimulatedSwitch.fastTimeouts()).lldpNeighbors())
                    .containsExactly(new JunosRpcs.LldpNeighbor("ge-0/0/10", "5c:5b:35:0e:55:c8", "eth0", "ap-1"));
        }
    }

    @Test
    void closeSessionEndsTheSessionOnTheSwitch() throws Exception {
        JunosSimulator sim = eom.sim;
        NetconfSession s = open(eom.passwordTarget(), true);
        new JunosRpcs(s, SimulatedSwitch.fastTimeouts()).lockConfiguration();
        s.closeSession(RPC);
        assertThat(s.isOpen()).isFalse();
        eom.awaitUnlockedAndClean();
        assertThat(sim.lockHolder()).isEmpty();
    }

    @Test
    void standardLockAndConfirmedCommitInSecondsRollBackWhenNotConfirmed() {
        try (NetconfSession s = open(eom.passwordTarget(), true)) {
            JunosRpcs rpcs = new JunosRpcs(s, SimulatedSwitch.fastTimeouts());
            s.lock("candidate", RPC);
            rpcs.loadSet(List.of("set interfaces ge-0/0/5 description standard"));
            s.commitConfirmed(Duration.ofSeconds(120), RPC);
            s.unlock("candidate", RPC);
            assertThat(eom.sim.runningConfig()).contains("set interfaces ge-0/0/5 description standard");
            assertThat(eom.sim.pendingConfirmDeadline()).isPresent();

            eom.time.advance(Duration.ofSeconds(120));

            assertThat(eom.sim.runningConfig()).doesNotContain("set interfaces ge-0/0/5 description standard");
            assertThat(eom.sim.pendingConfirmDeadline()).isEmpty();
        }
    }

    @Test
    void committedConfigurationOfOneInterfaceCanBeRead() {
        eom.sim.resetConfig(List.of("set system host-name ex-eom", "set interfaces ge-0/0/3 description three",
                "set interfaces ge-0/0/4 description four"));
        try (NetconfSession s = open(eom.passwordTarget(), true)) {
            RpcReply r = s.call("<get-configuration database=\"committed\" format=\"set\"><configuration><interfaces>"
                    + "<interface><name>ge-0/0/3</name></interface></interfaces></configuration></get-configuration>", RPC);
            assertThat(r.text("configuration-set").strip()).isEqualTo("set interfaces ge-0/0/3 description three");
        } finally {
            eom.sim.resetConfig(List.of("set system host-name ex-eom"));
        }
    }

    @Test
    void unreadablePrivateKeyIsReportedAsSuchWithoutEchoingIt() {
        String garbage = "-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5\n-----END OPENSSH PRIVATE KEY-----\n";
        JunosTarget t = JunosTarget.withKey("ex-eom", eom.sim.host(), eom.sim.port(), SimulatedSwitch.USER,
                Secret.of(garbage), null, HostKeyPolicy.pinned(eom.sim.hostKeyFingerprint()));
        assertThatThrownBy(() -> open(t, true)).isInstanceOf(NetconfAuthException.class)
                .hasMessageContaining("cannot be read").hasMessageNotContaining("bm90IGEga2V5");
    }

    @Test
    void replyWithAnotherMessageIdIsAProtocolErrorAndEndsTheSession() {
        try (NetconfSession s = open(eom.passwordTarget(), true)) {
            eom.sim.faults().wrongMessageId(true);
            assertThatThrownBy(() -> new JunosRpcs(s, SimulatedSwitch.fastTimeouts()).committedSetStatements())
                    .isInstanceOfSatisfying(NetconfException.class, e -> {
                        assertThat(e.reason()).isEqualTo("protocol-error");
                        assertThat(e.getMessage()).contains("does not match");
                    });
            assertThat(s.isOpen()).isFalse();
        } finally {
            eom.sim.faults().clear();
        }
    }
}
