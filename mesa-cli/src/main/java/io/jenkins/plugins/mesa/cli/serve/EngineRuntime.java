package io.jenkins.plugins.mesa.cli.serve;

import io.jenkins.plugins.mesa.audit.Notifier;
import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.config.Backend;
import io.jenkins.plugins.mesa.config.GuardConfig;
import io.jenkins.plugins.mesa.config.JunosConfig;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.SwitchConfig;
import io.jenkins.plugins.mesa.flow.BackendSelector;
import io.jenkins.plugins.mesa.flow.EventFlow;
import io.jenkins.plugins.mesa.flow.FlowSettings;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.flow.SwitchPortReader;
import io.jenkins.plugins.mesa.guard.LldpGuard;
import io.jenkins.plugins.mesa.guard.OutageGuard;
import io.jenkins.plugins.mesa.http.Pause;
import io.jenkins.plugins.mesa.junos.HostKeyPolicy;
import io.jenkins.plugins.mesa.junos.JunosPortConfigurator;
import io.jenkins.plugins.mesa.junos.JunosSessions;
import io.jenkins.plugins.mesa.junos.JunosTarget;
import io.jenkins.plugins.mesa.junos.JunosTargets;
import io.jenkins.plugins.mesa.junos.LockRetry;
import io.jenkins.plugins.mesa.junos.NetconfTimeouts;
import io.jenkins.plugins.mesa.junos.PortProfile;
import io.jenkins.plugins.mesa.junos.PortProfiles;
import io.jenkins.plugins.mesa.junos.WarningAllowList;
import io.jenkins.plugins.mesa.mist.MistClient;
import io.jenkins.plugins.mesa.mist.MistPortConfigurator;
import io.jenkins.plugins.mesa.mist.MistPortUsages;
import io.jenkins.plugins.mesa.mist.MistSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parts of MESA built from a configuration that the engine drives: the flow, and what to close after it.
 * Interim wiring of the junos and mist back-ends, to be replaced by {@code MesaRuntime} when it lands.
 */
final class EngineRuntime implements AutoCloseable {
    private final EventFlow flow;
    private final AutoCloseable resources;

    private EngineRuntime(EventFlow flow, AutoCloseable resources) {
        this.flow = flow;
        this.resources = resources;
    }

    static EngineRuntime build(MesaConfig config, FlowStores stores, Clock clock, UnaryOperator<FlowSettings> tuning,
                               boolean dryRun) {
        MistClient mist = MistClient.create(MistSettings.of(config.mist().baseUrl(), config.mist().token())
                .withTimeouts(config.mist().timeouts().connect(), config.mist().timeouts().request()),
                config.mist().retry(), Pause.REAL, clock);
        JunosConfig j = config.junos();
        JunosSessions sessions = new JunosSessions(new NetconfTimeouts(j.timeouts().connect(), j.timeouts().rpc(),
                j.timeouts().commit()), j.timeouts().idle(), Duration.ofMinutes(5), true,
                WarningAllowList.of(j.allowedWarnings().toArray(String[]::new)));
        List<JunosTarget> targets = new ArrayList<>();
        for (SwitchConfig s : config.switches()) {
            HostKeyPolicy pin = s.hostKey().map(HostKeyPolicy::pinned)
                    .orElseGet(() -> HostKeyPolicy.knownHosts(s.knownHostsFile().orElseThrow()));
            targets.add(new JunosTarget(s.name(), s.host().orElse(s.name()), s.port(), s.username(),
                    s.password().orElse(null), s.privateKey().orElse(null), s.passphrase().orElse(null), pin));
        }
        List<PortProfile> profiles = new ArrayList<>();
        j.profiles().forEach((name, p) -> profiles.add(new PortProfile(name, p.statements(), p.variables())));
        List<PortConfigurator> backends = new ArrayList<>();
        backends.add(dry(new JunosPortConfigurator(new JunosTargets(targets), new PortProfiles(profiles), sessions,
                new JunosPortConfigurator.Settings(j.confirmMinutes(), new LockRetry(j.lockRetry().maxAttempts(),
                        j.lockRetry().firstBackoff(), j.lockRetry().maxBackoff()),
                        io.jenkins.plugins.mesa.junos.Pause.sleeping(), clock)), dryRun));
        backends.add(dry(new MistPortConfigurator(mist, config.mist().orgId(),
                new MistPortUsages(config.mistBackend().usages()), clock), dryRun));
        Map<String, String> bySwitch = new java.util.HashMap<>();
        config.backends().bySwitch().forEach((k, v) -> bySwitch.put(k, v.id()));
        Map<String, String> bySite = new java.util.HashMap<>();
        config.backends().bySite().forEach((k, v) -> bySite.put(k, v.id()));
        bySwitch.values().removeIf(v -> v.equals(Backend.CSO.id()));
        bySite.values().removeIf(v -> v.equals(Backend.CSO.id()));
        String def = config.backends().defaultBackend() == Backend.CSO ? null : config.backends().defaultBackend().id();
        BackendSelector selector = new BackendSelector(backends, def, bySwitch, bySite);
        GuardConfig g = config.guards();
        FlowSettings settings = tuning.apply(FlowSettings.defaults().withHoldDown(g.holdDown())
                .withDedupWindow(g.dedupWindow())
                .withOutage(new OutageGuard.Thresholds(g.outage().window(), g.outage().minDisconnects(),
                        g.outage().minRatio()))
                .withLldpWhenUnknown(g.lldp().whenUnknown() == GuardConfig.WhenUnknown.REVERT
                        ? LldpGuard.WhenUnknown.REVERT : LldpGuard.WhenUnknown.NO_CHANGE));
        EventFlow flow = new EventFlow(settings, mist, selector, SwitchPortReader.NONE, stores, Notifier.NONE, clock);
        return new EngineRuntime(flow, sessions::close);
    }

    private static PortConfigurator dry(PortConfigurator c, boolean dryRun) {
        if (!dryRun) {
            return c;
        }
        return new PortConfigurator() {
            @Override
            public String backend() {
                return c.backend();
            }

            @Override
            public io.jenkins.plugins.mesa.change.ChangeResult apply(io.jenkins.plugins.mesa.change.ChangeRequest r) {
                return c.apply(r.asDryRun());
            }
        };
    }

    EventFlow flow() {
        return flow;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(EngineRuntime.class).warn("closing the runtime failed ({})",
                    e.getClass().getName());
        }
    }
}
