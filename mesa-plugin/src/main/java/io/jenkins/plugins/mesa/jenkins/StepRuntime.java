package io.jenkins.plugins.mesa.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.steps.MesaSteps;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * What every MESA step does around its one facade call: settings and credentials resolved for the run (and
 * tracked), a concise console line, typed core errors turned into one-line step failures, plain return values,
 * and the run's {@link MesaChangeAction} saved after it is updated.
 */
final class StepRuntime {
    private static final Logger LOGGER = Logger.getLogger(StepRuntime.class.getName());

    /** The secrets a step may need; a step's {@code credentialsId} replaces the global one of its kind. */
    enum Login {
        MIST_TOKEN("a Secret text credential (Mist API token)"),
        WEBHOOK_SECRET("a Secret text credential (webhook secret)"),
        SWITCH("an SSH private key or username/password credential (switch login)"),
        CSO("a username/password credential (CSO)");

        final String what;

        Login(String what) {
            this.what = what;
        }
    }

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final String stepName;

    StepRuntime(Run<?, ?> run, TaskListener listener, String stepName) {
        this.run = run;
        this.listener = listener;
        this.stepName = stepName;
    }

    /** One console line, prefixed with the step name. Callers pass only non-secret values. */
    void log(String message) {
        listener.getLogger().println(stepName + ": " + message);
    }

    /**
     * Builds the facade with the secrets this step needs and applies {@code call}. {@code credentialsId}, when
     * given, is resolved in the run's context and replaces the global credential of kind {@code override}.
     */
    Map<String, Object> call(
            @CheckForNull String credentialsId,
            Login override,
            Set<Login> needs,
            Function<MesaSteps, Map<String, Object>> call)
            throws AbortException {
        try {
            MesaSteps facade = CoreFacade.create(settings(credentialsId, override, needs), MesaState.get());
            return PlainValues.copy(call.apply(facade));
        } catch (MesaException e) {
            throw new AbortException(stepName + " failed: " + e.getMessage() + " [" + e.reason() + "]");
        }
    }

    /** The run's audit record; call {@link #save()} after changing it. */
    MesaChangeAction audit() {
        return MesaChangeAction.of(run);
    }

    void save() {
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save " + run + " after recording a MESA decision", e);
        }
    }

    private MesaSettings settings(@CheckForNull String credentialsId, Login override, Set<Login> needs)
            throws AbortException {
        MesaConfiguration c = MesaConfiguration.get();
        String explicit = Util.fixEmptyAndTrim(credentialsId);
        Secret mistToken = needs.contains(Login.MIST_TOKEN)
                ? secretText(
                        pick(explicit, override, Login.MIST_TOKEN, c.getMistTokenCredentialsId()), Login.MIST_TOKEN)
                : null;
        Secret webhookSecret = needs.contains(Login.WEBHOOK_SECRET)
                ? secretText(
                        pick(explicit, override, Login.WEBHOOK_SECRET, c.getWebhookSecretCredentialsId()),
                        Login.WEBHOOK_SECRET)
                : null;
        MesaSettings.SwitchLogin switchLogin = needs.contains(Login.SWITCH)
                ? switchLogin(pick(explicit, override, Login.SWITCH, c.getSwitchCredentialsId()))
                : null;
        StandardUsernamePasswordCredentials cso = needs.contains(Login.CSO)
                ? find(
                        pick(explicit, override, Login.CSO, c.getCsoCredentialsId()),
                        StandardUsernamePasswordCredentials.class,
                        Login.CSO)
                : null;
        Map<String, String> hostKeys = new LinkedHashMap<>();
        c.getHostKeys().forEach(p -> hostKeys.put(p.getHost(), p.getFingerprint()));
        List<MesaSettings.SiteBackend> rules = c.getSiteRules().stream()
                .map(r -> new MesaSettings.SiteBackend(
                        r.getSite(),
                        r.getSwitchPattern(),
                        r.getBackend().name(),
                        r.getApProfile(),
                        r.getSecuredProfile()))
                .toList();
        return new MesaSettings(
                c.getMistCloud(),
                c.getMistOrgId(),
                mistToken,
                webhookSecret,
                c.isAllowLegacySignature(),
                c.getHoldDownSeconds(),
                c.getOutageWindowSeconds(),
                c.getOutageThresholdCount(),
                c.getOutageThresholdPercent(),
                c.isLldpGuard(),
                c.isLldpFromSwitch(),
                c.getDefaultBackend().name(),
                rules,
                switchLogin,
                c.getNetconfPort(),
                c.getSwitchTimeoutSeconds(),
                c.getConfirmMinutes(),
                hostKeys,
                c.getCsoUrl(),
                c.getCsoTenant(),
                cso == null ? null : cso.getUsername(),
                cso == null ? null : Secret.of(cso.getPassword().getPlainText()),
                c.getApProfile(),
                c.getSecuredProfile(),
                c.getDedupWindowMinutes(),
                new MesaSettings.CsoProfiles(
                        c.getCsoApPortProfile(),
                        c.getCsoSecuredPortProfile(),
                        c.getCsoNativeVlan(),
                        c.getCsoAccessVlan()));
    }

    /** An explicit id (run context) for the overridden kind, else the global id (root context); null = none. */
    @CheckForNull
    private static Pick pick(@CheckForNull String explicit, Login override, Login kind, String globalId) {
        if (explicit != null && override == kind) {
            return new Pick(explicit, true);
        }
        String g = Util.fixEmptyAndTrim(globalId);
        return g == null ? null : new Pick(g, false);
    }

    private record Pick(String id, boolean fromStep) {}

    @CheckForNull
    private Secret secretText(@CheckForNull Pick pick, Login kind) throws AbortException {
        StringCredentials s = find(pick, StringCredentials.class, kind);
        if (s == null) {
            return null;
        }
        String plain = s.getSecret().getPlainText();
        return plain.isEmpty() ? null : Secret.of(plain);
    }

    @CheckForNull
    private MesaSettings.SwitchLogin switchLogin(@CheckForNull Pick pick) throws AbortException {
        StandardUsernameCredentials u = find(pick, StandardUsernameCredentials.class, Login.SWITCH);
        String id = pick == null ? "" : pick.id();
        if (u instanceof SSHUserPrivateKey k) {
            List<String> keys = k.getPrivateKeys();
            if (keys.isEmpty()) {
                throw new AbortException(stepName + ": credential '" + id + "' holds no private key");
            }
            hudson.util.Secret pass = k.getPassphrase();
            String passText = pass == null ? "" : pass.getPlainText();
            return new MesaSettings.SwitchLogin(
                    k.getUsername(), null, Secret.of(keys.get(0)), passText.isEmpty() ? null : Secret.of(passText));
        }
        if (u instanceof StandardUsernamePasswordCredentials p) {
            String pw = p.getPassword().getPlainText();
            return new MesaSettings.SwitchLogin(p.getUsername(), pw.isEmpty() ? null : Secret.of(pw), null, null);
        }
        if (u != null) {
            throw new AbortException(stepName + ": credential '" + id + "' is not " + Login.SWITCH.what);
        }
        return null;
    }

    /** Resolves and tracks a credential; a missing or mistyped one named by the step fails the step. */
    @CheckForNull
    private <C extends IdCredentials> C find(@CheckForNull Pick pick, Class<C> type, Login kind) throws AbortException {
        if (pick == null) {
            return null;
        }
        IdCredentials found = pick.fromStep()
                ? CredentialsProvider.findCredentialById(pick.id(), IdCredentials.class, run)
                : CredentialsProvider.findCredentialByIdInItemGroup(
                        pick.id(), IdCredentials.class, Jenkins.get(), ACL.SYSTEM2, null);
        if (found == null) {
            throw new AbortException(stepName + ": could not find credentials entry with ID '" + pick.id() + "'");
        }
        if (!type.isInstance(found)) {
            throw new AbortException(stepName + ": credential '" + pick.id() + "' is not " + kind.what);
        }
        CredentialsProvider.track(run, found);
        return type.cast(found);
    }
}
