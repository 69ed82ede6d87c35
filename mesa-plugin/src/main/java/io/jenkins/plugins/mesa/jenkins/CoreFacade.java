package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.audit.InMemoryAuditLog;
import io.jenkins.plugins.mesa.config.Backend;
import io.jenkins.plugins.mesa.config.BackendConfig;
import io.jenkins.plugins.mesa.config.CsoConfig;
import io.jenkins.plugins.mesa.config.GuardConfig;
import io.jenkins.plugins.mesa.config.JunosConfig;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.MistBackendConfig;
import io.jenkins.plugins.mesa.config.MistConfig;
import io.jenkins.plugins.mesa.config.NotifyConfig;
import io.jenkins.plugins.mesa.config.ServerConfig;
import io.jenkins.plugins.mesa.config.StoreConfig;
import io.jenkins.plugins.mesa.config.SwitchConfig;
import io.jenkins.plugins.mesa.config.WebhookConfig;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.flow.InMemoryDedupLog;
import io.jenkins.plugins.mesa.flow.InMemoryOutageLog;
import io.jenkins.plugins.mesa.flow.InMemoryPendingEvents;
import io.jenkins.plugins.mesa.flow.InMemoryPortRegistry;
import io.jenkins.plugins.mesa.junos.PortProfile;
import io.jenkins.plugins.mesa.junos.PortProfiles;
import io.jenkins.plugins.mesa.runtime.MesaRuntime;
import io.jenkins.plugins.mesa.steps.MesaSteps;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one seam between the plugin and mesa-core's construction of the step facade: every step obtains its
 * {@link MesaSteps} here, from the run's {@link MesaSettings} and the plugin's durable {@link MesaState}
 * (which backs the core's port registry). Nothing else in the plugin builds core services for the steps.
 *
 * <p>The settings become a {@link MesaConfig} and one {@link MesaRuntime}, kept while the settings stay the same
 * (so NETCONF sessions are pooled across steps and runs) and closed when they change.
 */
final class CoreFacade {
    private static MesaRuntime runtime;
    private static MesaSettings builtFrom;
    private static MesaState builtFor;

    private CoreFacade() {}

    /** The facade for one step call: the runtime of these settings, built on first use. */
    static synchronized MesaSteps create(MesaSettings settings, @CheckForNull MesaState state) {
        if (runtime == null || !settings.equals(builtFrom) || state != builtFor) {
            MesaRuntime fresh = MesaRuntime.create(config(settings), stores(state), Clock.systemUTC());
            if (runtime != null) {
                runtime.close();
            }
            runtime = fresh;
            builtFrom = settings;
            builtFor = state;
        }
        return runtime.steps();
    }

    /**
     * The plugin's global configuration in mesa-core's terms. Each host-key pin is one switch, addressed by that
     * host (the {@code switch:} argument of {@code junosApplyProfile}), with the global switch login. The Junos
     * profiles are mesa-core's defaults ({@code ap}, {@code secured}). Secrets a step did not ask for are absent;
     * the parts that would need them are then refused by the peer, never called with a secret of another step.
 * Site rules become {@link #backends}; the CSO settings become {@link #cso}.
     */
    static MesaConfig config(MesaSettings s) {
        Secret token = s.mistToken() == null ? Secret.of("(no Mist token for this step)") : s.mistToken();
        MistConfig mist =
                MistConfig.of(URI.create(s.mistCloud()), token, s.mistOrgId().toLowerCase(Locale.ROOT));
        WebhookConfig webhook = new WebhookConfig(
                Optional.ofNullable(s.webhookSecret()),
                WebhookConfig.DEFAULT_PATH,
                s.allowLegacySignature(),
                WebhookConfig.DEFAULT_MAX_BODY_BYTES,
                s.webhookSecret() == null);
        GuardConfig guards = new GuardConfig(
                Duration.ofSeconds(s.holdDownSeconds()),
                Duration.ofMinutes(Math.max(1, s.dedupWindowMinutes())),
                new GuardConfig.Outage(
                        Duration.ofSeconds(Math.max(1, s.outageWindowSeconds())),
                        Math.max(2, s.outageThresholdCount()),
                        Math.min(1.0, Math.max(0.01, s.outageThresholdPercent() / 100.0))),
                new GuardConfig.Lldp(
                        s.lldpFromSwitch() ? GuardConfig.Sources.MIST_AND_NETCONF : GuardConfig.Sources.MIST,
                        s.lldpGuard() ? GuardConfig.WhenUnknown.NO_CHANGE : GuardConfig.WhenUnknown.REVERT));
        BackendConfig backends = backends(s);
        List<SwitchConfig> switches = new ArrayList<>();
        MesaSettings.SwitchLogin login = s.switchLogin();
        if (login != null) {
            s.hostKeys()
                    .forEach((host, fingerprint) -> switches.add(new SwitchConfig(
                            host,
                            Optional.of(host),
                            s.netconfPort(),
                            login.username(),
                            Optional.ofNullable(login.password()),
                            Optional.ofNullable(login.privateKey()),
                            Optional.ofNullable(login.passphrase()),
                            Optional.of(fingerprint),
                            Optional.empty(),
                            Optional.empty())));
        }
        Duration t = Duration.ofSeconds(Math.max(1, s.switchTimeoutSeconds()));
        Map<String, JunosConfig.Profile> profiles = new LinkedHashMap<>();
        for (String name : PortProfiles.defaults().names()) {
            PortProfile p = PortProfiles.defaults().require(name);
            profiles.put(name, new JunosConfig.Profile(p.statements(), p.defaults()));
        }
        JunosConfig junos = new JunosConfig(
                s.confirmMinutes(),
                new JunosConfig.Timeouts(t, t, t.multipliedBy(6), Duration.ofMinutes(2)),
                JunosConfig.DEFAULT_LOCK_RETRY,
                JunosConfig.DEFAULT_ALLOWED_WARNINGS,
                profiles);
        return new MesaConfig(
                MesaConfig.VERSION,
                mist,
                webhook,
                guards,
                backends,
                switches,
                junos,
                cso(s),
                MistBackendConfig.defaults(),
                NotifyConfig.none(),
                StoreConfig.defaults(),
                ServerConfig.defaults(),
                List.of());
    }

    /**
     * Site rules in mesa-core's terms. Core chooses per switch name or per site, without combining the two, so a
     * rule with a switch pattern becomes one {@code bySwitch} entry for every switch MESA knows (the host-key
     * pins) whose name the pattern matches; the rule's site is then not checked (a switch is in one site). Such a
     * rule never becomes a site-wide entry. As in the form, the first matching rule wins.
     */
    static BackendConfig backends(MesaSettings s) {
        Map<String, Backend> bySite = new LinkedHashMap<>();
        Map<String, Backend> bySwitch = new LinkedHashMap<>();
        for (MesaSettings.SiteBackend r : s.siteRules()) {
            String pattern = r.switchPattern() == null ? "" : r.switchPattern().trim();
            if (pattern.isEmpty()) {
                bySite.putIfAbsent(r.site(), backend(r.backend()));
                continue;
            }
            Pattern p = Pattern.compile(pattern);
            for (String name : s.hostKeys().keySet()) {
                if (p.matcher(name).matches()) {
                    bySwitch.putIfAbsent(name, backend(r.backend()));
                }
            }
        }
        return new BackendConfig(backend(s.defaultBackend()), bySite, bySwitch);
    }

    /**
     * The CSO back-end, when a CSO URL, login and both port profiles are set: Keystone user and project in the
     * {@code default} domain, the project being the CSO tenant. The global AP profile name maps to the AP port
     * profile (a trunk over every LAN segment, with the native VLAN if set), the secured profile name to the
     * secured port profile (an access port on the access VLAN if set).
     */
    static Optional<CsoConfig> cso(MesaSettings s) {
        MesaSettings.CsoProfiles p = s.csoProfiles();
        if (s.csoUrl() == null
                || s.csoUrl().isBlank()
                || s.csoUser() == null
                || s.csoPassword() == null
                || p.apPortProfile().isEmpty()
                || p.securedPortProfile().isEmpty()) {
            return Optional.empty();
        }
        Map<String, CsoConfig.Profile> profiles = new LinkedHashMap<>();
        profiles.put(
                s.apProfile(),
                new CsoConfig.Profile(p.apPortProfile(), List.of(), vlan(p.nativeVlan()), Optional.empty()));
        profiles.put(
                s.securedProfile(),
                new CsoConfig.Profile(p.securedPortProfile(), List.of(), Optional.empty(), vlan(p.accessVlan())));
        return Optional.of(new CsoConfig(
                URI.create(s.csoUrl()),
                s.csoUser(),
                s.csoPassword(),
                "default",
                s.csoTenant(),
                "default",
                CsoConfig.DEFAULT_TIMEOUTS,
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                CsoConfig.Paths.defaults(),
                profiles));
    }

    private static Optional<Integer> vlan(int id) {
        return id >= 1 && id <= 4094 ? Optional.of(id) : Optional.empty();
    }

    private static Backend backend(String name) {
        return Backend.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The port registry lives in the Jenkins home ({@link MesaState}); the steps keep nothing else. */
    private static FlowStores stores(@CheckForNull MesaState state) {
        return new FlowStores(
                state == null ? new InMemoryPortRegistry() : new MesaStatePortRegistry(state),
                new InMemoryPendingEvents(),
                new InMemoryDedupLog(),
                new InMemoryOutageLog(),
                new InMemoryAuditLog());
    }

    /** No longer thrown: kept for callers that still test for a build without the core facade. */
    static final class Unavailable extends MesaException {
        Unavailable() {
            super("facade-unavailable", "this MESA build has no mesa-core step facade factory");
        }
    }
}
