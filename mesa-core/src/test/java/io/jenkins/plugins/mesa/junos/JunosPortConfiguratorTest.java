package io.jenkins.plugins.mesa.junos;

import static io.jenkins.plugins.mesa.junos.EngineFixture.AFTER_AP;
import static io.jenkins.plugins.mesa.junos.EngineFixture.BEFORE;
import static io.jenkins.plugins.mesa.junos.EngineFixture.apRequest;
import static io.jenkins.plugins.mesa.junos.EngineFixture.securedRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.ChangeResult.Outcome;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.lab.junos.CommitRecord;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change engine against a simulated EX switch over real SSH/NETCONF. */
class JunosPortConfiguratorTest {
    private static EngineFixture fx;
    private static JunosSimulator sim;

    @BeforeAll
    static void start() {
        fx = new EngineFixture(false, SimulatedSwitch.fastTimeouts());
        sim = fx.sw.sim;
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void reset() throws InterruptedException {
        fx.reset();
    }

    @Test
    void apProfileGoesThroughEveryStageAndEndsConfirmedAndUnlocked() {
        int commitsBefore = sim.commits().size();
        ChangeResult r = fx.engine.apply(apRequest("ge-0/0/1"));

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.CHANGED);
        assertThat(r.backend()).isEqualTo("junos");
        assertThat(r.leftIn()).isEqualTo(SwitchState.AFTER);
        assertThat(r.timings()).extracting(StageTiming::stage).containsExactly(Stage.CONNECT, Stage.LOCK, Stage.LOAD,
                Stage.DIFF, Stage.CHECK, Stage.COMMIT, Stage.VERIFY, Stage.CONFIRM, Stage.UNLOCK);
        assertThat(r.diff()).contains("-   interface-mode access;").contains("+   interface-mode trunk;")
                .contains("+   native-vlan-id 10;");
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(AFTER_AP);
        List<CommitRecord> commits = sim.commits().subList(commitsBefore, sim.commits().size());
        assertThat(commits).extracting(CommitRecord::confirmed).containsExactly(true, false);
        assertThat(commits).extracting(CommitRecord::comment).containsOnly("MESA AP_CONNECTED 5c5b350e55c8 ap-01");
        assertThat(r.comment()).isEqualTo("MESA AP_CONNECTED 5c5b350e55c8 ap-01");
        assertThat(sim.pendingConfirmDeadline()).isEmpty();
        assertThat(sim.lockHolder()).isEmpty();
        assertThat(sim.candidateDirty()).isFalse();
    }

    @Test
    void applyingTheSameProfileAgainIsUnchangedAndCommitsNothing() {
        assertThat(fx.engine.apply(apRequest("ge-0/0/1")).outcome()).isEqualTo(Outcome.CHANGED);
        int commits = sim.commits().size();

        ChangeResult again = fx.engine.apply(apRequest("ge-0/0/1"));

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.diff()).isEmpty();
        assertThat(again.leftIn()).isEqualTo(SwitchState.AFTER);
        assertThat(sim.commits()).hasSize(commits);
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(AFTER_AP);
        assertThat(sim.lockHolder()).isEmpty();
        assertThat(sim.candidateDirty()).isFalse();
    }

    @Test
    void securedProfileRestoresTheOriginalPortExactly() {
        assertThat(fx.engine.apply(apRequest("ge-0/0/1")).outcome()).isEqualTo(Outcome.CHANGED);
        ChangeResult back = fx.engine.apply(securedRequest("ge-0/0/1"));
        assertThat(back.outcome()).as(back.message()).isEqualTo(Outcome.CHANGED);
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(BEFORE);
        assertThat(fx.engine.apply(securedRequest("ge-0/0/1")).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void profileOnABarePortWorksBecauseDeletingAbsentStatementsIsTolerated() {
        ChangeResult r = fx.engine.apply(apRequest("ge-0/0/7"));
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.CHANGED);
        assertThat(sim.runningConfig()).contains(
                "set interfaces ge-0/0/7 unit 0 family ethernet-switching interface-mode trunk",
                "set poe interface ge-0/0/7 priority high");
    }

    @Test
    void dryRunShowsTheDiffAndLeavesTheSwitchUntouched() {
        int commits = sim.commits().size();
        ChangeResult r = fx.engine.apply(apRequest("ge-0/0/1").asDryRun());

        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(r.diff()).contains("+   interface-mode trunk;");
        assertThat(r.timings()).extracting(StageTiming::stage)
                .containsExactly(Stage.CONNECT, Stage.LOCK, Stage.LOAD, Stage.DIFF, Stage.UNLOCK);
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(BEFORE);
        assertThat(sim.commits()).hasSize(commits);
        assertThat(sim.candidateDirty()).isFalse();
        assertThat(sim.lockHolder()).isEmpty();
    }

    @Test
    void lockHeldByAnotherSessionIsRetriedWithBackoffThenReportedWithTheHolder() {
        sim.faults().lockHeldBy("  ops terminal p0 (pid 4242) on since 2026-11-29 00:55:00 UTC\n      exclusive [edit]");
        ChangeResult r = fx.engine.apply(apRequest("ge-0/0/1"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.failedStage()).isEqualTo(Stage.LOCK);
        assertThat(r.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(r.message()).contains("after 4 attempts")
                .contains("configuration database locked by: ops terminal p0 (pid 4242)");
        assertThat(fx.pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(BEFORE);
    }

    @Test
    void lockReleasedDuringBackoffLetsTheChangeProceed() {
        sim.faults().lockHeldBy("  ops terminal p0 (pid 4242)");
        JunosPortConfigurator engine = new JunosPortConfigurator(JunosTargets.of(fx.sw.passwordTarget()),
                PortProfiles.defaults(), fx.sessions, new JunosPortConfigurator.Settings(5, EngineFixture.LOCK_RETRY,
                d -> sim.faults().lockHeldBy(null), fx.clock));

        ChangeResult r = engine.apply(apRequest("ge-0/0/1"));

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.CHANGED);
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(AFTER_AP);
    }

    @Test
    void readBackThatDoesNotMatchIsNotConfirmedAndRollsBackWhenTheTimerExpires() {
        // A self-contradicting profile: the switch keeps only the last interface-mode, so verify must catch it.
        PortProfiles contradictory = PortProfiles.fromYaml("""
                profiles:
                  ap:
                    statements:
                      - set interfaces {interface} unit 0 family ethernet-switching interface-mode access
                      - set interfaces {interface} unit 0 family ethernet-switching interface-mode trunk
                """);
        JunosPortConfigurator engine = new JunosPortConfigurator(JunosTargets.of(fx.sw.passwordTarget()), contradictory,
                fx.sessions, new JunosPortConfigurator.Settings(7, EngineFixture.LOCK_RETRY, fx.pauses::add,
                fx.clock));
        ChangeRequest req = new ChangeRequest(apRequest("ge-0/0/1").target(), "ap", Map.of(), false, "verify test", 0);
        java.time.Instant deadline = fx.sw.time.now().plus(Duration.ofMinutes(7));

        ChangeResult r = engine.apply(req);

        assertThat(r.failedStage()).isEqualTo(Stage.VERIFY);
        assertThat(r.leftIn()).isEqualTo(SwitchState.ROLLBACK_PENDING);
        assertThat(r.message()).contains("missing: set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode access")
                .contains("rolls back within 7 min");
        assertThat(sim.pendingConfirmDeadline()).contains(deadline);
        assertThat(sim.lockHolder()).isEmpty();
        assertThat(sim.candidateDirty()).isFalse();

        // Another change now would confirm the unverified one along with its own: it is refused.
        int commits = sim.commits().size();
        ChangeResult meanwhile = fx.engine.apply(apRequest("ge-0/0/2"));
        assertThat(meanwhile.failedStage()).isEqualTo(Stage.LOCK);
        assertThat(meanwhile.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(meanwhile.message()).contains("refusing to commit over it");
        assertThat(sim.commits()).hasSize(commits);
        assertThat(fx.engine.apply(apRequest("ge-0/0/2").asDryRun()).outcome())
                .as("a dry run commits nothing, so it may look").isEqualTo(Outcome.DRY_RUN);

        fx.sw.time.advance(Duration.ofMinutes(7));

        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(BEFORE);
        assertThat(sim.pendingConfirmDeadline()).isEmpty();
        assertThat(fx.engine.apply(apRequest("ge-0/0/2")).outcome()).isEqualTo(Outcome.CHANGED);
    }

    @Test
    void keyAuthenticationWorksEndToEnd() {
        try (JunosSessions own = new JunosSessions(SimulatedSwitch.fastTimeouts(), Duration.ofMinutes(1),
                Duration.ofMinutes(1), true, WarningAllowList.junosDefaults())) {
            JunosPortConfigurator engine = new JunosPortConfigurator(JunosTargets.of(fx.sw.keyTarget()),
                    PortProfiles.defaults(), own, new JunosPortConfigurator.Settings(5, EngineFixture.LOCK_RETRY,
                    fx.pauses::add, fx.clock));
            assertThat(engine.apply(apRequest("ge-0/0/1")).outcome()).isEqualTo(Outcome.CHANGED);
        }
    }

    @Test
    void badRequestsAreRejectedBeforeTheSwitchIsTouched() {
        int commits = sim.commits().size();
        SwitchPort port = apRequest("ge-0/0/1").target();
        assertThatThrownBy(() -> fx.engine.apply(new ChangeRequest(port, "nope", Map.of(), false, "", 0)))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.reason()).isEqualTo("unknown-profile"));
        assertThatThrownBy(() -> fx.engine.apply(new ChangeRequest(port, "ap",
                Map.of("vlans", "CORP; delete interfaces"), false, "", 0)))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.reason()).isEqualTo("bad-variable"));
        assertThatThrownBy(() -> fx.engine.apply(new ChangeRequest(port, "ap",
                Map.of("description", "x\" ; delete interfaces"), false, "", 0)))
                .isInstanceOf(ProfileException.class);
        assertThatThrownBy(() -> fx.engine.apply(new ChangeRequest(port, "ap", Map.of("native_vlan", "4095"), false, "", 0)))
                .isInstanceOf(ProfileException.class).hasMessageContaining("4094");
        assertThat(sim.commits()).hasSize(commits);
        assertThat(sim.candidateDirty()).isFalse();
    }

    @Test
    void unknownSwitchFailsAtConnectWithoutThrowing() {
        ChangeRequest req = new ChangeRequest(new SwitchPort("ex-unknown", MacAddress.parse("001122334455"),
                InterfaceName.parse("ge-0/0/1")), "ap", Map.of(), false, "", 0);
        ChangeResult r = fx.engine.apply(req);
        assertThat(r.failedStage()).isEqualTo(Stage.CONNECT);
        assertThat(r.message()).contains("ex-unknown");
    }

    @Test
    void secretsNeverAppearInResultsTargetsOrLogs() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            secretsStayOutOfResults();
            assertThat(fx.engine.apply(apRequest("ge-0/0/1")).outcome()).isEqualTo(Outcome.CHANGED);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(SimulatedSwitch.PASSWORD).doesNotContain("PRIVATE KEY"));
    }

    private void secretsStayOutOfResults() {
        sim.faults().refuseAuth(true);
        ChangeResult r;
        try (JunosSessions fresh = new JunosSessions(SimulatedSwitch.fastTimeouts(), Duration.ofMinutes(1),
                Duration.ofMinutes(1), true, WarningAllowList.junosDefaults())) {
            r = new JunosPortConfigurator(JunosTargets.of(fx.sw.passwordTarget()), PortProfiles.defaults(), fresh,
                    new JunosPortConfigurator.Settings(5, EngineFixture.LOCK_RETRY, fx.pauses::add, fx.clock))
                    .apply(apRequest("ge-0/0/1"));
        }
        assertThat(r.failedStage()).isEqualTo(Stage.CONNECT);
        assertThat(r.message()).contains("refused password authentication");
        assertThat(r.toString()).doesNotContain(SimulatedSwitch.PASSWORD);
        assertThat(fx.sw.passwordTarget().toString()).doesNotContain(SimulatedSwitch.PASSWORD);
        assertThat(fx.sw.keyTarget().toString()).doesNotContain("PRIVATE KEY");
        sim.faults().clear();
    }

    @Test
    void sessionDroppedByTheSwitchWhileIdleIsReplacedTransparently() {
        assertThat(fx.engine.apply(apRequest("ge-0/0/1")).outcome()).isEqualTo(Outcome.CHANGED);
        int opened = sim.sessionsOpened();
        sim.disconnectAll();

        ChangeResult r = fx.engine.apply(securedRequest("ge-0/0/1"));

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.CHANGED);
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(BEFORE);
        assertThat(sim.sessionsOpened()).isEqualTo(opened + 1);
    }

    @Test
    void sessionsAreReusedWhileBusyAndClosedWhenIdle() throws Exception {
        try (SimulatedSwitch own = new SimulatedSwitch("ex-idle", false, List.of("set system host-name ex-idle"));
             JunosSessions sessions = new JunosSessions(SimulatedSwitch.fastTimeouts(), Duration.ofMillis(1),
                     Duration.ofMinutes(1), true, WarningAllowList.junosDefaults())) {
            try (JunosSessions.Lease lease = sessions.lease(own.passwordTarget())) {
                lease.connect().committedSetStatements();
                assertThat(lease.connect().session().isOpen()).isTrue();
                assertThat(lease.reusedSession()).isTrue();
            }
            assertThat(own.sim.sessionsOpened()).isEqualTo(1);
            assertThat(own.sim.awaitActiveSessions(0, Duration.ofSeconds(20))).as("idle session closed").isTrue();
            assertThat(sessions.openSessions()).isZero();
        }
    }

    @Test
    void lldpNeighbourOnAPortIsReadThroughThePooledSession() {
        sim.setLldpNeighbors(List.of(
                new io.jenkins.plugins.mesa.lab.junos.LldpNeighbor("ge-0/0/1.0", "5c:5b:35:0e:55:c8", "eth0", "ap-01"),
                new io.jenkins.plugins.mesa.lab.junos.LldpNeighbor("ge-0/0/2", "not-a-mac", "x", "y")));
        JunosLldp lldp = new JunosLldp(JunosTargets.of(fx.sw.passwordTarget()), fx.sessions);
        assertThat(lldp.neighborOn(EngineFixture.SWITCH, InterfaceName.parse("ge-0/0/1")))
                .contains(MacAddress.parse("5c5b350e55c8"));
        assertThat(lldp.neighborOn(EngineFixture.SWITCH, InterfaceName.parse("ge-0/0/2"))).isEmpty();
        assertThat(lldp.neighborOn(EngineFixture.SWITCH, InterfaceName.parse("ge-0/0/3"))).isEmpty();
        assertThatThrownBy(() -> lldp.neighbors("ex-unknown")).isInstanceOfSatisfying(NetconfException.class,
                e -> assertThat(e.reason()).isEqualTo("unknown-switch"));
    }
}
