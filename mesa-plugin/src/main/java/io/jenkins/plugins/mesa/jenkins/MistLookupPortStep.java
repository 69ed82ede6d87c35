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
 * {@code mistLookupPort(mac: …, siteId: …)}: which switch and port the AP is plugged into, from Mist (LLDP
 * now) or MESA's port registry. Returns {@code switchName, switchMac, managementHost, port, mistManaged,
 * source, siteId} or {@code found: false} with a {@code reason}.
 */
public final class MistLookupPortStep extends Step {
    private final String mac;
    private final String siteId;
    private String orgId = "";
    private String credentialsId = "";

    @DataBoundConstructor
    public MistLookupPortStep(String mac, String siteId) {
        this.mac = Util.fixNull(mac).trim();
        this.siteId = Util.fixNull(siteId).trim();
    }

    public String getMac() {
        return mac;
    }

    public String getSiteId() {
        return siteId;
    }

    public String getOrgId() {
        return orgId;
    }

    /** Overrides the configured Mist organisation. */
    @DataBoundSetter
    public void setOrgId(String orgId) {
        this.orgId = Util.fixNull(orgId).trim();
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
        private final transient MistLookupPortStep step;

        Execution(MistLookupPortStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepRuntime rt = new StepRuntime(
                    getContext().get(Run.class), getContext().get(TaskListener.class), "mistLookupPort");
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("mac", step.mac);
            args.put("siteId", step.siteId);
            if (!step.orgId.isEmpty()) {
                args.put("orgId", step.orgId);
            }
            rt.log("where is AP " + step.mac + " plugged in (site " + step.siteId + ")?");
            Map<String, Object> r = rt.call(
                    step.credentialsId,
                    StepRuntime.Login.MIST_TOKEN,
                    EnumSet.of(StepRuntime.Login.MIST_TOKEN),
                    f -> f.lookupPort(args));
            boolean found = !Boolean.FALSE.equals(r.get("found"));
            String answer = found
                    ? r.get("switchName") + " " + r.get("port") + " (switch " + r.get("switchMac") + ", source "
                            + r.get("source") + ", Mist-managed " + r.get("mistManaged") + ")"
                    : "not found: " + r.get("reason");
            rt.log(answer);
            rt.audit().addDecision("mistLookupPort", found ? "found" : "not-found", answer, r);
            rt.save();
            return r;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "mistLookupPort";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "MESA: look up the switch port of a Mist AP";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public FormValidation doCheckMac(@QueryParameter String value) {
            return StepForms.mac(value);
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
