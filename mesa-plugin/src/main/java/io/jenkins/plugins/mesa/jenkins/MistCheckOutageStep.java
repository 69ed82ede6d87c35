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
 * {@code mistCheckOutage(siteId: …)}: is the site in an outage (too many APs disconnected in the window, by
 * count or by share of the site's APs)? Returns {@code outage, disconnected, total, windowSeconds,
 * thresholdCount, thresholdRatio, explanation}.
 */
public final class MistCheckOutageStep extends Step {
    private final String siteId;
    private String credentialsId = "";

    @DataBoundConstructor
    public MistCheckOutageStep(String siteId) {
        this.siteId = Util.fixNull(siteId).trim();
    }

    public String getSiteId() {
        return siteId;
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
        private final transient MistCheckOutageStep step;

        Execution(MistCheckOutageStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepRuntime rt = new StepRuntime(
                    getContext().get(Run.class), getContext().get(TaskListener.class), "mistCheckOutage");
            rt.log("is site " + step.siteId + " in an outage?");
            Map<String, Object> r = rt.call(
                    step.credentialsId,
                    StepRuntime.Login.MIST_TOKEN,
                    EnumSet.of(StepRuntime.Login.MIST_TOKEN),
                    f -> f.checkOutage(Map.of("siteId", step.siteId)));
            boolean outage = Boolean.TRUE.equals(r.get("outage"));
            String answer = (outage ? "OUTAGE: " : "no outage: ") + r.get("disconnected") + " of " + r.get("total")
                    + " APs disconnected in " + r.get("windowSeconds") + " s (threshold " + r.get("thresholdCount")
                    + " APs or " + r.get("thresholdRatio") + ")";
            rt.log(answer);
            rt.audit()
                    .addDecision(
                            "mistCheckOutage",
                            outage ? "outage" : "no-outage",
                            String.valueOf(r.getOrDefault("explanation", answer)),
                            r);
            rt.save();
            return r;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "mistCheckOutage";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "MESA: check a Mist site for an AP outage";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public FormValidation doCheckSiteId(@QueryParameter String value) {
            return StepForms.required(value, "the Mist site id");
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentials(item, credentialsId, StringCredentials.class);
        }
    }
}
