package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mistApplyPortProfile(switchMac: …, port: …, profile: …)}: sets the port's usage on a Mist-managed
 * switch through the Mist API (only that port's entry, re-read to verify). Returns the same map as
 * {@code junosApplyProfile}; a failed change fails the step.
 */
public final class MistApplyPortProfileStep extends Step {
    private final String switchMac;
    private final String port;
    private final String profile;
    private String siteId = "";
    private boolean dryRun;
    private String credentialsId = "";

    @DataBoundConstructor
    public MistApplyPortProfileStep(String switchMac, String port, String profile) {
        this.switchMac = Util.fixNull(switchMac).trim();
        this.port = Util.fixNull(port).trim();
        this.profile = Util.fixNull(profile).trim();
    }

    public String getSwitchMac() {
        return switchMac;
    }

    public String getPort() {
        return port;
    }

    public String getProfile() {
        return profile;
    }

    public String getSiteId() {
        return siteId;
    }

    /** The switch's site (default: looked up from the switch). */
    @DataBoundSetter
    public void setSiteId(String siteId) {
        this.siteId = Util.fixNull(siteId).trim();
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Report what would change and change nothing. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Secret text credential with a Mist API token, instead of the configured one. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient MistApplyPortProfileStep step;

        Execution(MistApplyPortProfileStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepRuntime rt = new StepRuntime(
                    getContext().get(Run.class), getContext().get(TaskListener.class), "mistApplyPortProfile");
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("switchMac", step.switchMac);
            args.put("port", step.port);
            args.put("profile", step.profile);
            args.put("dryRun", step.dryRun);
            if (!step.siteId.isEmpty()) {
                args.put("siteId", step.siteId);
            }
            String target = step.switchMac + " " + step.port;
            rt.log("set port usage '" + step.profile + "' on " + target + (step.dryRun ? " (dry run)" : ""));
            Map<String, Object> r = rt.call(
                    step.credentialsId,
                    StepRuntime.Login.MIST_TOKEN,
                    EnumSet.of(StepRuntime.Login.MIST_TOKEN),
                    f -> f.mistApplyPortProfile(args));
            ChangeReport.record(rt, "mistApplyPortProfile", "mist", target, step.profile, r);
            return r;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "mistApplyPortProfile";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "MESA: apply a port profile on a Mist-managed switch";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public FormValidation doCheckSwitchMac(@QueryParameter String value) {
            return StepForms.mac(value);
        }

        public FormValidation doCheckPort(@QueryParameter String value) {
            return StepForms.port(value);
        }

        public FormValidation doCheckProfile(@QueryParameter String value) {
            return StepForms.profile(value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentials(item, credentialsId, StringCredentials.class);
        }
    }
}
