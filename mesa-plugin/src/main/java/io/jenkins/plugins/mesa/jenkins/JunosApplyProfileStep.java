package io.jenkins.plugins.mesa.jenkins;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
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
 * {@code junosApplyProfile(switch: …, port: …, profile: 'ap' | 'secured' | custom, dryRun: false,
 * confirmMinutes: N, comment: …)}: changes one EX port over NETCONF (lock, load, diff, commit confirmed,
 * verify, confirm). Returns {@code outcome, changed, diff, comment, remoteRef, timings}; a failed change fails
 * the step naming the stage and the state the switch was left in.
 *
 * <p>{@code switch} is required but is a setter, not a constructor parameter: it is a Java keyword, so no
 * constructor parameter can carry that name. The step refuses to run without it.
 */
public final class JunosApplyProfileStep extends Step {
    private final String port;
    private final String profile;
    private String switchHost = "";
    private boolean dryRun;
    private int confirmMinutes;
    private String comment = "";
    private String credentialsId = "";

    @DataBoundConstructor
    public JunosApplyProfileStep(String port, String profile) {
        this.port = Util.fixNull(port).trim();
        this.profile = Util.fixNull(profile).trim();
    }

    /** The switch: its name or management host ({@code switchName} or {@code managementHost} from {@code mistLookupPort}). */
    public String getSwitch() {
        return switchHost;
    }

    @DataBoundSetter
    public void setSwitch(String value) {
        this.switchHost = Util.fixNull(value).trim();
    }

    public String getPort() {
        return port;
    }

    public String getProfile() {
        return profile;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Show the diff and change nothing. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public int getConfirmMinutes() {
        return confirmMinutes;
    }

    /** Minutes the switch waits for confirmation before rolling back; 0 = the configured default. */
    @DataBoundSetter
    public void setConfirmMinutes(int confirmMinutes) {
        this.confirmMinutes = confirmMinutes;
    }

    public String getComment() {
        return comment;
    }

    /** Commit comment; default names the run and the event. */
    @DataBoundSetter
    public void setComment(String comment) {
        this.comment = Util.fixNull(comment).trim();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** An SSH private key or username/password credential for the switch, instead of the configured one. */
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
        private final transient JunosApplyProfileStep step;

        Execution(JunosApplyProfileStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            StepRuntime rt = new StepRuntime(run, getContext().get(TaskListener.class), "junosApplyProfile");
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("switch", step.switchHost);
            args.put("port", step.port);
            args.put("profile", step.profile);
            args.put("dryRun", step.dryRun);
            if (step.confirmMinutes > 0) {
                args.put("confirmMinutes", step.confirmMinutes);
            }
            args.put("comment", step.comment.isEmpty() ? "MESA " + run.getExternalizableId() : step.comment);
            String target = step.switchHost + " " + step.port;
            rt.log("apply profile '" + step.profile + "' to " + target + (step.dryRun ? " (dry run)" : ""));
            Map<String, Object> r = rt.call(
                    step.credentialsId,
                    StepRuntime.Login.SWITCH,
                    EnumSet.of(StepRuntime.Login.SWITCH),
                    f -> f.junosApplyProfile(args));
            ChangeReport.record(rt, "junosApplyProfile", "junos", target, step.profile, r);
            return r;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "junosApplyProfile";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "MESA: apply a port profile on a Junos switch (NETCONF)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public FormValidation doCheckSwitch(@QueryParameter String value) {
            return StepForms.required(value, "the switch name or management host");
        }

        public FormValidation doCheckPort(@QueryParameter String value) {
            return StepForms.port(value);
        }

        public FormValidation doCheckProfile(@QueryParameter String value) {
            return StepForms.profile(value);
        }

        public FormValidation doCheckConfirmMinutes(@QueryParameter String value) {
            String v = Util.fixEmptyAndTrim(value);
            return v == null || "0".equals(v) ? FormValidation.ok() : Bounds.validate(v, 1, 60);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentials(item, credentialsId, StandardUsernameCredentials.class);
        }
    }
}
