package io.jenkins.plugins.mesa.junos;

import static io.jenkins.plugins.mesa.junos.EngineFixture.AFTER_AP;
import static io.jenkins.plugins.mesa.junos.EngineFixture.BEFORE;
import static io.jenkins.plugins.mesa.junos.EngineFixture.apRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.ChangeResult.Outcome;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.SimFaults;
import io.jenkins.plugins.mesa.lab.junos.SimStage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every injected fault at every stage: the switch's running configuration is exactly the
 * before-state or the after-state (never in between), it ends where the result says, the candidate
 * is clean and nobody holds the lock.
 */
class JunosFaultMatrixTest {
    private static EngineFixture fx;
    private static final Duration CONFIRM_WINDOW = Duration.ofMinutes(5);

    @BeforeAll
    static void start() {
        fx = new EngineFixture(false, SimulatedSwitch.fastTimeouts());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    enum End { BEFORE, AFTER }

    private static Arguments row(String name, Consumer<SimFaults> fault, Stage failedAt, SwitchState leftIn, End end) {
        return Arguments.of(name, fault, failedAt, leftIn, end);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                row("drop before lock", f -> f.dropBefore(SimStage.LOCK), Stage.LOCK, SwitchState.BEFORE, End.BEFORE),
                row("drop after lock", f -> f.dropAfter(SimStage.LOCK), Stage.LOCK, SwitchState.BEFORE, End.BEFORE),
                row("lock held elsewhere", f -> f.lockHeldBy("  ops terminal p1 (pid 77)"), Stage.LOCK, SwitchState.BEFORE, End.BEFORE),
                row("drop before load", f -> f.dropBefore(SimStage.LOAD), Stage.LOAD, SwitchState.BEFORE, End.BEFORE),
                row("drop after load", f -> f.dropAfter(SimStage.LOAD), Stage.LOAD, SwitchState.BEFORE, End.BEFORE),
                row("load error", f -> f.loadErrorOn("poe interface"), Stage.LOAD, SwitchState.BEFORE, End.BEFORE),
                row("load error, drop at discard", f -> f.loadErrorOn("poe interface").dropBefore(SimStage.DISCARD),
                        Stage.LOAD, SwitchState.BEFORE, End.BEFORE),
                row("drop before diff", f -> f.dropBefore(SimStage.COMPARE), Stage.DIFF, SwitchState.BEFORE, End.BEFORE),
                row("drop after diff", f -> f.dropAfter(SimStage.COMPARE), Stage.DIFF, SwitchState.BEFORE, End.BEFORE),
                row("drop before check", f -> f.dropBefore(SimStage.CHECK), Stage.CHECK, SwitchState.BEFORE, End.BEFORE),
                row("drop after check", f -> f.dropAfter(SimStage.CHECK), Stage.CHECK, SwitchState.BEFORE, End.BEFORE),
                row("commit check error", f -> f.commitCheckError("interface ge-0/0/1: vlan AP-MGMT not defined"),
                        Stage.CHECK, SwitchState.BEFORE, End.BEFORE),
                row("check error, drop after discard", f -> f.commitCheckError("bad").dropAfter(SimStage.DISCARD),
                        Stage.CHECK, SwitchState.BEFORE, End.BEFORE),
                row("check error, drop at unlock", f -> f.commitCheckError("bad").dropBefore(SimStage.UNLOCK),
                        Stage.CHECK, SwitchState.BEFORE, End.BEFORE),
                row("commit error", f -> f.commitError("mgd: commit failed"), Stage.COMMIT, SwitchState.BEFORE, End.BEFORE),
                row("commit warning not on the allow-list", f -> f.commitWarning("mgd: statement deprecated"),
                        Stage.COMMIT, SwitchState.ROLLBACK_PENDING, End.BEFORE),
                row("confirm warning not on the allow-list", f -> f.confirmWarning("mgd: statement deprecated"),
                        Stage.CONFIRM, SwitchState.AFTER, End.AFTER),
                row("drop before commit confirmed", f -> f.dropBefore(SimStage.COMMIT_CONFIRMED),
                        Stage.COMMIT, SwitchState.ROLLBACK_PENDING, End.BEFORE),
                row("drop after commit confirmed", f -> f.dropAfter(SimStage.COMMIT_CONFIRMED),
                        Stage.COMMIT, SwitchState.ROLLBACK_PENDING, End.BEFORE),
                row("drop before read-back", f -> f.dropBefore(SimStage.READ_CONFIG),
                        Stage.VERIFY, SwitchState.ROLLBACK_PENDING, End.BEFORE),
                row("drop after read-back", f -> f.dropAfter(SimStage.READ_CONFIG),
                        Stage.VERIFY, SwitchState.ROLLBACK_PENDING, End.BEFORE),
                row("confirm never arrives", SimFaults::confirmNeverArrives, Stage.CONFIRM, SwitchState.UNKNOWN, End.BEFORE),
                row("drop after confirm", f -> f.dropAfter(SimStage.COMMIT), Stage.CONFIRM, SwitchState.UNKNOWN, End.AFTER),
                row("drop before unlock", f -> f.dropBefore(SimStage.UNLOCK), null, SwitchState.AFTER, End.AFTER),
                row("drop after unlock", f -> f.dropAfter(SimStage.UNLOCK), null, SwitchState.AFTER, End.AFTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void switchEndsExactlyBeforeOrAfterNeverInBetween(String name, Consumer<SimFaults> fault, Stage failedAt,
                                                     SwitchState leftIn, End end) throws Exception {
        fx.reset();
        JunosSimulator sim = fx.sw.sim;
        fault.accept(sim.faults());

        ChangeResult r = fx.engine.apply(apRequest("ge-0/0/1"));

        assertThat(r.outcome()).as(r.message()).isEqualTo(failedAt == null ? Outcome.CHANGED : Outcome.FAILED);
        assertThat(r.failedStage()).as(r.message()).isEqualTo(failedAt);
        assertThat(r.leftIn()).as(r.message()).isEqualTo(leftIn);
        sim.faults().clear();
        assertCleanAndUnlocked();
        assertBeforeOrAfter(sim.runningConfig());
        if (leftIn == SwitchState.BEFORE) {
            assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(BEFORE);
            assertThat(sim.pendingConfirmDeadline()).isEmpty();
        }
        if (leftIn == SwitchState.AFTER) {
            assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(AFTER_AP);
            assertThat(sim.pendingConfirmDeadline()).isEmpty();
        }

        fx.sw.time.advance(CONFIRM_WINDOW);

        assertThat(sim.pendingConfirmDeadline()).isEmpty();
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(end == End.BEFORE ? BEFORE : AFTER_AP);
        assertCleanAndUnlocked();
        // The engine recovers: the next change on the same switch goes through.
        ChangeResult next = fx.engine.apply(apRequest("ge-0/0/1"));
        assertThat(next.outcome()).as(next.message()).isIn(Outcome.CHANGED, Outcome.UNCHANGED);
        assertThat(sim.runningConfig()).containsExactlyInAnyOrderElementsOf(AFTER_AP);
    }

    @Test
    void slowCommitTimesOutAndTheSwitchStillEndsInTheBeforeState() throws Exception {
        NetconfTimeouts shortCommit = new NetconfTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20),
                Duration.ofMillis(300));
        EngineFixture slow = new EngineFixture(false, shortCommit);
        try {
            SimFaults.CommitGate gate = slow.sw.sim.faults().holdCommits();
            ChangeResult r = slow.engine.apply(apRequest("ge-0/0/1"));

            assertThat(r.failedStage()).isEqualTo(Stage.COMMIT);
            assertThat(r.leftIn()).isEqualTo(SwitchState.ROLLBACK_PENDING);
            assertThat(r.message()).contains("no reply to commit-configuration");
            assertThat(gate.awaitCommitArrived(20, TimeUnit.SECONDS)).isTrue();
            gate.release();
            assertThat(gate.awaitCommitDone(20, TimeUnit.SECONDS)).isTrue();
            slow.sw.awaitUnlockedAndClean();
            List<String> now = slow.sw.sim.runningConfig();
            assertBeforeOrAfter(now);

            slow.sw.time.advance(CONFIRM_WINDOW);

            assertThat(slow.sw.sim.runningConfig()).containsExactlyInAnyOrderElementsOf(BEFORE);
            assertThat(slow.sw.sim.pendingConfirmDeadline()).isEmpty();
        } finally {
            slow.close();
        }
    }

    private static void assertCleanAndUnlocked() throws InterruptedException {
        fx.sw.awaitUnlockedAndClean();
        assertThat(fx.sw.sim.lockHolder()).isEmpty();
        assertThat(fx.sw.sim.candidateDirty()).isFalse();
    }

    private static void assertBeforeOrAfter(List<String> running) {
        assertThat(Set.copyOf(running)).isIn(Set.copyOf(BEFORE), Set.copyOf(AFTER_AP));
    }
}
