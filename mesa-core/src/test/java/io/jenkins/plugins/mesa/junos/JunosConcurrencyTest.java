package io.jenkins.plugins.mesa.junos;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.ChangeResult.Outcome;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.lab.junos.CommitRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many simultaneous changes on one switch are serialised over one reused session, none is lost. */
class JunosConcurrencyTest {
    private static final int PORTS = 48;

    @Test
    void fortyEightChangesSubmittedAtOnceAllLandSerialisedOnOneSession() throws Exception {
        List<String> before = new ArrayList<>(List.of("set system host-name ex-48"));
        for (int i = 0; i < PORTS; i++) {
            before.add("set interfaces ge-0/0/" + i + " unit 0 family ethernet-switching interface-mode access");
            before.add("set protocols dot1x authenticator interface ge-0/0/" + i + " mac-radius");
        }
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        try (SimulatedSwitch sw = new SimulatedSwitch("ex-48", true, before);
             JunosSessions sessions = new JunosSessions(SimulatedSwitch.fastTimeouts(), Duration.ofMinutes(5),
                     Duration.ofMinutes(5), true, WarningAllowList.junosDefaults())) {
            JunosPortConfigurator engine = new JunosPortConfigurator(JunosTargets.of(sw.passwordTarget()),
                    PortProfiles.defaults(), sessions, new JunosPortConfigurator.Settings(5, EngineFixture.LOCK_RETRY,
                    pauses::add, new SimClock(sw.time)));
            ExecutorService pool = Executors.newFixedThreadPool(PORTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ChangeResult>> futures = new ArrayList<>();
            for (int i = 0; i < PORTS; i++) {
                ChangeRequest req = new ChangeRequest(new SwitchPort("ex-48", MacAddress.parse("001122334455"),
                        InterfaceName.parse("ge-0/0/" + i)), "ap", Map.of("native_vlan", "10", "vlans", "AP-MGMT CORP"),
                        false, "MESA AP_CONNECTED port " + i, 0);
                futures.add(pool.submit(() -> {
                    go.await();
                    return engine.apply(req);
                }));
            }
            go.countDown();
            List<ChangeResult> results = new ArrayList<>();
            for (Future<ChangeResult> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.CHANGED));
            List<String> running = sw.sim.runningConfig();
            for (int i = 0; i < PORTS; i++) {
                String p = "ge-0/0/" + i;
                assertThat(running).contains(
                        "set interfaces " + p + " unit 0 family ethernet-switching interface-mode trunk",
                        "set interfaces " + p + " unit 0 family ethernet-switching vlan members AP-MGMT",
                        "set interfaces " + p + " unit 0 family ethernet-switching vlan members CORP",
                        "set interfaces " + p + " native-vlan-id 10",
                        "set poe interface " + p + " priority high")
                        .doesNotContain("set protocols dot1x authenticator interface " + p + " mac-radius",
                                "set interfaces " + p + " unit 0 family ethernet-switching interface-mode access");
            }
            // Serialised: every confirmed commit is followed by its own confirmation, never by another change.
            List<CommitRecord> commits = sw.sim.commits();
            assertThat(commits).hasSize(2 * PORTS);
            for (int i = 0; i < commits.size(); i += 2) {
                assertThat(commits.get(i).confirmed()).isTrue();
                assertThat(commits.get(i + 1).confirmed()).isFalse();
                assertThat(commits.get(i + 1).comment()).isEqualTo(commits.get(i).comment());
            }
            assertThat(pauses).as("no lock contention inside one process").isEmpty();
            assertThat(sw.sim.sessionsOpened()).as("one session reused for all changes").isEqualTo(1);
            assertThat(sw.sim.lockHolder()).isEmpty();
            assertThat(sw.sim.candidateDirty()).isFalse();
        }
    }
}
