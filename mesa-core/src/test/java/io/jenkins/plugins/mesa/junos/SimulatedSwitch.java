package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.lab.junos.ClientKey;
import io.jenkins.plugins.mesa.lab.junos.JunosSimulator;
import io.jenkins.plugins.mesa.lab.junos.SimTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A simulated EX switch on 127.0.0.1 with manual time, plus the client-side settings to reach it. */
final class SimulatedSwitch implements AutoCloseable {
    static final String USER = "mesa";
    static final String PASSWORD = "s3cret-Pa55";
    static final Instant START = Instant.parse("2026-11-29T01:00:00Z");

    final SimTime.Manual time = SimTime.manual(START);
    final ClientKey key = ClientKey.generate();
    final JunosSimulator sim;

    SimulatedSwitch(String name, boolean offerBase11, List<String> initialConfig) {
        sim = JunosSimulator.builder().hostname(name).time(time).offerBase11(offerBase11)
                .user(USER, PASSWORD).authorizedKey(USER, key.publicKey())
                .initialConfig(initialConfig).start();
    }

    JunosTarget passwordTarget() {
        return JunosTarget.withPassword(sim.hostname(), sim.host(), sim.port(), USER, Secret.of(PASSWORD),
                HostKeyPolicy.pinned(sim.hostKeyFingerprint()));
    }

    JunosTarget keyTarget() {
        return JunosTarget.withKey(sim.hostname(), sim.host(), sim.port(), USER, Secret.of(key.openSshPrivateKey()),
                null, HostKeyPolicy.pinned(sim.hostKeyFingerprint()));
    }

    static NetconfTimeouts fastTimeouts() {
        return new NetconfTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    void awaitUnlockedAndClean() throws InterruptedException {
        if (!sim.awaitUnlockedAndClean(Duration.ofSeconds(20))) {
            throw new AssertionError("switch still locked or dirty: lock=" + sim.lockHolder()
                    + " dirty=" + sim.candidateDirty());
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
