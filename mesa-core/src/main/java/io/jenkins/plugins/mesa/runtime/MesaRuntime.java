package io.jenkins.plugins.mesa.runtime;

import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.audit.AuditLog;
import io.jenkins.plugins.mesa.audit.Notifier;
import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.config.Backend;
import io.jenkins.plugins.mesa.config.CsoConfig;
import io.jenkins.plugins.mesa.config.GuardConfig;
import io.jenkins.plugins.mesa.config.JunosConfig;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.SwitchConfig;
import io.jenkins.plugins.mesa.cso.CsoJobFields;
import io.jenkins.plugins.mesa.cso.CsoPaths;
import io.jenkins.plugins.mesa.cso.CsoPortConfigurator;
import io.jenkins.plugins.mesa.cso.CsoProfile;
import io.jenkins.plugins.mesa.cso.CsoSettings;
import io.jenkins.plugins.mesa.flow.BackendSelector;
import io.jenkins.plugins.mesa.flow.Disposition;
import io.jenkins.plugins.mesa.flow.EventFlow;
import io.jenkins.plugins.mesa.flow.FlowSettings;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.flow.SwitchPortReader;
import io.jenkins.plugins.mesa.guard.LldpGuard;
import io.jenkins.plugins.mesa.guard.OutageGuard;
import io.jenkins.plugins.mesa.http.Pause;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import io.jenkins.plugins.mesa.http.RetryingHttp;
import io.jenkins.plugins.mesa.junos.HostKeyPolicy;
import io.jenkins.plugins.mesa.junos.HostResolver;
import io.jenkins.plugins.mesa.junos.JunosLldp;
import io.jenkins.plugins.mesa.junos.JunosPortConfigurator;
import io.jenkins.plugins.mesa.junos.JunosPortReader;
import io.jenkins.plugins.mesa.junos.JunosSessions;
import io.jenkins.plugins.mesa.junos.JunosTarget;
import io.jenkins.plugins.mesa.junos.JunosTargets;
import io.jenkins.plugins.mesa.junos.LockRetry;
import io.jenkins.plugins.mesa.junos.NetconfTimeouts;
import io.jenkins.plugins.mesa.junos.PortProfile;
import io.jenkins.plugins.mesa.junos.PortProfiles;
import io.jenkins.plugins.mesa.junos.WarningAllowList;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.MistClient;
import io.jenkins.plugins.mesa.mist.MistPortConfigurator;
import io.jenkins.plugins.mesa.mist.MistPortUsages;
import io.jenkins.plugins.mesa.mist.MistSettings;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookSettings;
import io.jenkins.plugins.mesa.notify.ChatChannel;
import io.jenkins.plugins.mesa.notify.IncomingWebhookChannel;
import io.jenkins.plugins.mesa.steps.MesaSteps;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MESA deployment's working parts, built from its {@link MesaConfig}: the Mist client, the
 * webhook intake, the back-ends (Junos over NETCONF, CSO when configured, the Mist API for
 * Mist-managed switches) and their selection, the LLDP guard's switch-side reader, the chat
 * notifications, and the {@link EventFlow} that uses them. The hosts — {@code mesa serve},
 * {@code mesa lab}, the Jenkins plugin — build one, feed it events and close it; they keep the stores
 * (in memory, SQLite, the Jenkins home) and the scheduling ({@link EventFlow#runDue()}).
 *
 * <p>This class only wires: every decision lives in the parts. Building it talks to no peer (sessions
 * and logins happen on first use), so a runtime can be built for a configuration whose switches are
 * unreachable. {@link #close()} ends NETCONF sessions and sends what chat notices are queued.
 */
public final class MesaRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MesaRuntime.class);

    /**
     * What a host may tune beyond the configuration file.
     *
     * @param pause       waits between retries (Mist, CSO, switch locks); tests pass one that returns at once
     * @param alsoNotify  told about every audit record after the chat channels (the CLI's timeline, a Jenkins log)
     * @param lookupDelay wait after AP_CONNECTED/AP_RESTARTED before asking Mist where the AP is, overriding
     *                    {@code guards.lookupDelay}; {@code null} for the configured one. The lab, whose Mist
     *                    knows at once, uses 0
     */
    public record Options(Pause pause, Notifier alsoNotify, Duration lookupDelay) {
        public Options {
            Objects.requireNonNull(pause, "pause");
            Objects.requireNonNull(alsoNotify, "alsoNotify");
        }

        /** Real waiting, nobody else told, the configured lookup delay. */
        public static Options defaults() {
            return new Options(Pause.REAL, Notifier.NONE, null);
        }

        public Options withPause(Pause p) {
            return new Options(p, alsoNotify, lookupDelay);
        }

        public Options withAlsoNotify(Notifier n) {
            return new Options(pause, n, lookupDelay);
        }

        public Options withLookupDelay(Duration d) {
            return new Options(pause, alsoNotify, d);
        }
    }

    private final MesaConfig config;
    private final FlowStores stores;
    private final Clock clock;
    private final MistClient mist;
    private final WebhookIntake intake;
    private final JunosTargets junosTargets;
    private final JunosSessions sessions;
    private final JunosPortConfigurator junos;
    private final CsoPortConfigurator cso;
    private final MistPortConfigurator mistBackend;
    private final BackendSelector backends;
    private final SwitchPortReader switchReader;
    private final ChatNotifier chat;
    private final FlowSettings flowSettings;
    private final EventFlow flow;
    private final MesaSteps steps;

    private MesaRuntime(MesaConfig config, FlowStores stores, Clock clock, Options options) {
        this.config = Objects.requireNonNull(config, "config");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
        Pause pause = options.pause();

        this.mist = MistClient.create(mistSettings(config), config.mist().retry(), pause, clock);
        this.intake = new WebhookIntake(webhookSettings(config));

        JunosConfig j = config.junos();
        this.junosTargets = new JunosTargets(config.switches().stream().map(MesaRuntime::junosTarget).toList(),
                HostResolver.mist(mist, config.mist().orgId()));
        this.sessions = new JunosSessions(new NetconfTimeouts(j.timeouts().connect(), j.timeouts().rpc(),
                j.timeouts().commit()), j.timeouts().idle(), j.timeouts().commit().multipliedBy(2), true,
                WarningAllowList.of(j.allowedWarnings().toArray(String[]::new)));
        this.junos = new JunosPortConfigurator(junosTargets, portProfiles(j), sessions,
                new JunosPortConfigurator.Settings(j.confirmMinutes(), new LockRetry(j.lockRetry().maxAttempts(),
                        j.lockRetry().firstBackoff(), j.lockRetry().maxBackoff()), pause, clock));
        this.cso = config.cso().map(c -> csoConfigurator(c, pause, clock)).orElse(null);
        this.mistBackend = new MistPortConfigurator(mist, config.mist().orgId(),
                new MistPortUsages(config.mistBackend().usages()), clock, config.mistBackend().writeAttempts());
        this.backends = backendSelector(config, junos, cso, mistBackend);
        this.switchReader = config.guards().lldp().sources() == GuardConfig.Sources.MIST_AND_NETCONF
                ? new JunosPortReader(junosTargets, new JunosLldp(junosTargets, sessions)) : SwitchPortReader.NONE;

        List<ChatChannel> channels = new ArrayList<>();
        RetryingHttp chatHttp = new RetryingHttp(RetryingHttp.newClient(config.notifications().timeout()),
                new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(5)), pause, config.notifications().timeout(),
                clock);
        config.notifications().slack().ifPresent(c -> channels.add(IncomingWebhookChannel.slack(c.webhookUrl(), chatHttp)));
        config.notifications().teams().ifPresent(c -> channels.add(IncomingWebhookChannel.teams(c.webhookUrl(), chatHttp)));
        this.chat = new ChatNotifier(channels);
        Notifier also = options.alsoNotify();
        Notifier notifier = record -> {
            chat.publish(record);
            also.publish(record);
        };

        FlowSettings fs = flowSettings(config.guards());
        this.flowSettings = options.lookupDelay() == null ? fs : fs.withLookupDelay(options.lookupDelay());
        this.flow = new EventFlow(flowSettings, mist, backends, switchReader, stores, notifier, clock);
        this.steps = new CoreSteps(this);
    }

    /** A runtime with real waiting, no extra notifier and the default lookup delay. */
    public static MesaRuntime create(MesaConfig config, FlowStores stores, Clock clock) {
        return create(config, stores, clock, Options.defaults());
    }

    /**
     * Builds every part; no peer is contacted.
     *
     * @throws MesaException (e.g. a {@code bad-profile} Junos template) or {@link IllegalArgumentException}
     *                       for a configuration the parts refuse
     */
    public static MesaRuntime create(MesaConfig config, FlowStores stores, Clock clock, Options options) {
        return new MesaRuntime(config, stores, clock, Objects.requireNonNull(options, "options"));
    }

    // ------------------------------------------------------------------ for hosts

    /**
     * Checks and parses one webhook body ({@link WebhookIntake}) and hands each AP event of the configured
     * org to the flow. Events of other orgs are left out (logged), as the configuration promises.
     *
     * @throws io.jenkins.plugins.mesa.mist.WebhookRejected for a body MESA refuses; nothing is accepted then
     */
    public List<Disposition> receive(byte[] rawBody, Function<String, String> header) {
        WebhookBatch batch = intake.accept(rawBody, header);
        List<Disposition> out = new ArrayList<>();
        for (ApEvent e : batch.events()) {
            if (!e.orgId().isEmpty() && !e.orgId().equalsIgnoreCase(config.mist().orgId())) {
                LOG.warn("event {} is for another Mist org; ignored", e.eventId());
                continue;
            }
            out.add(flow.accept(e));
        }
        return out;
    }

    public MesaConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public WebhookIntake intake() {
        return intake;
    }

    public EventFlow flow() {
        return flow;
    }

    public FlowSettings flowSettings() {
        return flowSettings;
    }

    /** The pipeline-step facade over these parts ({@link CoreSteps}). */
    public MesaSteps steps() {
        return steps;
    }

    public FlowStores stores() {
        return stores;
    }

    public AuditLog audit() {
        return stores.audit();
    }

    public MistClient mist() {
        return mist;
    }

    public JunosPortConfigurator junos() {
        return junos;
    }

    public JunosTargets junosTargets() {
        return junosTargets;
    }

    /** Open NETCONF sessions (health output). */
    public int openSwitchSessions() {
        return sessions.openSessions();
    }

    public Optional<CsoPortConfigurator> cso() {
        return Optional.ofNullable(cso);
    }

    public MistPortConfigurator mistBackend() {
        return mistBackend;
    }

    public BackendSelector backends() {
        return backends;
    }

    /** The LLDP guard's live source: the switches' own LLDP tables, or {@link SwitchPortReader#NONE}. */
    public SwitchPortReader switchReader() {
        return switchReader;
    }

    /** Sends queued chat notices (up to 10 s), then closes every NETCONF session. */
    @Override
    public void close() {
        try {
            chat.close();
        } finally {
            sessions.close();
        }
    }

    // ------------------------------------------------------------------ configuration → part settings

    static MistSettings mistSettings(MesaConfig config) {
        Map<String, MistSettings.SwitchOverride> overrides = new LinkedHashMap<>();
        for (SwitchConfig s : config.switches()) {
            s.host().ifPresent(host -> {
                MistSettings.SwitchOverride o = new MistSettings.SwitchOverride(host, null);
                overrides.put(s.name(), o);
                s.mac().ifPresent(mac -> overrides.put(mac.value(), o));
            });
        }
        return new MistSettings(config.mist().baseUrl(), config.mist().token(), config.mist().timeouts().connect(),
                config.mist().timeouts().request(), overrides);
    }

    static WebhookSettings webhookSettings(MesaConfig config) {
        var w = config.webhook();
        return new WebhookSettings(w.secret().orElse(null), w.allowLegacySha1(), w.insecureNoSignature(),
                w.maxBodyBytes());
    }

    /**
     * The switch's NETCONF target. A switch configured without {@code host} has none here: the Junos
     * back-end connects to the management address Mist reports for it ({@link JunosTargets#addressOf}) when it opens a session.
     */
    static JunosTarget junosTarget(SwitchConfig s) {
        HostKeyPolicy hostKey = s.hostKey().isPresent()
                ? HostKeyPolicy.pinned(s.hostKey().get())
                : HostKeyPolicy.knownHosts(s.knownHostsFile().orElseThrow());
        String host = s.host().orElse(null);
        return s.password().isPresent()
                ? JunosTarget.withPassword(s.name(), host, s.port(), s.username(), s.password().get(), hostKey)
                : JunosTarget.withKey(s.name(), host, s.port(), s.username(), s.privateKey().orElseThrow(),
                        s.passphrase().orElse(null), hostKey);
    }

    static PortProfiles portProfiles(JunosConfig j) {
        return new PortProfiles(j.profiles().entrySet().stream()
                .map(e -> new PortProfile(e.getKey(), e.getValue().statements(), e.getValue().variables()))
                .toList());
    }

    static CsoPortConfigurator csoConfigurator(CsoConfig c, Pause pause, Clock clock) {
        Map<String, CsoProfile> profiles = new LinkedHashMap<>();
        c.profiles().forEach((name, p) -> profiles.put(name, p.access()
                ? CsoProfile.access(p.portProfile(), p.accessVlan().get())
                : new CsoProfile(p.portProfile(), CsoProfile.Mode.TRUNK, p.lanSegments(), p.nativeVlan().orElse(null))));
        CsoConfig.Paths p = c.paths();
        CsoSettings settings = new CsoSettings(c.baseUrl(), c.user(), c.password(), c.userDomain(), c.project(),
                c.projectDomain(), c.timeouts().connect(), c.timeouts().request(), c.deployDeadline(), c.pollInterval(),
                c.tokenMargin(), new CsoPaths(p.devices(), p.lanSegmentFilter(), p.portProfiles(), p.apply(), p.deploy(),
                        p.job(), p.devicePorts()), CsoJobFields.defaults(), profiles);
        RetryingHttp http = new RetryingHttp(RetryingHttp.newClient(c.timeouts().connect()), RetryPolicy.standard(), pause,
                c.timeouts().request(), clock);
        return new CsoPortConfigurator(settings, http, clock, pause);
    }

    static BackendSelector backendSelector(MesaConfig config, JunosPortConfigurator junos, CsoPortConfigurator cso,
                                           MistPortConfigurator mist) {
        List<PortConfigurator> all = new ArrayList<>();
        all.add(junos);
        if (cso != null) {
            all.add(cso);
        }
        all.add(mist);
        Map<String, String> bySwitch = new LinkedHashMap<>();
        config.backends().bySwitch().forEach((k, v) -> bySwitch.put(k, v.id()));
        Map<String, String> bySite = new LinkedHashMap<>();
        config.backends().bySite().forEach((k, v) -> bySite.put(k, v.id()));
        Backend d = config.backends().defaultBackend();
        return new BackendSelector(all, d.id(), bySwitch, bySite);
    }

    static FlowSettings flowSettings(GuardConfig g) {
        return FlowSettings.defaults()
                .withHoldDown(g.holdDown())
                .withLookupDelay(g.lookupDelay())
                .withDedupWindow(g.dedupWindow())
                .withOutage(new OutageGuard.Thresholds(g.outage().window(), g.outage().minDisconnects(),
                        g.outage().minRatio()))
                .withLldpWhenUnknown(g.lldp().whenUnknown() == GuardConfig.WhenUnknown.REVERT
                        ? LldpGuard.WhenUnknown.REVERT : LldpGuard.WhenUnknown.NO_CHANGE);
    }
}
